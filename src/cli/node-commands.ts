import type { Command } from 'commander';

/** fabric node start --config FILE [--join ADDRESS] */
export function registerNodeCommands(program: Command): void {
  const node = program.command('node').description('run a Fabric node');
  node
    .command('start')
    .description('start a node from a cluster file; SIGTERM stops it cleanly')
    .requiredOption('-c, --config <file>', 'cluster file (see cluster.example.toml)')
    .option(
      '--join <host:port>',
      'ask an existing cluster, through any of its nodes, to add this fresh node',
    )
    .action(async (o: { config: string; join?: string }) => {
      // The node's modules (gRPC, LevelDB, mysql2, pino) load only for this command.
      const [{ loadConfig }, { startNode }, { createLogger }, { EXIT_NODE_REMOVED }] =
        await Promise.all([
          import('../server/config.js'),
          import('../server/node-process.js'),
          import('../util/logger.js'),
          import('../node/removal.js'),
        ]);
      const config = loadConfig(o.config, { joining: o.join !== undefined });
      const logger = createLogger(config.log.level, { nodeId: config.node.id });
      const running = await startNode({
        config,
        logger,
        ...(o.join === undefined ? {} : { join: o.join }),
      });
      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down');
        running.stop().then(
          () => {
            logger.flush();
            process.exit(0);
          },
          (err: unknown) => {
            logger.error({ err }, 'unclean shutdown');
            process.exit(1);
          },
        );
      };
      void running.removed.then(() => {
        // The error is logged (raft-node.ts); requests are refused meanwhile.
        // One election timeout lets a removed leader's hand-off and the
        // answer to the RemoveNode call that removed it go out first.
        if (stopping) return;
        stopping = true;
        setTimeout(() => {
          void running.stop().finally(() => {
            logger.flush();
            process.exit(EXIT_NODE_REMOVED);
          });
        }, config.raft.electionTicks * config.raft.tickMs);
      });
      process.on('SIGTERM', () => {
        stop('SIGTERM');
      });
      process.on('SIGINT', () => {
        stop('SIGINT');
      });
    });
}
