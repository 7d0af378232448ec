import type { ShardMap, ShardTable } from '../fabric/index.js';
import { routeKey } from '../routing/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { FarmView } from './farm-api.js';
import type { LookupScope } from './shard-proto.js';

export function needShardMap(view: FarmView, id: number): ShardMap {
  const m = view.shardMap(id);
  if (m === undefined)
    throw new FabricError('SHARD_MAP_NOT_FOUND', `shard map ${id} does not exist`, { mapId: id });
  return m;
}

/** A sharded table, or NOT_FOUND naming it (never an empty answer: a typo is not "unsharded"). */
export function needShardTable(view: FarmView, table: string): ShardTable {
  const t = view.shardTable(table);
  if (t === undefined) {
    throw new FabricError(
      'SHARD_TABLE_NOT_FOUND',
      `table ${table} is not sharded (list the sharded tables with: fabric sharding list-tables)`,
      { table },
    );
  }
  return t;
}

/** Where a key of a sharded table lives. */
export interface KeyPlace {
  readonly map: ShardMap;
  /** 0 for the global group. */
  readonly shardId: number;
  readonly groupId: string;
  /** The key as routed (HASH: its digest); "" for the global group. */
  readonly point: string;
}

/**
 * sharding.lookup_servers' routing: the global group for GLOBAL, else the
 * ENABLED shard src/routing picks. A key routing refuses is a typed error
 * (KEY_INVALID, KEY_BELOW_LOWEST_BOUND, NO_SHARDS) naming the field, the
 * map and its type, so the caller can tell a bad key from a bad farm.
 */
export function placeKey(view: FarmView, table: string, key: string, scope: LookupScope): KeyPlace {
  const t = needShardTable(view, table);
  const map = needShardMap(view, t.mapId);
  if (scope === 'GLOBAL') return { map, shardId: 0, groupId: map.globalGroupId, point: '' };
  // Only ENABLED shards route (mysql-fabric.md §5: a DISABLED shard is hidden from lookups).
  const shards = view.shards(map.id).filter((s) => s.state === 'ENABLED');
  const r = routeKey(map.type, shards, key);
  if (!r.ok) {
    throw new FabricError(
      r.code,
      `key ${JSON.stringify(key)} of ${table} cannot be routed in shard map ${map.id} (${map.type}): ${r.reason}`,
      { field: 'key', mapId: map.id },
    );
  }
  const shard = shards.find((s) => s.id === r.shardId);
  if (shard === undefined)
    throw new FabricError('INTERNAL', `routing chose shard ${r.shardId}, not in map ${map.id}`);
  return { map, shardId: shard.id, groupId: shard.groupId, point: r.point };
}
