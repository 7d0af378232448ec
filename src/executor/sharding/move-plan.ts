import { groupLockKey, mapLockKey, shardLockKey } from '../../fabric/index.js';
import type { FabricModel, JsonValue, Shard, ShardMap } from '../../fabric/index.js';
import type { KeyRange, ServerHandle } from '../../mysql/index.js';
import type { FarmDeps } from '../farm/farm-deps.js';
import { needGroup, primaryOf } from '../farm/lookup.js';
import { PermanentStepError } from '../procedure-definition.js';
import type { StepContext } from '../procedure-definition.js';
import { asArgs, id, group } from './args.js';
import { keyRangeOf } from './key-range.js';
import { needLocks, needShard, needShardMap } from './sharding-checks.js';

/** Rows per chunk unless the request says otherwise. */
export const DEFAULT_CHUNK_ROWS = 1_000;
/** The cutover's wait for the destination, source frozen (issue 13: default 2 s). */
export const DEFAULT_CUTOVER_TIMEOUT_MS = 2_000;
/** The destination's catch-up connection (MariaDB multi-source). */
export const CATCH_UP_CHANNEL = 'fabric_move';

export interface MoveShardArgs {
  readonly shardId: number;
  readonly group: string;
  readonly chunkRows: number;
  readonly cutoverTimeoutMs: number;
  /** Pause after each chunk (a throttle, as gh-ost's): 0 by default. */
  readonly throttleMs: number;
}

/** What a move works on, planned from the model (stable while the procedure holds its locks). */
export interface MovePlan {
  readonly args: MoveShardArgs;
  readonly shard: Shard;
  readonly map: ShardMap;
  readonly sourceGroup: string;
  readonly sourceDomain: number;
  readonly tables: readonly string[];
  /** The shard key column of each table, in `tables` order. */
  readonly shardColumns: readonly string[];
  readonly range: (column: string) => KeyRange;
}

function positiveInt(
  a: Record<string, JsonValue>,
  field: string,
  dflt: number,
  max: number,
): number {
  const v = a[field];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > max)
    throw new PermanentStepError(
      'INVALID_ARGUMENT',
      `${field} ${JSON.stringify(v)} is invalid: an integer from 0 to ${max}`,
    );
  return v;
}

export function parseMove(args: JsonValue): MoveShardArgs {
  const a = asArgs(args);
  const chunkRows = positiveInt(a, 'chunkRows', DEFAULT_CHUNK_ROWS, 100_000);
  if (chunkRows < 1)
    throw new PermanentStepError('INVALID_ARGUMENT', 'chunkRows 0 is invalid: at least 1');
  return {
    shardId: id(a, 'shardId'),
    group: group(a, 'group'),
    chunkRows,
    cutoverTimeoutMs: positiveInt(a, 'cutoverTimeoutMs', DEFAULT_CUTOVER_TIMEOUT_MS, 600_000),
    throttleMs: positiveInt(a, 'throttleMs', 0, 60_000),
  };
}

/**
 * The destination: an existing group with a primary, not the source,
 * holding no shard, no map's global group. (Its servers holding none of
 * the shard's rows is checked by the first step, on the server.)
 */
function checkDestination(model: FabricModel, map: ShardMap, shard: Shard, dest: string): void {
  const g = needGroup(model, dest);
  const refuse = (why: string): never => {
    throw new PermanentStepError(
      'GROUP_IN_USE',
      `group ${dest} cannot receive shard ${shard.id}: ${why}`,
    );
  };
  if (dest === shard.groupId) refuse('it already holds it');
  const held = model.shards().find((s) => s.groupId === dest);
  if (held !== undefined) refuse(`it holds shard ${held.id} (a group holds at most one shard)`);
  const global = model.shardMaps().find((m) => m.globalGroupId === dest);
  if (global !== undefined) refuse(`it is the global group of shard map ${global.id}`);
  if (g.primary === null)
    throw new PermanentStepError(
      'INVALID_TRANSITION',
      `group ${dest} has no primary to copy to: promote one first (fabric group promote ${dest})`,
    );
  if (needGroup(model, shard.groupId).primary === null)
    throw new PermanentStepError(
      'INVALID_TRANSITION',
      `the source group ${shard.groupId} has no primary to copy from`,
    );
  if (needGroup(model, map.globalGroupId).primary === null)
    throw new PermanentStepError(
      'INVALID_TRANSITION',
      `the global group ${map.globalGroupId} has no primary to link ${dest} to`,
    );
}

export function planMove(model: FabricModel, args: JsonValue): MovePlan {
  const p = parseMove(args);
  const shard = needShard(model, p.shardId);
  const map = needShardMap(model, shard.mapId);
  checkDestination(model, map, shard, p.group);
  return {
    args: p,
    shard,
    map,
    sourceGroup: shard.groupId,
    sourceDomain: needGroup(model, shard.groupId).gtidDomainId ?? 0,
    tables: model.shardTables(map.id).map((t) => t.table),
    shardColumns: model.shardTables(map.id).map((t) => t.column),
    range: keyRangeOf(model, map, shard),
  };
}

export function moveLockKeys(model: FabricModel, args: JsonValue): string[] {
  const p = parseMove(args);
  const shard = needShard(model, p.shardId);
  const map = needShardMap(model, shard.mapId);
  return [
    shardLockKey(shard.id),
    mapLockKey(map.id),
    groupLockKey(shard.groupId),
    groupLockKey(p.group),
    groupLockKey(map.globalGroupId),
  ];
}

/**
 * A step's plan. Before the cutover the shard is still on its source
 * group; the cutover's own re-run (after its effect committed) and the
 * last step see it on the destination, so they plan with `moved`.
 */
export function replanMove(deps: FarmDeps, ctx: StepContext, moved = false): MovePlan {
  const { model } = deps;
  const p = parseMove(ctx.args);
  const shard = needShard(model, p.shardId);
  if (moved && shard.groupId === p.group) {
    const source = ctx.outputs.check as { sourceGroup?: string } | undefined;
    const map = needShardMap(model, shard.mapId);
    return {
      args: p,
      shard,
      map,
      sourceGroup: source?.sourceGroup ?? shard.groupId,
      sourceDomain: needGroup(model, source?.sourceGroup ?? shard.groupId).gtidDomainId ?? 0,
      tables: model.shardTables(map.id).map((t) => t.table),
      shardColumns: model.shardTables(map.id).map((t) => t.column),
      range: keyRangeOf(model, map, shard),
    };
  }
  const plan = planMove(model, ctx.args);
  needLocks(model, ctx, moveLockKeys(model, ctx.args));
  return plan;
}

/** The group's primary's handle; a step without one fails (a failover stops the move cleanly). */
export function primaryHandle(deps: FarmDeps, groupId: string): ServerHandle {
  const p = primaryOf(deps.model, needGroup(deps.model, groupId));
  if (p === undefined)
    throw new PermanentStepError(
      'INVALID_TRANSITION',
      `group ${groupId} has no primary; the move stops (run it again once it has one)`,
    );
  return deps.servers.server(p.address, p.uuid);
}
