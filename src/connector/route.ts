import { ConnectorError } from './connector-error.js';

/** What a statement needs: a writable primary, or any server that may serve reads. */
export const ROUTE_MODES = ['READ_WRITE', 'READ_ONLY'] as const;
export type RouteMode = (typeof ROUTE_MODES)[number];

/** A high-availability group: READ_WRITE (the default) goes to its PRIMARY, READ_ONLY to a SECONDARY by weight. */
export interface GroupRoute {
  readonly group: string;
  readonly mode?: RouteMode;
}

/**
 * A sharded table and a shard key (`table` is 'db.table'). Extension point:
 * routing it needs the shard maps of the topology (stage 7); until then it
 * is refused with SHARDING_NOT_AVAILABLE.
 */
export interface ShardRoute {
  readonly table: string;
  readonly key: string | number | bigint | Date;
  readonly mode?: RouteMode;
}

/**
 * The global group of a shard map (Fabric's scope=GLOBAL): every shard
 * replicates from it. Extension point, refused with SHARDING_NOT_AVAILABLE
 * until the shard maps are in the topology. `table` picks the map when
 * there are several.
 */
export interface GlobalRoute {
  readonly scope: 'GLOBAL';
  readonly table?: string;
  readonly mode?: RouteMode;
}

/** Where a statement goes. */
export type Route = GroupRoute | ShardRoute | GlobalRoute;

/** A group route whose mode is settled. */
export interface ResolvedGroupRoute {
  readonly group: string;
  readonly mode: RouteMode;
}

/**
 * The route as a group and a mode, or a typed error: a malformed route
 * (INVALID_ROUTE), or a shard route before sharding is available
 * (SHARDING_NOT_AVAILABLE). Routes come from JavaScript callers too, so the
 * shape is checked, not trusted.
 */
export function resolveRoute(route: Route): ResolvedGroupRoute {
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
  if (r.scope !== undefined || r.table !== undefined || r.key !== undefined)
    throw new ConnectorError(
      'SHARDING_NOT_AVAILABLE',
      'shard routes ({ table, key } and { scope: "GLOBAL" }) are not available in this ' +
        'version of the connector: route by { group, mode }',
      r.table === undefined ? {} : { table: r.table },
    );
  if (typeof r.group !== 'string' || r.group === '')
    throw new ConnectorError('INVALID_ROUTE', 'a group route needs a non-empty group id');
  return { group: r.group, mode };
}
