/**
 * The connector's shard half, pure: routes placed on a hand-built topology
 * (every golden map of stage 7 as a shard map) agree with
 * test/routing/golden-vectors.json, GLOBAL routes, typed errors, a
 * transaction's key check and queryAll's gathering.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import type { PoolConnection, RowDataPacket } from 'mysql2/promise';
import { ConnectorError } from '../../src/connector/index.js';
import type { Route } from '../../src/connector/index.js';
import { RoutingView, checkRoute, placeRoute } from '../../src/connector/internal.js';
import type { ResolvedGroupRoute } from '../../src/connector/internal.js';
import { queryAllShards } from '../../src/connector/scatter-query.js';
import { PinnedConnection } from '../../src/connector/transaction-connection.js';
import type { Topology__Output } from '../../src/gen/fabric/v1/Topology.js';
import type { MappingType } from '../../src/routing/index.js';
import { topology } from './topology-fixture.js';

type KeyJson = { string: string } | { number: number } | { bigint: string };
interface Golden {
  readonly maps: Record<
    string,
    { type: MappingType; shards: { id: number; lowerBound: string }[] }
  >;
  readonly keys: {
    readonly map: string;
    readonly key: KeyJson;
    readonly route: { ok: true; shardId: number } | { ok: false; code: string };
  }[];
}

const golden = JSON.parse(
  readFileSync(new URL('../routing/golden-vectors.json', import.meta.url), 'utf8'),
) as Golden;

function keyOf(k: KeyJson): string | number | bigint {
  if ('string' in k) return k.string;
  if ('number' in k) return k.number;
  return BigInt(k.bigint);
}

interface MapSpec {
  readonly name: string;
  readonly type: MappingType;
  readonly shards: readonly { id: number; lowerBound: string; enabled?: boolean }[];
}

/** A topology with one shard map per spec: table db.<name>, global group global-<name>, shard n on group <name>-<n>. */
function shardedTopology(maps: readonly MapSpec[], epoch = 7): Topology__Output {
  const t = topology(epoch, []);
  return {
    ...t,
    shard_maps: maps.map((m, i) => ({
      id: i + 1,
      type: `SHARD_MAPPING_TYPE_${m.type}`,
      global_group_id: `global-${m.name}`,
    })),
    shard_tables: maps.map((m, i) => ({ table: `db.${m.name}`, column: 'k', map_id: i + 1 })),
    shards: maps.flatMap((m, i) =>
      m.shards.map((s) => ({
        id: s.id,
        map_id: i + 1,
        lower_bound: s.lowerBound,
        group_id: `${m.name}-${s.id}`,
        state: s.enabled === false ? 'SHARD_STATE_DISABLED' : 'SHARD_STATE_ENABLED',
      })),
    ),
  };
}

const GOLDEN_MAPS: MapSpec[] = Object.entries(golden.maps).map(([name, m]) => ({ name, ...m }));
const VIEW = new RoutingView(shardedTopology(GOLDEN_MAPS));

function place(view: RoutingView, route: Route): ResolvedGroupRoute {
  return placeRoute(view, checkRoute(route));
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ConnectorError, String(e));
    return e.code;
  }
  return 'no error';
}

test("connector shards: every golden key routes to its shard's group, or fails with routing's code", () => {
  assert.ok(golden.keys.length >= 60);
  for (const v of golden.keys) {
    const key = keyOf(v.key);
    const label = `${v.map} ${JSON.stringify(v.key, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x))}`;
    const route = { table: `db.${v.map}`, key };
    if (v.route.ok) {
      const r = place(VIEW, route);
      assert.equal(r.group, `${v.map}-${v.route.shardId}`, label);
      assert.equal(r.shard?.shardId, v.route.shardId, label);
      assert.equal(r.mode, 'READ_WRITE', label);
    } else {
      const want = v.route.code === 'NO_SHARDS' ? 'NO_ENABLED_SHARDS' : v.route.code;
      assert.equal(
        code(() => place(VIEW, route)),
        want,
        label,
      );
    }
  }
});

test("connector shards: the mode is kept; GLOBAL goes to the map's global group", () => {
  assert.deepEqual(
    (({ group, mode }) => ({ group, mode }))(
      place(VIEW, { table: 'db.integers', key: 5, mode: 'READ_ONLY' }),
    ),
    { group: 'integers-20', mode: 'READ_ONLY' },
  );
  assert.deepEqual(place(VIEW, { scope: 'GLOBAL', table: 'db.hashes' }), {
    group: 'global-hashes',
    mode: 'READ_WRITE',
  });
  assert.equal(
    code(() => place(VIEW, { scope: 'GLOBAL' })),
    'AMBIGUOUS_SHARD_MAP',
  );
  const one = new RoutingView(shardedTopology(GOLDEN_MAPS.slice(0, 1)));
  assert.equal(place(one, { scope: 'GLOBAL', mode: 'READ_ONLY' }).group, 'global-integers');
  const none = new RoutingView(topology(1, []));
  assert.equal(
    code(() => place(none, { scope: 'GLOBAL' })),
    'NO_SHARD_MAP',
  );
});

test('connector shards: bad input is typed', () => {
  assert.equal(
    code(() => place(VIEW, { table: 'db.nope', key: 1 })),
    'TABLE_NOT_SHARDED',
  );
  assert.equal(
    code(() => place(VIEW, { scope: 'GLOBAL', table: 'db.nope' })),
    'TABLE_NOT_SHARDED',
  );
  assert.equal(
    code(() => place(VIEW, { table: 'db.integers', key: 'twelve' })),
    'KEY_INVALID',
  );
  assert.equal(
    code(() => place(VIEW, { table: 'db.integers', key: 1.5 })),
    'KEY_INVALID',
  );
  assert.equal(
    code(() => place(VIEW, { table: 'db.strings', key: 12 })),
    'KEY_INVALID',
  );
  assert.equal(
    code(() => place(VIEW, { table: 'db.integers', key: new Date() })),
    'KEY_INVALID',
  );
  assert.equal(
    code(() => place(VIEW, { table: 'db.integers', key: -5000 })),
    'KEY_BELOW_LOWEST_BOUND',
  );
  try {
    place(VIEW, { table: 'db.integers', key: 'twelve' });
  } catch (e) {
    assert.ok(e instanceof ConnectorError);
    assert.match(e.message, /db\.integers/);
    assert.equal(e.details.table, 'db.integers');
  }
});

test('connector shards: only ENABLED shards route (as lookup-servers); none enabled is typed', () => {
  const view = new RoutingView(
    shardedTopology([
      {
        name: 'r',
        type: 'RANGE',
        shards: [
          { id: 1, lowerBound: '0' },
          { id: 2, lowerBound: '100', enabled: false },
        ],
      },
      {
        name: 'off',
        type: 'HASH',
        shards: [{ id: 3, lowerBound: '00000000000000000000000000000000', enabled: false }],
      },
    ]),
  );
  assert.equal(place(view, { table: 'db.r', key: 150 }).group, 'r-1');
  assert.equal(
    code(() => place(view, { table: 'db.off', key: 'x' })),
    'NO_ENABLED_SHARDS',
  );
});

test('connector shards: a Date key routes a RANGE_DATETIME map as its local DATETIME text', () => {
  const d = new Date(2024, 1, 29, 12, 30, 0, 500); // local time, as mysql2 writes it
  assert.equal(place(VIEW, { table: 'db.datetimes', key: d }).group, 'datetimes-2');
  assert.equal(
    place(VIEW, { table: 'db.datetimes', key: new Date(2024, 1, 29, 12, 30, 0, 499) }).group,
    'datetimes-1',
  );
});

test('connector shards: checkKey in a shard transaction refuses a key of another shard', () => {
  const r = place(VIEW, { table: 'db.integers', key: 5 });
  const conn = new PinnedConnection({} as unknown as PoolConnection, 'h:1', r.group, () => undefined, r.shard);
  assert.equal(conn.shardId, 20);
  conn.checkKey(999);
  conn.checkKey('0');
  assert.equal(
    code(() => {
      conn.checkKey(1000);
    }),
    'SHARD_MISMATCH',
  );
  assert.equal(
    code(() => {
      conn.checkKey('x');
    }),
    'KEY_INVALID',
  );
  assert.equal(
    code(() => {
      conn.checkKey(1, 'db.nope');
    }),
    'TABLE_NOT_SHARDED',
  );
  const byGroup = new PinnedConnection({} as unknown as PoolConnection, 'h:1', 'g', () => undefined);
  assert.equal(
    code(() => {
      byGroup.checkKey(1);
    }),
    'INVALID_ROUTE',
  );
});

test('connector shards: queryAll reads every ENABLED shard READ_ONLY, tags rows, reports errors', async () => {
  const view = new RoutingView(
    shardedTopology([
      {
        name: 'r',
        type: 'RANGE',
        shards: [
          { id: 2, lowerBound: '100' },
          { id: 1, lowerBound: '0' },
          { id: 3, lowerBound: '200', enabled: false },
        ],
      },
      { name: 'empty', type: 'RANGE', shards: [] },
    ]),
  );
  const asked: string[] = [];
  const res = await queryAllShards<RowDataPacket>(
    view,
    { table: 'db.r' },
    (route, sql) => {
      asked.push(`${route.group}/${route.mode ?? ''}/${sql}`);
      if (route.group === 'r-2') return Promise.reject(new Error('boom'));
      return Promise.resolve([{ n: 1 }, { n: 2 }] as RowDataPacket[]);
    },
    'SELECT n',
  );
  assert.deepEqual(asked.sort(), ['r-1/READ_ONLY/SELECT n', 'r-2/READ_ONLY/SELECT n']);
  assert.deepEqual(res.shards, [1, 2]);
  assert.deepEqual(
    res.rows.map((x) => [x.shardId, x.group, (x.row as { n: number }).n]),
    [
      [1, 'r-1', 1],
      [1, 'r-1', 2],
    ],
  );
  assert.equal(res.errors.length, 1);
  assert.equal(res.errors[0]?.shardId, 2);
  assert.equal(res.errors[0].error.message, 'boom');
  const never = () => Promise.reject(new Error('not called'));
  await assert.rejects(queryAllShards(view, { table: 'db.empty' }, never, 'SELECT 1'), {
    code: 'NO_ENABLED_SHARDS',
  });
  await assert.rejects(queryAllShards(view, { table: 'db.nope' }, never, 'SELECT 1'), {
    code: 'TABLE_NOT_SHARDED',
  });
  await assert.rejects(queryAllShards(view, {} as { table: string }, never, 'SELECT 1'), {
    code: 'INVALID_ROUTE',
  });
});
