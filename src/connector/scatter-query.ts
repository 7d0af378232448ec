import type { QueryValues, RowDataPacket } from 'mysql2/promise';
import { ConnectorError } from './connector-error.js';
import { shardedMap } from './place-route.js';
import { checkRoute } from './route.js';
import type { GroupRoute, Route } from './route.js';
import type { RoutingView } from './routing-view.js';

/** Where `pool.queryAll` reads: every ENABLED shard of the table's map. */
export interface ScatterRoute {
  readonly table: string;
}

/** One row of a scatter read, tagged with the shard (and group) it came from. */
export interface ShardRow<R> {
  readonly shardId: number;
  readonly group: string;
  readonly row: R;
}

/** A shard whose read failed (after the connector's own retries): reported, never swallowed. */
export interface ShardQueryError {
  readonly shardId: number;
  readonly group: string;
  readonly error: Error;
}

/** What `pool.queryAll` returns: every shard's rows, and every shard's error. */
export interface QueryAllResult<R> {
  /** The epoch the shard list was taken from. */
  readonly epoch: number;
  /** The shards read (ENABLED in that epoch), by id. */
  readonly shards: readonly number[];
  readonly rows: readonly ShardRow<R>[];
  /** Empty when every shard answered; check it: partial results are still results. */
  readonly errors: readonly ShardQueryError[];
}

/** How one shard's read is run: a READ_ONLY group route, through the pool (so failover rules apply). */
export type ReadOnGroup<R> = (route: GroupRoute, sql: string, values?: QueryValues) => Promise<R[]>;

/**
 * Runs a read on the group of every ENABLED shard of `route.table`'s map in
 * parallel (READ_ONLY routing: secondaries by weight), and gathers rows
 * tagged with their shard. One shard failing does not fail the others; its
 * error is in `errors`. A table that is not sharded, or a map with no
 * ENABLED shard, throws a typed error at once.
 */
export async function queryAllShards<R extends RowDataPacket>(
  view: RoutingView,
  route: ScatterRoute,
  read: ReadOnGroup<R>,
  sql: string,
  values?: QueryValues,
): Promise<QueryAllResult<R>> {
  // The same table check as a GLOBAL route's (the route may come from JavaScript).
  const table = (route as Partial<ScatterRoute> | null)?.table;
  const checked = checkRoute({ scope: 'GLOBAL', table } as Route);
  if (checked.kind !== 'global' || checked.table === undefined)
    throw new ConnectorError('INVALID_ROUTE', 'queryAll needs { table: "db.table" }');
  const map = shardedMap(view.shards, checked.table);
  const shards = [...map.enabled].sort((a, b) => a.id - b.id);
  if (shards.length === 0)
    throw new ConnectorError(
      'NO_ENABLED_SHARDS',
      `table ${checked.table}: shard map ${map.id} has no ENABLED shard to read`,
      { table: checked.table, mapId: map.id, epoch: view.epoch },
    );
  const settled = await Promise.allSettled(
    shards.map((s) => read({ group: s.group, mode: 'READ_ONLY' }, sql, values)),
  );
  const rows: ShardRow<R>[] = [];
  const errors: ShardQueryError[] = [];
  settled.forEach((res, i) => {
    const s = shards[i];
    if (s === undefined) return;
    if (res.status === 'fulfilled')
      for (const row of res.value) rows.push({ shardId: s.id, group: s.group, row });
    else errors.push({ shardId: s.id, group: s.group, error: asError(res.reason) });
  });
  return { epoch: view.epoch, shards: shards.map((s) => s.id), rows, errors };
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
