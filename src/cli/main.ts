import { Command, CommanderError } from 'commander';
import { FabricError } from '../util/fabric-error.js';
import { registerClusterCommands } from './cluster-commands.js';
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
  if (e instanceof CommanderError) process.exit(e.exitCode);
  if (e instanceof FabricError) {
    process.stderr.write(`fabric: ${e.code}: ${e.message}\n`);
    process.exit(e.code === 'CONFIG_INVALID' || e.code === 'INVALID_ARGUMENT' ? 2 : 1);
  }
  throw e;
}
