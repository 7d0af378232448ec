import { SHARD_MAPPING_TYPE, SHARD_STATE } from '../client/farm-names.js';
import type { Shard__Output } from '../gen/fabric/v1/Shard.js';
import type { ShardMap__Output } from '../gen/fabric/v1/ShardMap.js';
import type { ShardTable__Output } from '../gen/fabric/v1/ShardTable.js';
import { table } from './output.js';

/** sharding list-definitions, with mysqlfabric's columns. */
export function shardMapsTable(maps: readonly ShardMap__Output[]): string {
  return table(
    ['MAPPING_ID', 'TYPE_NAME', 'GLOBAL_GROUP_ID'],
    maps.map((m) => [String(m.id), SHARD_MAPPING_TYPE.name(m.type, '?'), m.global_group_id]),
  );
}

/**
 * sharding list-tables and lookup-table, with mysqlfabric's columns: each
 * table with its map's type and global group ("?" for a map not in `maps`).
 */
export function shardTablesTable(
  tables: readonly ShardTable__Output[],
  maps: readonly ShardMap__Output[],
): string {
  const byId = new Map(maps.map((m) => [m.id, m]));
  return table(
    ['MAPPING_ID', 'TABLE_NAME', 'COLUMN_NAME', 'TYPE_NAME', 'GLOBAL_GROUP_ID'],
    tables.map((t) => {
      const m = byId.get(t.map_id);
      return [
        String(t.map_id),
        t.table,
        t.column,
        m === undefined ? '?' : SHARD_MAPPING_TYPE.name(m.type, '?'),
        m?.global_group_id ?? '?',
      ];
    }),
  );
}

/** The shards of the topology: bounds, groups and states. */
export function shardsTable(shards: readonly Shard__Output[]): string {
  return table(
    ['SHARD_ID', 'MAPPING_ID', 'LOWER_BOUND', 'GROUP_ID', 'STATE'],
    shards.map((s) => [
      String(s.id),
      String(s.map_id),
      s.lower_bound,
      s.group_id,
      SHARD_STATE.name(s.state, '?'),
    ]),
  );
}
