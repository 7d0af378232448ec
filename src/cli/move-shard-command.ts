import type { Command } from 'commander';
import type { FabricClient } from '../client/index.js';
import { runMutation, withMutationOptions } from './mutation-command.js';
import type { MutationCommandOptions } from './mutation-command.js';
import { parseInteger } from './strict-numbers.js';

/** A move runs for as long as the copy takes: wait an hour unless told otherwise. */
const MOVE_WAIT_MS = 3_600_000;

/** fabric sharding move-shard SHARD GROUP (issue 13). */
export function registerMoveShard(sharding: Command): void {
  withMutationOptions(
    sharding
      .command('move-shard <shard-id> <group>')
      .description(
        'copy a shard with its rows to an empty group online, verify, and switch it there (the source group is left read-only)',
      )
      .option('--chunk-rows <n>', 'rows per copy chunk (default 1000)')
      .option(
        '--cutover-timeout-ms <ms>',
        'longest write freeze waiting for the destination (default 2000)',
      ),
  ).action(
    async (
      idText: string,
      group: string,
      o: MutationCommandOptions & { chunkRows?: string; cutoverTimeoutMs?: string },
    ) => {
      const id = parseInteger('shard-id', idText, 1, 4_294_967_295);
      const chunkRows =
        o.chunkRows === undefined
          ? undefined
          : parseInteger('--chunk-rows', o.chunkRows, 1, 100_000);
      const cutover =
        o.cutoverTimeoutMs === undefined
          ? undefined
          : parseInteger('--cutover-timeout-ms', o.cutoverTimeoutMs, 1, 600_000);
      await runMutation(
        o,
        `sharding move-shard ${id} ${group}`,
        (c: FabricClient, m) =>
          c.sharding.moveShard(id, group, {
            timeoutMs: MOVE_WAIT_MS,
            ...m,
            ...(chunkRows === undefined ? {} : { chunkRows }),
            ...(cutover === undefined ? {} : { cutoverTimeoutMs: cutover }),
          }),
        () => `moved shard ${id} to group ${group}`,
      );
    },
  );
}
