import type { FarmDeps } from '../farm/farm-deps.js';
import type { StepContext } from '../procedure-definition.js';

/**
 * The global group's link to a shard group (issue 12): the shard group's
 * primary replicates from the global group's primary over the named
 * multi-source connection 'fabric_global'. Placeholder signatures while the
 * replication work lands on its own branch; every caller must already be
 * written against them.
 */

/**
 * Points `shardGroupId`'s primary's 'fabric_global' connection at
 * `globalGroupId`'s primary and starts it. Idempotent (a step may run twice).
 */
export function linkShardGroup(
  _deps: FarmDeps,
  _ctx: StepContext,
  shardGroupId: string,
  globalGroupId: string,
): Promise<void> {
  return Promise.reject(
    new Error(`global link ${globalGroupId} -> ${shardGroupId}: not implemented yet`),
  );
}

/** Stops and removes 'fabric_global' on `shardGroupId`'s primary. Idempotent. */
export function unlinkShardGroup(
  _deps: FarmDeps,
  _ctx: StepContext,
  shardGroupId: string,
): Promise<void> {
  return Promise.reject(new Error(`global unlink ${shardGroupId}: not implemented yet`));
}
