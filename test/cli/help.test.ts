import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Command } from 'commander';
import { completionScript } from '../../src/cli/completion.js';
import { buildProgram } from '../../src/cli/program.js';
import { runFabric } from './run-fabric.js';

const GUARD = { timeout: 60_000 };

function leaves(c: Command, path: readonly string[] = []): [string, Command][] {
  if (c.commands.length === 0) return [[path.join(' '), c]];
  return c.commands.flatMap((s) => leaves(s, [...path, s.name()]));
}

function helpOf(c: Command): string {
  let out = '';
  c.configureOutput({ writeOut: (s) => (out += s) });
  c.outputHelp();
  return out;
}

test('cli help: every command shows examples', () => {
  const program = buildProgram();
  const missing = leaves(program)
    .filter(([, c]) => !/\nExamples:\n {2}\$ \S/.test(helpOf(c)))
    .map(([path]) => path);
  assert.deepEqual(missing, []);
});

test(
  'cli help: the test-only kv commands are hidden from the default help but still run',
  GUARD,
  async () => {
    const help = await runFabric(['--help']);
    assert.equal(help.code, 0);
    assert.doesNotMatch(help.stdout, /^\s+kv\b/m);
    assert.match(help.stdout, /^\s+group\b/m);
    const kvHelp = await runFabric(['kv', 'put', '--help']);
    assert.equal(kvHelp.code, 0);
    assert.match(kvHelp.stdout, /Usage: fabric kv put/);
  },
);

test('cli version: fabric --version prints the package version', GUARD, async () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  const r = await runFabric(['--version']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, `fabric-ha ${pkg.version} (Node.js ${process.version})\n`);
});

/** What bash completes for the words typed so far (the last one being completed). */
function complete(script: string, words: readonly string[]): string[] {
  const out = execFileSync(
    'bash',
    [
      '-c',
      `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _fabric_completion; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: 'utf8' },
  );
  return out.split('\n').filter((l) => l !== '');
}

test(
  'cli completion: bash completes commands, subcommands and options; zsh loads the same',
  GUARD,
  async () => {
    const script = completionScript('bash', buildProgram());
    assert.deepEqual(complete(script, ['fabric', 'gr']), ['group']);
    assert.ok(complete(script, ['fabric', 'group', 'lookup-']).includes('lookup-servers'));
    assert.ok(
      complete(script, ['fabric', 'group', 'lookup-servers', 'g1', '--end']).includes(
        '--endpoints',
      ),
    );
    assert.deepEqual(complete(script, ['fabric', 'kv']), [], 'hidden commands are not offered');
    const zsh = await runFabric(['completion', 'zsh']);
    assert.equal(zsh.code, 0);
    assert.match(zsh.stdout, /^autoload -U \+X bashcompinit && bashcompinit\n/);
    assert.match(zsh.stdout, /complete -o default -F _fabric_completion fabric/);
    const bad = await runFabric(['completion', 'fish']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /shell "fish" is invalid: use one of bash, zsh/);
  },
);

test('cli help: parsing the command line loads no gRPC (it loads on the first call)', GUARD, () => {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      "const { buildProgram } = await import('./src/cli/program.ts'); buildProgram(); const { createRequire } = await import('node:module'); const loaded = Object.keys(createRequire(import.meta.url).cache ?? {}); process.stdout.write(JSON.stringify(loaded.filter((m) => m.includes('grpc-js'))));",
    ],
    { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname, env: { ...process.env } },
  );
  assert.equal(out, '[]');
});
