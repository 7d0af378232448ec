import { groupLockKey, mapLockKey, shardLockKey } from '../../fabric/index.js';
import type { FabricModel, JsonValue } from '../../fabric/index.js';
import type { FarmDeps } from '../farm/farm-deps.js';
import { needGroup } from '../farm/lookup.js';
import { PermanentStepError } from '../procedure-definition.js';
import type { ProcedureDefinition, StepContext, StepResult } from '../procedure-definition.js';
import { asArgs, group, id } from './args.js';
import { shardTableShapes } from './move-copy.js';
import { DEFAULT_CHUNK_ROWS, primaryHandle } from './move-plan.js';
import { needShard, needShardMap } from './sharding-checks.js';
import { verifyAndRepair } from './shard-verify.js';
import { keyRangeOf } from './key-range.js';

interface VerifyArgs {
  readonly shardId: number;
  readonly group: string;
}

function parse(args: JsonValue): VerifyArgs {
  const a = asArgs(args);
  return { shardId: id(a, 'shardId'), group: group(a, 'group') };
}

function lockKeys(model: FabricModel, args: JsonValue): string[] {
  const p = parse(args);
  const shard = needShard(model, p.shardId);
  needGroup(model, p.group);
  if (p.group === shard.groupId)
    throw new PermanentStepError(
      'INVALID_ARGUMENT',
      `group ${p.group} holds shard ${shard.id}: name the other group to compare it with`,
    );
  return [
    shardLockKey(shard.id),
    mapLockKey(shard.mapId),
    groupLockKey(shard.groupId),
    groupLockKey(p.group),
  ];
}

/**
 * Compares, chunk by chunk, the shard's rows on its group's primary with
 * the same key range on another group's primary (typically the group it
 * was moved from, which stays read-only). Answers { chunks, mismatch }:
 * mismatch names the first differing chunk, null when none. It changes
 * nothing; with writes still going to the shard, a chunk may differ only
 * because the other group has not received them.
 */
async function compareStep(deps: FarmDeps, ctx: StepContext): Promise<StepResult> {
  const { model } = deps;
  const p = parse(ctx.args);
  const shard = needShard(model, p.shardId);
  const map = needShardMap(model, shard.mapId);
  const tables = model.shardTables(map.id);
  const plan = {
    args: { chunkRows: DEFAULT_CHUNK_ROWS },
    tables: tables.map((t) => t.table),
    shardColumns: tables.map((t) => t.column),
    range: keyRangeOf(model, map, shard),
  };
  const holder = primaryHandle(deps, shard.groupId);
  const other = primaryHandle(deps, p.group);
  const shapes = await shardTableShapes(holder, { ...plan, map, shard });
  const v = await verifyAndRepair(plan, shapes, holder, other, false);
  return { output: { chunks: v.chunks, mismatch: v.mismatch ?? null }, effects: [] };
}

/** sharding.verify-shard { shardId, group } → { chunks, mismatch } (issue 13). */
export function verifyShardProcedure(deps: FarmDeps): ProcedureDefinition {
  return {
    name: 'sharding.verify-shard',
    lockKeys: (args) => lockKeys(deps.model, args),
    admit: (args) => {
      lockKeys(deps.model, args);
    },
    steps: [{ name: 'compare', run: (ctx) => compareStep(deps, ctx) }],
  };
}
