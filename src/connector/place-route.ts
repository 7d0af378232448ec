import { routeKey } from '../routing/index.js';
import { ConnectorError } from './connector-error.js';
import type { CheckedRoute, ResolvedGroupRoute, ShardKey, ShardPlace } from './route.js';
import type { RoutingView } from './routing-view.js';
import type { IndexedMap, ShardIndex } from './shard-index.js';

/**
 * A checked route placed on one topology epoch: the group (and, for a shard
 * route, the shard) it goes to, or a typed error naming the problem
 * (TABLE_NOT_SHARDED, KEY_INVALID, KEY_BELOW_LOWEST_BOUND, NO_ENABLED_SHARDS,
 * NO_SHARD_MAP, AMBIGUOUS_SHARD_MAP). Unknown groups are left to server
 * selection (UNKNOWN_GROUP).
 */
export function placeRoute(view: RoutingView, r: CheckedRoute): ResolvedGroupRoute {
  switch (r.kind) {
    case 'group':
      return { group: r.group, mode: r.mode };
    case 'global':
      return { group: globalMap(view.shards, r.table).globalGroup, mode: r.mode };
    case 'shard': {
      const place = locateKey(view, r.table, r.key);
      return { group: place.group, mode: r.mode, shard: place.shard };
    }
  }
}

/** The map of a sharded table, or TABLE_NOT_SHARDED (a typo is not "unsharded": never a silent default). */
export function shardedMap(index: ShardIndex, table: string): IndexedMap {
  const map = index.mapOf(table);
  if (map === undefined)
    throw new ConnectorError(
      'TABLE_NOT_SHARDED',
      `table ${table} is not sharded in this topology (list the sharded tables with: fabric sharding list-tables)`,
      { table },
    );
  return map;
}

/** The map a GLOBAL route means: the table's, or the only one. */
function globalMap(index: ShardIndex, table: string | undefined): IndexedMap {
  if (table !== undefined) return shardedMap(index, table);
  const maps = [...index.maps.values()];
  const [only] = maps;
  if (maps.length === 1 && only !== undefined) return only;
  if (maps.length === 0)
    throw new ConnectorError(
      'NO_SHARD_MAP',
      'a GLOBAL route needs a shard map, and the farm has none',
    );
  throw new ConnectorError(
    'AMBIGUOUS_SHARD_MAP',
    `the farm has ${maps.length} shard maps (${maps.map((m) => m.id).join(', ')}): ` +
      'name a table in the GLOBAL route ({ scope: "GLOBAL", table }) to pick one',
    { maps: maps.length },
  );
}

/** The group and shard holding `key` of `table` in this epoch. */
function locateKey(
  view: RoutingView,
  table: string,
  key: ShardKey,
): { group: string; shard: ShardPlace } {
  const map = shardedMap(view.shards, table);
  const type = map.type;
  const fail = (
    code: 'KEY_INVALID' | 'KEY_BELOW_LOWEST_BOUND' | 'NO_ENABLED_SHARDS',
    why: string,
  ) =>
    new ConnectorError(
      code,
      `key ${describeKey(key)} of ${table} cannot be routed in shard map ${map.id} (${type ?? 'unknown type'}): ${why}`,
      { table, mapId: map.id, epoch: view.epoch },
    );
  if (type === undefined) throw fail('KEY_INVALID', 'this connector does not know the map type');
  if (key instanceof Date && type !== 'RANGE_DATETIME')
    throw fail('KEY_INVALID', `a Date key needs a RANGE_DATETIME map, not ${type}`);
  const r = routeKey(type, map.enabled, key instanceof Date ? datetimeText(key) : key);
  if (!r.ok)
    throw fail(
      r.code === 'NO_SHARDS' ? 'NO_ENABLED_SHARDS' : r.code,
      r.code === 'NO_SHARDS' ? 'the map has no ENABLED shard' : r.reason,
    );
  const shard = map.enabled.find((s) => s.id === r.shardId);
  if (shard === undefined)
    throw fail('NO_ENABLED_SHARDS', `routing chose shard ${r.shardId}, not in the map`);
  return {
    group: shard.group,
    shard: {
      table,
      mapId: map.id,
      shardId: shard.id,
      locate: (k, t = table) => locateKey(view, t, k).shard,
    },
  };
}

/**
 * A Date as DATETIME text in local time, as mysql2 (default `timezone:
 * 'local'`) writes it into a DATETIME column, so the row and its route agree.
 */
function datetimeText(d: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return (
    `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())} ` +
    `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`
  );
}

function describeKey(key: ShardKey): string {
  if (key instanceof Date) return key.toISOString();
  return typeof key === 'bigint' ? `${key}n` : JSON.stringify(key);
}
