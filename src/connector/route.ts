import { ConnectorError } from './connector-error.js';

/** What a statement needs: a writable primary, or any server that may serve reads. */
export const ROUTE_MODES = ['READ_WRITE', 'READ_ONLY'] as const;
export type RouteMode = (typeof ROUTE_MODES)[number];

/** A high-availability group: READ_WRITE (the default) goes to its PRIMARY, READ_ONLY to a SECONDARY by weight. */
export interface GroupRoute {
  readonly group: string;
  readonly mode?: RouteMode;
}

/** What a shard key may be: a Date is read as UTC and only fits a RANGE_DATETIME map. */
export type ShardKey = string | number | bigint | Date;

/**
 * A sharded table and a shard key (`table` is 'db.table'): the group of the
 * ENABLED shard holding the key in the current topology epoch, by the same
 * rule as Fabric's lookup-servers (src/routing's routeKey).
 */
export interface ShardRoute {
  readonly table: string;
  readonly key: ShardKey;
  readonly mode?: RouteMode;
}

/**
 * The global group of a shard map (Fabric's scope=GLOBAL): every shard
 * replicates from it. `table` picks the map; without it, the farm must have
 * exactly one shard map.
 */
export interface GlobalRoute {
  readonly scope: 'GLOBAL';
  readonly table?: string;
  readonly mode?: RouteMode;
}

/** Where a statement goes. */
export type Route = GroupRoute | ShardRoute | GlobalRoute;

/** A route whose shape was checked and mode settled; shard parts are placed on a topology later. */
export type CheckedRoute =
  | { readonly kind: 'group'; readonly group: string; readonly mode: RouteMode }
  | {
      readonly kind: 'shard';
      readonly table: string;
      readonly key: ShardKey;
      readonly mode: RouteMode;
    }
  | { readonly kind: 'global'; readonly table: string | undefined; readonly mode: RouteMode };

/** Where a shard route landed, kept with the resolved route (a transaction checks its keys against it). */
export interface ShardPlace {
  readonly table: string;
  readonly mapId: number;
  readonly shardId: number;
  /** The shard a key of `table` (default: this place's table) routes to in the same epoch; throws a typed error. */
  readonly locate: (key: ShardKey, table?: string) => ShardPlace;
}

/** A route as a group and a mode (and, for a shard route, where its key landed). */
export interface ResolvedGroupRoute {
  readonly group: string;
  readonly mode: RouteMode;
  readonly shard?: ShardPlace;
}

/**
 * Checks a route's shape and settles its mode, or throws INVALID_ROUTE.
 * Routes come from JavaScript callers too, so the shape is checked, not
 * trusted. Shard and GLOBAL routes are placed on a topology afterwards
 * (placeRoute), since where they go depends on the epoch.
 */
export function checkRoute(route: Route): CheckedRoute {
  const r = route as Partial<GroupRoute & ShardRoute & GlobalRoute> | null;
  if (typeof r !== 'object' || r === null)
    throw new ConnectorError('INVALID_ROUTE', 'a route must be an object such as { group, mode }');
  const mode = r.mode ?? 'READ_WRITE';
  if (!(ROUTE_MODES as readonly string[]).includes(mode))
    throw new ConnectorError(
      'INVALID_ROUTE',
      `route mode ${JSON.stringify(mode)} is not one of ${ROUTE_MODES.join(', ')}`,
      { mode: JSON.stringify(mode) },
    );
  if (r.scope !== undefined) return checkGlobal(r, mode);
  if (r.table !== undefined || r.key !== undefined) return checkShard(r, mode);
  if (typeof r.group !== 'string' || r.group === '')
    throw new ConnectorError('INVALID_ROUTE', 'a group route needs a non-empty group id');
  return { kind: 'group', group: r.group, mode };
}

function checkGlobal(r: Partial<GlobalRoute & GroupRoute>, mode: RouteMode): CheckedRoute {
  if (r.scope !== 'GLOBAL')
    throw new ConnectorError(
      'INVALID_ROUTE',
      `route scope ${JSON.stringify(r.scope)} is not "GLOBAL"`,
    );
  if (r.group !== undefined)
    throw new ConnectorError(
      'INVALID_ROUTE',
      'a GLOBAL route names a table (or nothing), not a group',
    );
  if (r.table !== undefined) checkTable(r.table);
  return { kind: 'global', table: r.table, mode };
}

function checkShard(r: Partial<ShardRoute & GroupRoute>, mode: RouteMode): CheckedRoute {
  if (r.group !== undefined)
    throw new ConnectorError(
      'INVALID_ROUTE',
      'a route names either a group or a table and key, not both',
    );
  checkTable(r.table);
  const key = r.key as unknown;
  const ok =
    typeof key === 'string' ||
    typeof key === 'number' ||
    typeof key === 'bigint' ||
    key instanceof Date;
  if (!ok)
    throw new ConnectorError(
      'INVALID_ROUTE',
      `a shard route { table, key } needs a key (string, number, bigint or Date), not ${key === null ? 'null' : typeof key}`,
      { table: r.table },
    );
  return { kind: 'shard', table: r.table, key, mode };
}

function checkTable(table: unknown): asserts table is string {
  if (typeof table !== 'string' || !/^[^.\s]+\.[^.\s]+$/.test(table))
    throw new ConnectorError(
      'INVALID_ROUTE',
      `a shard route's table must be "db.table", not ${JSON.stringify(table)}`,
    );
}
