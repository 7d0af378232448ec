import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerClusterCommands } from './cluster-commands.js';
import { registerCompletionCommand } from './completion.js';
import { addExamples } from './examples.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { registerGroupCommands } from './group-commands.js';
import { registerKvCommands } from './kv-commands.js';
import { registerNodeCommands } from './node-commands.js';
import { registerProcedureCommands } from './procedure-commands.js';
import { registerSandboxCommand } from './sandbox-command.js';
import { registerServerCommands } from './server-commands.js';
import { registerShardingCommands } from './sharding-commands.js';
import { registerStatusCommand } from './status-command.js';
import { registerThreatCommands } from './threat-commands.js';
import { registerTopologyCommands } from './topology-commands.js';

/**
 * The `fabric` command. commander parses the arguments (a mature parser
 * beats a hand-written one: help, errors for unknown options, subcommands).
 */
export function buildProgram(): Command {
  const program = new Command('fabric')
    .description('fabric-ha: a Raft-replicated farm manager for MySQL and MariaDB')
    .version(version(), '-V, --version', 'print the version of fabric-ha and of Node.js')
    .showHelpAfterError()
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .exitOverride();
  registerStatusCommand(program);
  registerNodeCommands(program);
  registerClusterCommands(program);
  registerKvCommands(program);
  registerProcedureCommands(program);
  registerGroupCommands(program);
  registerServerCommands(program);
  registerShardingCommands(program);
  registerTopologyCommands(program);
  registerThreatCommands(program);
  registerSandboxCommand(program);
  registerCompletionCommand(program);
  addExamples(program);
  return program;
}

/** "fabric-ha 1.2.3 (Node.js v20.x)": package.json sits two levels up from src/cli and dist/cli alike. */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return `fabric-ha ${pkg.version} (Node.js ${process.version})`;
}
