import { Command, CommanderError } from 'commander';
import { FabricError } from '../util/fabric-error.js';
import { registerClusterCommands } from './cluster-commands.js';
import { EXIT, EXIT_CODES_HELP, exitCodeOf } from './exit-codes.js';
import { registerGroupCommands } from './group-commands.js';
import { registerKvCommands } from './kv-commands.js';
import { registerNodeCommands } from './node-commands.js';
import { registerProcedureCommands } from './procedure-commands.js';
import { registerSandboxCommand } from './sandbox-command.js';
import { registerServerCommands } from './server-commands.js';
import { registerShardingCommands } from './sharding-commands.js';
import { registerThreatCommands } from './threat-commands.js';
import { registerTopologyCommands } from './topology-commands.js';

/**
 * The `fabric` command. commander parses the arguments (a mature parser
 * beats a hand-written one: help, errors for unknown options, subcommands).
 */
const program = new Command('fabric')
  .description('fabric-ha: a Raft-replicated farm manager for MySQL and MariaDB')
  .showHelpAfterError()
  .addHelpText('after', `\n${EXIT_CODES_HELP}`)
  .exitOverride();
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

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exit(exitWith(e));
}

/**
 * Prints why the command failed, in one message without a stack trace
 * (FABRIC_DEBUG=1 adds it), and returns the exit code (exit-codes.ts).
 */
function exitWith(e: unknown): number {
  // commander has printed its own message (or the help, or the version).
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (process.env.FABRIC_DEBUG === '1') process.stderr.write(`${String((e as Error).stack)}\n`);
  if (e instanceof FabricError) {
    process.stderr.write(`fabric: ${e.code}: ${e.message}\n`);
    return exitCodeOf(e.code);
  }
  process.stderr.write(`fabric: ${e instanceof Error ? e.message : String(e)}\n`);
  return EXIT.failed;
}
