import type { Command } from 'commander';
import { FabricError } from '../util/fabric-error.js';

/** The shells `fabric completion` writes a script for. */
export const COMPLETION_SHELLS = ['bash', 'zsh'] as const;

/**
 * The completion script, generated from the command tree itself, so it
 * never drifts from the commands: first word a command, second a
 * subcommand, then the options of the command typed. Hidden commands
 * (the test-only kv) are left out. zsh runs the same function through its
 * bash compatibility layer (bashcompinit).
 */
export function completionScript(shell: string, program: Command): string {
  if (shell !== 'bash' && shell !== 'zsh')
    throw new FabricError(
      'INVALID_ARGUMENT',
      `shell ${JSON.stringify(shell)} is invalid: use one of ${COMPLETION_SHELLS.join(', ')}`,
      { field: 'shell' },
    );
  const cases: string[] = [];
  const top = visible(program);
  cases.push(caseLine('', [...top.map((c) => c.name()), ...optionsOf(program)]));
  for (const c of top) {
    const subs = visible(c);
    // A command without subcommands keeps offering its options after its arguments.
    cases.push(
      subs.length > 0
        ? caseLine(
            c.name(),
            subs.map((s) => s.name()),
          )
        : caseLine(c.name(), optionsOf(c), `|"${c.name()} "*`),
    );
    for (const s of subs) cases.push(caseLine(`${c.name()} ${s.name()}`, optionsOf(s)));
  }
  const fn = `# fabric shell completion (${shell}). Load it with:
#   source <(fabric completion ${shell})
_fabric_completion() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words="" i
  # The command typed so far: the first two words before the cursor that are not options.
  local -a typed=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    [[ "\${COMP_WORDS[i]}" == -* ]] || typed+=("\${COMP_WORDS[i]}")
  done
  local key="\${typed[*]:0:2}"
  case "$key" in
${cases.join('\n')}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _fabric_completion fabric
`;
  return shell === 'zsh' ? `autoload -U +X bashcompinit && bashcompinit\n${fn}` : fn;
}

function visible(c: Command): Command[] {
  return c.commands.filter((s) => !(s as unknown as { _hidden: boolean })._hidden);
}

function optionsOf(c: Command): string[] {
  return c.options.filter((o) => !o.hidden).flatMap((o) => (o.long === undefined ? [] : [o.long]));
}

function caseLine(key: string, words: readonly string[], more = ''): string {
  return `    "${key}"${more}) words="${words.join(' ')}" ;;`;
}

/** fabric completion bash|zsh */
export function registerCompletionCommand(program: Command): void {
  program
    .command('completion <shell>')
    .description(`print the shell completion script (${COMPLETION_SHELLS.join(' or ')})`)
    .action((shell: string) => {
      process.stdout.write(completionScript(shell, program));
    });
}
