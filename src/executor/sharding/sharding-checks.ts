import type { Effect, FabricModel, Shard, ShardMap, ShardTable } from '../../fabric/index.js';
import { needGroup } from '../farm/lookup.js';
import { PermanentStepError } from '../procedure-definition.js';
import type { StepContext } from '../procedure-definition.js';

/**
 * Checks shared by the sharding procedures' admission and steps. Each
 * throws StepPermanentError with the model's own code: admission refuses
 * the request before anything is queued, a step fails the procedure
 * (retrying cannot make a broken rule hold).
 */

/** Refuses effects the model would refuse, with the model's code and message. */
export function refuseBroken(model: FabricModel, effects: readonly Effect[]): void {
  const r = model.checkEffects(effects);
  if (r !== undefined) throw new PermanentStepError(r.code, r.message);
}

export function needShardMap(model: FabricModel, mapId: number): ShardMap {
  const m = model.shardMap(mapId);
  if (m === undefined)
    throw new PermanentStepError(
      'SHARD_MAP_NOT_FOUND',
      `shard map ${mapId} does not exist (fabric sharding list-definitions lists them)`,
    );
  return m;
}

export function needShard(model: FabricModel, shardId: number): Shard {
  const s = model.shard(shardId);
  if (s === undefined)
    throw new PermanentStepError('SHARD_NOT_FOUND', `shard ${shardId} does not exist`);
  return s;
}

export function needShardTable(model: FabricModel, table: string): ShardTable {
  const t = model.shardTable(table);
  if (t === undefined)
    throw new PermanentStepError(
      'SHARD_TABLE_NOT_FOUND',
      `table ${table} is in no shard map (fabric sharding list-tables lists them)`,
    );
  return t;
}

/**
 * An ENABLED shard's group primary replicates from the global group's
 * primary (the 'fabric_global' connection), so both groups need one
 * before a shard is enabled: linking to nothing would route keys to a
 * group that never receives the global tables.
 */
export function needPrimaries(
  model: FabricModel,
  shardGroupId: string,
  globalGroupId: string,
): void {
  for (const [id, role] of [
    [shardGroupId, 'shard group'],
    [globalGroupId, 'global group'],
  ] as const) {
    if (needGroup(model, id).primary === null)
      throw new PermanentStepError(
        'INVALID_TRANSITION',
        `${role} ${id} has no primary; an ENABLED shard links the shard group's primary to the global group's primary (promote one first: fabric group promote ${id}) [rule enable-needs-primaries]`,
      );
  }
}

/**
 * A step's re-check that the locks its procedure took at submission still
 * cover what it is about to touch: a shard moved to another group while
 * the procedure waited (stage 8's move-shard) would otherwise be linked
 * without its new group's lock, racing that group's switchover.
 */
export function needLocks(model: FabricModel, ctx: StepContext, keys: readonly string[]): void {
  const held = model.procedure(ctx.procedureId)?.lockKeys;
  if (held === undefined) return;
  const missing = keys.filter((k) => !held.includes(k));
  if (missing.length > 0)
    throw new PermanentStepError(
      'INVALID_TRANSITION',
      `the farm changed while procedure ${ctx.procedureId} waited: it now needs the lock(s) ${missing.join(', ')} it did not take; submit it again`,
    );
}
