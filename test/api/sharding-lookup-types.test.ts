/**
 * LookupServers for each mapping type, through the real routing module
 * (src/routing): the shard a key lands on, the routing point it reports,
 * and the refusals. Bounds are made canonical with routing's own
 * parseBound, so the fixture does not guess its spelling.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { FabricCallError } from '../../src/client/index.js';
import type { Effect, ShardMapType } from '../../src/fabric/index.js';
import { parseBound } from '../../src/routing/index.js';
import { FakeNode, FakeProcedures, serve } from './farm-harness.js';
import type { Served } from './farm-harness.js';
import { shardedFarm } from './sharded-farm.js';

/** A hang guard, not a timing assertion: a lost message fails the test instead of the suite. */
const GUARD = { timeout: 30_000 };

function canonical(type: ShardMapType, text: string): string {
  const r = parseBound(type, text);
  assert.ok(r.ok, `${type} bound ${text}`);
  return r.value;
}

/**
 * Maps 3-6, one per type, over the global group gg, each with two ENABLED
 * shards on fresh groups: RANGE_STRING from "" (s1) and "m" (s2),
 * RANGE_DATETIME from 2024-01-01 (d1) and 2025-01-01 (d2), HASH from
 * 0x40… (h1) and 0xc0… (h2), RANGE from -100 (r1) and 100 (r2).
 */
async function withTypedMaps(body: (s: Served) => Promise<void>): Promise<void> {
  const farm = shardedFarm();
  const maps: [number, ShardMapType, string, [string, string][]][] = [
    [
      3,
      'RANGE_STRING',
      'db.names',
      [
        ['s1', ''],
        ['s2', 'm'],
      ],
    ],
    [
      4,
      'RANGE_DATETIME',
      'db.calls_by_day',
      [
        ['d1', '2024-01-01T00:00:00'],
        ['d2', '2025-01-01T00:00:00'],
      ],
    ],
    [
      5,
      'HASH',
      'db.hashed',
      [
        ['h1', '4'.padEnd(32, '0')],
        ['h2', 'c'.padEnd(32, '0')],
      ],
    ],
    [
      6,
      'RANGE',
      'db.signed',
      [
        ['r1', '-100'],
        ['r2', '100'],
      ],
    ],
  ];
  const groups = maps.flatMap(([, , , shards]) => shards.map(([g]) => g));
  farm.change(groups.map((g): Effect => ({ type: 'group-create', groupId: g, description: '' })));
  farm.change(
    groups.map((g): Effect => ({
      type: 'server-add',
      groupId: g,
      uuid: `uuid-${g}`,
      address: `db-${g}:3306`,
    })),
  );
  let shardId = 10;
  for (const [mapId, mapType, table, shards] of maps) {
    farm.change([
      { type: 'shard-map-create', mapId, mapType, globalGroupId: 'gg' },
      { type: 'shard-table-add', mapId, table, column: 'k' },
    ]);
    farm.change(
      shards.map(([groupId, bound]): Effect => ({
        type: 'shard-add',
        shardId: ++shardId,
        mapId,
        lowerBound: canonical(mapType, bound),
        groupId,
        state: 'ENABLED',
      })),
    );
  }
  const s = await serve(new FakeNode(), new FakeProcedures(), farm);
  try {
    await body(s);
  } finally {
    await s.stop();
  }
}

function refused(code: string, grpcCode: grpc.status) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof FabricCallError, String(e));
    assert.equal(e.code, code, e.message);
    assert.equal(e.grpcCode, grpcCode);
    assert.match(e.message, /^key ".*" of db\.\w+ cannot be routed in shard map \d \(\w+\): ./);
    return true;
  };
}

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

test(
  'sharding lookup: RANGE_STRING orders keys by their UTF-8 bytes from the "" bound',
  GUARD,
  () =>
    withTypedMaps(async (s) => {
      const c = s.client.sharding;
      const where = async (key: string): Promise<string> =>
        (await c.lookupServers('db.names', key)).groupId;
      assert.equal(await where('apple'), 's1');
      // "M" (0x4d) sorts below "m" (0x6d) in binary order, whatever a collation would say.
      assert.equal(await where('M'), 's1');
      assert.equal(await where('m'), 's2');
      assert.equal(await where('zebra'), 's2');
      assert.equal(await where('é'), 's2', 'U+00E9 is 0xc3 0xa9 in UTF-8');
      const r = await c.lookupServers('db.names', 'zebra');
      assert.deepEqual(
        r.servers.map((v) => v.uuid),
        ['uuid-s2'],
      );
    }),
);

test(
  'sharding lookup: RANGE_DATETIME routes date-times and refuses keys below the lowest bound',
  GUARD,
  () =>
    withTypedMaps(async (s) => {
      const c = s.client.sharding;
      assert.equal((await c.lookupServers('db.calls_by_day', '2024-06-30T12:00:00')).groupId, 'd1');
      assert.equal((await c.lookupServers('db.calls_by_day', '2025-01-01T00:00:00')).groupId, 'd2');
      await assert.rejects(
        c.lookupServers('db.calls_by_day', '2023-12-31T23:59:59'),
        refused('KEY_BELOW_LOWEST_BOUND', grpc.status.INVALID_ARGUMENT),
      );
      await assert.rejects(
        c.lookupServers('db.calls_by_day', 'yesterday'),
        refused('KEY_INVALID', grpc.status.INVALID_ARGUMENT),
      );
    }),
);

test(
  'sharding lookup: HASH routes the MD5 digest and wraps below the lowest bound to the highest',
  GUARD,
  () =>
    withTypedMaps(async (s) => {
      const c = s.client.sharding;
      // Keys whose digests fall in each arc of the ring: [0x40…, 0xc0…) → h1, the rest → h2.
      const keys = Array.from({ length: 40 }, (_, i) => `key-${i}`);
      const arc = (k: string): 'h1' | 'h2' => {
        const d = md5(k);
        return d >= '4'.padEnd(32, '0') && d < 'c'.padEnd(32, '0') ? 'h1' : 'h2';
      };
      const wrapped = keys.find((k) => md5(k) < '4'.padEnd(32, '0'));
      assert.ok(wrapped !== undefined, 'some key digests below the lowest bound');
      for (const k of keys) {
        const r = await c.lookupServers('db.hashed', k);
        assert.equal(r.groupId, arc(k), k);
        assert.equal(r.point.toLowerCase(), md5(k), `the point of ${k} is its digest`);
      }
      const w = await c.lookupServers('db.hashed', wrapped);
      assert.equal(w.groupId, 'h2', 'below every bound wraps to the shard with the largest bound');
    }),
);

test('sharding lookup: RANGE takes negative keys and refuses non-integers', GUARD, () =>
  withTypedMaps(async (s) => {
    const c = s.client.sharding;
    assert.equal((await c.lookupServers('db.signed', -100)).groupId, 'r1');
    assert.equal((await c.lookupServers('db.signed', '99')).groupId, 'r1');
    assert.equal((await c.lookupServers('db.signed', 10n ** 15n)).groupId, 'r2');
    await assert.rejects(
      c.lookupServers('db.signed', -101),
      refused('KEY_BELOW_LOWEST_BOUND', grpc.status.INVALID_ARGUMENT),
    );
    await assert.rejects(
      c.lookupServers('db.signed', '1.5'),
      refused('KEY_INVALID', grpc.status.INVALID_ARGUMENT),
    );
  }),
);
