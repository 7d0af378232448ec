import type { FarmDeps } from '../farm/farm-deps.js';
import type { ProcedureDefinition } from '../procedure-definition.js';
import { addShardProcedure } from './add-shard.js';
import { definitionProcedures } from './definition-procedures.js';
import { moveShardProcedure } from './move-shard.js';
import { verifyShardProcedure } from './verify-shard.js';
import { shardStateProcedures } from './shard-state-procedures.js';
import { tableProcedures } from './table-procedures.js';

/**
 * Every sharding procedure (issue 12; mysqlfabric's sharding commands,
 * kebab-case). The contract the API codes against, name → args → result:
 *
 * - sharding.create-definition { type, globalGroup } → { mapId }
 * - sharding.remove-definition { mapId } → null
 * - sharding.add-table { mapId, table: "db.table", column } → null
 * - sharding.remove-table { table } → null
 * - sharding.add-shard { mapId, group, bound?, state?: ENABLED (default) | DISABLED }
 *   → { shardId, bound } (bound canonical; omitted or null: an even split
 *   for HASH, refused for RANGE types)
 * - sharding.remove-shard { shardId } → null (the shard must be DISABLED)
 * - sharding.enable-shard { shardId } → null
 * - sharding.move-shard { shardId, group, chunkRows?, cutoverTimeoutMs?, throttleMs? }
 *   → { shardId, from, to } (issue 13: rows copied, caught up, verified, switched)
 * - sharding.verify-shard { shardId, group } → { chunks, mismatch } (compares
 *   the shard's rows on its group with another group; changes nothing)
 * - sharding.disable-shard { shardId } → null
 *
 * Map and shard ids are 1 + the highest ever used, chosen inside a step.
 */
export function shardingProcedures(deps: FarmDeps): ProcedureDefinition[] {
  return [
    ...definitionProcedures(deps),
    ...tableProcedures(deps),
    addShardProcedure(deps),
    ...shardStateProcedures(deps),
    moveShardProcedure(deps),
    verifyShardProcedure(deps),
  ];
}
