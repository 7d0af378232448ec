import type { Command } from 'commander';
import type { SandboxOptions } from './sandbox.js';

/**
 * fabric sandbox: Fabric nodes and throwaway MariaDB servers on loopback
 * ports chosen by the OS, in a temp dir, set up as one HA group; Ctrl-C
 * stops every process it started and removes the dir (unless --keep).
 */
export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description(
      'start a local cluster of Fabric nodes and MariaDB servers to try things out; Ctrl-C stops it',
    )
    .option('-n, --nodes <count>', 'how many Fabric nodes (1-7)', '3')
    .option(
      '-s, --servers <count>',
      'how many MariaDB servers per group (0-5; default 3, or 2 with --sharded)',
    )
    .option(
      '--sharded',
      'a global group and two shard groups: subscribers sharded on sub_no by RANGE',
    )
    .option('--keep', 'keep the temp dir (configs, data, logs) after stopping')
    .action(async (o: SandboxOptions) => {
      // MariaDB tooling, gRPC and the client load only when a sandbox runs.
      const { runSandbox } = await import('./sandbox.js');
      await runSandbox(o);
    });
}
