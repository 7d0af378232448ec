/**
 * The connector's shard half end to end: a real 3-process Fabric cluster
 * and five real MariaDB servers, one per group: `global`, `shard1` and
 * `shard2` (app.subscribers by RANGE on sub_no, bounds 1 and 5000, as the
 * sharded sandbox), `hash1` and `hash2` (app.hashed by HASH). Shard routing
 * agrees with ShardingService.LookupServers for 10,000 random keys of each
 * map; writes land on the key's group; GLOBAL reaches the global primary;
 * queryAll reads every shard; bad input is typed.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'node:test';

import type { RowDataPacket } from 'mysql2/promise';
import { createFabricPool, isConnectorError } from '../../src/connector/index.js';
import type { FabricPool, Route } from '../../src/connector/index.js';
import { setUpShardedFarm } from '../../src/cli/sandbox-farm.js';
import type { LocalMariadb } from '../../src/mysql/index.js';
import { eventually } from '../farm/eventually.js';
import { startFarm, withConnection } from '../farm/farm.js';
import type { Farm } from '../farm/farm.js';
import { APP_DATABASE, ROOT } from '../mysql/fleet.js';
import { seededRandom } from '../routing/helpers.js';

const SUBS = `${APP_DATABASE}.subscribers`;
const HASHED = `${APP_DATABASE}.hashed`;
const KEYS = 10_000;
const EXAMPLE = fileURLToPath(new URL('../../examples/connector-sharded.mjs', import.meta.url));
const BUILT = new URL('../../dist/connector/index.js', import.meta.url);

async function run(farm: Farm, name: string, args: Record<string, unknown>): Promise<unknown> {
  const res = await farm.client().submitProcedure(name, args, randomUUID(), true, 60_000);
  const p = res.procedure;
  assert.equal(p?.state, 'PROCEDURE_STATE_DONE', `${name}: ${p?.error?.message ?? p?.state}`);
  return p.result_json === '' ? null : (JSON.parse(p.result_json) as unknown);
}

/** Adds a HASH map on `global` over app.hashed, one shard on each of hash1 and hash2. */
async function setUpHashMap(farm: Farm, servers: readonly LocalMariadb[]): Promise<void> {
  const g = farm.client().groups;
  for (const [i, s] of servers.entries()) {
    const group = `hash${i + 1}`;
    await g.create(group, { description: 'connector shard test' });
    await g.add(group, s.address);
    await g.promote(group, { server: s.address });
    await g.activate(group);
  }
  const globalPrimary = farm.fleet.servers[0] as LocalMariadb;
  await withConnection(globalPrimary, ROOT, undefined, (c) =>
    c.query(`CREATE TABLE IF NOT EXISTS ${HASHED} (k VARCHAR(64) PRIMARY KEY, v INT NOT NULL)`),
  );
  const { mapId } = (await run(farm, 'sharding.create-definition', {
    type: 'HASH',
    globalGroup: 'global',
  })) as { mapId: number };
  await run(farm, 'sharding.add-table', { mapId, table: HASHED, column: 'k' });
  for (const group of ['hash1', 'hash2'])
    await run(farm, 'sharding.add-shard', { mapId, group, state: 'ENABLED' });
}

/** The connector's answer for a key: its group, or its typed error code. */
async function connectorAnswer(
  pool: FabricPool,
  table: string,
  key: string | number,
): Promise<string> {
  try {
    return (await pool.locate({ table, key })).group;
  } catch (e) {
    if (isConnectorError(e)) return `error ${e.code}`;
    throw e;
  }
}

/** Fabric's answer for a key: the group LookupServers names, or the error code it raised. */
async function fabricAnswer(farm: Farm, table: string, key: string | number): Promise<string> {
  try {
    return (await farm.client().sharding.lookupServers(table, key, { allowStale: true })).groupId;
  } catch (e) {
    // The server's stable code (FabricError.code): the same names as the connector's, NO_SHARDS aside.
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') throw e;
    return `error ${code === 'NO_SHARDS' ? 'NO_ENABLED_SHARDS' : code}`;
  }
}

/** Compares both answers for every key, `width` lookups at a time. */
async function agree(
  farm: Farm,
  pool: FabricPool,
  table: string,
  keys: readonly (string | number)[],
  width = 32,
): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const key = keys[next++] as string | number;
      const [mine, theirs] = await Promise.all([
        connectorAnswer(pool, table, key),
        fabricAnswer(farm, table, key),
      ]);
      assert.equal(mine, theirs, `${table} key ${JSON.stringify(key)}`);
      seen.set(mine, (seen.get(mine) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return seen;
}

async function portOf(pool: FabricPool, route: Route): Promise<number> {
  const [rows] = await pool.query<(RowDataPacket & { port: number })[]>(
    route,
    'SELECT @@port AS port',
  );
  return Number(rows[0]?.port);
}

test('connector shards: routes by shard key and GLOBAL on a real sharded farm', async (t) => {
  const t0 = performance.now();
  const farm = await startFarm(t, { count: 5 });
  const [global, shard1, shard2, hash1, hash2] = farm.fleet.servers as [
    LocalMariadb,
    LocalMariadb,
    LocalMariadb,
    LocalMariadb,
    LocalMariadb,
  ];
  await setUpShardedFarm(
    farm.client(),
    [global, shard1, shard2],
    1,
    { ...farm.fleet.accounts, admin: ROOT },
    (line) => {
      t.diagnostic(line);
    },
  );
  await setUpHashMap(farm, [hash1, hash2]);
  const pool = createFabricPool({
    fabric: [farm.cluster.node('n1').address],
    user: farm.fleet.accounts.app.user,
    password: farm.fleet.accounts.app.password,
    database: APP_DATABASE,
  });
  t.after(() => pool.close());
  await pool.ready();
  // Wait until the pool's topology has both maps' shards, and the tables reached the shards.
  await eventually('the connector sees 4 shards', () =>
    Promise.resolve(pool.topology()?.shards.length === 4 ? true : undefined),
  );
  for (const s of [shard1, shard2, hash1, hash2])
    await eventually(`the schema on ${s.address}`, () =>
      withConnection(s, ROOT, undefined, async (c) => {
        const [rows] = await c.query<RowDataPacket[]>(
          "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name IN ('subscribers', 'hashed', 'plans')",
          [APP_DATABASE],
        );
        return Number(rows[0]?.n) === 3 ? true : undefined;
      }),
    );
  t.diagnostic(`farm of 5 groups and 2 shard maps up in ${Math.round(performance.now() - t0)} ms`);

  await t.test(
    `agrees with LookupServers for ${KEYS} random keys of a RANGE and a HASH map`,
    async () => {
      const started = performance.now();
      const random = seededRandom(14);
      // RANGE: mostly in [1, 10000) around the bound 5000, some below the lowest bound 1.
      const rangeKeys = Array.from({ length: KEYS }, (_, i) =>
        i % 10 === 0 ? -Math.floor(random() * 100) : Math.floor(random() * 10_000) + 1,
      );
      const hashKeys = Array.from({ length: KEYS }, (_, i) =>
        i % 2 === 0
          ? Math.floor(random() * 1e9)
          : `user-${Math.floor(random() * 1e12).toString(36)}`,
      );
      const range = await agree(farm, pool, SUBS, rangeKeys);
      const hash = await agree(farm, pool, HASHED, hashKeys);
      assert.deepEqual([...range.keys()].sort(), [
        'error KEY_BELOW_LOWEST_BOUND',
        'shard1',
        'shard2',
      ]);
      assert.deepEqual([...hash.keys()].sort(), ['hash1', 'hash2']);
      t.diagnostic(
        `${2 * KEYS} keys agreed in ${Math.round(performance.now() - started)} ms: ` +
          `RANGE ${JSON.stringify(Object.fromEntries(range))}, HASH ${JSON.stringify(Object.fromEntries(hash))}`,
      );
    },
  );

  await t.test('writes by key land on the group of their shard', async () => {
    for (const key of [1, 4999, 5000, 12345])
      await pool.query({ table: SUBS, key }, 'INSERT INTO subscribers VALUES (?, ?, ?)', [
        key,
        'first',
        'last',
      ]);
    for (const key of ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'])
      await pool.query({ table: HASHED, key }, 'INSERT INTO hashed VALUES (?, 1)', [key]);
    const rowsOn = (s: LocalMariadb, sql: string): Promise<string[]> =>
      withConnection(s, ROOT, APP_DATABASE, async (c) => {
        const [rows] = await c.query<RowDataPacket[]>(sql);
        return rows.map((r) => String(r.k));
      });
    const subs = 'SELECT sub_no AS k FROM subscribers ORDER BY sub_no';
    assert.deepEqual(await rowsOn(shard1, subs), ['1', '4999']);
    assert.deepEqual(await rowsOn(shard2, subs), ['5000', '12345']);
    assert.deepEqual(await rowsOn(global, subs), []);
    for (const [s, group] of [
      [hash1, 'hash1'],
      [hash2, 'hash2'],
    ] as const) {
      const here = await rowsOn(s, 'SELECT k FROM hashed ORDER BY k');
      for (const k of here) {
        const lookup = await farm.client().sharding.lookupServers(HASHED, k);
        assert.equal(lookup.groupId, group, `hashed key ${k} on ${group}`);
      }
    }
    const total =
      (await rowsOn(hash1, 'SELECT k FROM hashed')).length +
      (await rowsOn(hash2, 'SELECT k FROM hashed')).length;
    assert.equal(total, 6);
    // A READ_ONLY shard route reads the key's group (each has only its primary: the fallback).
    const [rows] = await pool.query(
      { table: SUBS, key: 12345, mode: 'READ_ONLY' },
      'SELECT first_name FROM subscribers WHERE sub_no = ?',
      [12345],
    );
    assert.equal(rows.length, 1);
  });

  await t.test('GLOBAL reaches the global primary; its writes reach the shards', async () => {
    assert.equal(await portOf(pool, { scope: 'GLOBAL', table: SUBS }), global.port);
    assert.equal(await portOf(pool, { scope: 'GLOBAL', table: HASHED }), global.port);
    await assert.rejects(pool.query({ scope: 'GLOBAL' }, 'SELECT 1'), (e) =>
      isConnectorError(e, 'AMBIGUOUS_SHARD_MAP'),
    );
    await pool.query({ scope: 'GLOBAL', table: SUBS }, "INSERT INTO plans VALUES (3, 'gold')");
    for (const s of [shard1, shard2, hash1, hash2])
      await eventually(`plan 3 on ${s.address}`, () =>
        withConnection(s, ROOT, APP_DATABASE, async (c) => {
          const [rows] = await c.query<RowDataPacket[]>('SELECT 1 FROM plans WHERE plan_id = 3');
          return rows.length === 1 ? true : undefined;
        }),
      );
  });

  await t.test(
    'a shard transaction is pinned to its primary; a key of another shard is refused',
    async () => {
      const where = await pool.transaction({ table: SUBS, key: 2 }, async (conn) => {
        conn.checkKey(4998);
        await conn.query('INSERT INTO subscribers VALUES (2, "a", "b"), (4998, "c", "d")');
        return { server: conn.server, shardId: conn.shardId };
      });
      assert.equal(where.server, shard1.address);
      assert.equal(where.shardId, (await pool.locate({ table: SUBS, key: 2 })).shardId);
      await assert.rejects(
        pool.transaction({ table: SUBS, key: 3 }, async (conn) => {
          await conn.query('INSERT INTO subscribers VALUES (3, "x", "y")');
          conn.checkKey(7000);
          await conn.query('INSERT INTO subscribers VALUES (7000, "x", "y")');
        }),
        (e) => isConnectorError(e, 'SHARD_MISMATCH'),
      );
      // Rolled back: neither row exists anywhere.
      const res = await pool.queryAll(
        { table: SUBS },
        'SELECT sub_no FROM subscribers WHERE sub_no IN (3, 7000)',
      );
      assert.deepEqual(res.rows, []);
    },
  );

  await t.test("queryAll returns every shard's rows, tagged with the shard", async () => {
    const res = await pool.queryAll<RowDataPacket & { sub_no: number }>(
      { table: SUBS },
      'SELECT sub_no FROM subscribers ORDER BY sub_no',
    );
    assert.deepEqual(res.errors, []);
    assert.equal(res.shards.length, 2);
    const byGroup = res.rows.map((r) => `${r.group}:${r.row.sub_no}`).sort();
    assert.deepEqual(byGroup, [
      'shard1:1',
      'shard1:2',
      'shard1:4998',
      'shard1:4999',
      'shard2:12345',
      'shard2:5000',
    ]);
    const hashed = await pool.queryAll({ table: HASHED }, 'SELECT k FROM hashed');
    assert.equal(hashed.rows.length, 6);
    assert.deepEqual(new Set(hashed.rows.map((r) => r.group)), new Set(['hash1', 'hash2']));
    // A shard whose statement fails is reported with its shard, not swallowed.
    const bad = await pool.queryAll({ table: SUBS }, 'SELECT nope FROM subscribers');
    assert.deepEqual(bad.errors.map((e) => e.shardId).sort(), [...res.shards].sort());
    assert.ok(bad.errors.every((e) => e.error.message.includes('nope')));
  });

  await t.test('bad input fails at once with a typed error', async () => {
    const started = Date.now();
    const cases: [Route, string][] = [
      [{ table: `${APP_DATABASE}.nope`, key: 1 }, 'TABLE_NOT_SHARDED'],
      [{ table: SUBS, key: 'twelve' }, 'KEY_INVALID'],
      [{ table: SUBS, key: 0 }, 'KEY_BELOW_LOWEST_BOUND'],
      [{ table: SUBS, key: new Date() }, 'KEY_INVALID'],
      [{ table: 'nodot', key: 1 }, 'INVALID_ROUTE'],
    ];
    for (const [route, code] of cases)
      await assert.rejects(
        pool.query(route, 'SELECT 1'),
        (e) => isConnectorError(e, code as never),
        code,
      );
    await assert.rejects(pool.queryAll({ table: `${APP_DATABASE}.plans` }, 'SELECT 1'), (e) =>
      isConnectorError(e, 'TABLE_NOT_SHARDED'),
    );
    assert.ok(Date.now() - started < 1_000, 'no waiting for a deadline');
  });
  await t.test('the sharded example runs against this farm from the built package', async () => {
    assert.ok(existsSync(BUILT), `${BUILT.pathname} is missing: npm run build first`);
    const { stdout } = await promisify(execFile)(process.execPath, [EXAMPLE], {
      env: {
        ...process.env,
        FABRIC: farm.cluster.node('n2').address,
        DB_USER: farm.fleet.accounts.app.user,
        DB_PASSWORD: farm.fleet.accounts.app.password,
        DB_NAME: APP_DATABASE,
      },
      timeout: 20_000,
    });
    assert.match(stdout, /subscriber 4999 -> shard \d+ on group shard1/);
    assert.match(stdout, /subscriber 5000 -> shard \d+ on group shard2/);
    assert.match(stdout, /transaction across shards refused: SHARD_MISMATCH/);
    assert.match(stdout, /sub_no 0: KEY_BELOW_LOWEST_BOUND/);
    assert.match(stdout, /plans \(global group\): basic, premium, gold/);
    assert.match(stdout, /queryAll over shards \d+, \d+/);
  });
  t.diagnostic(`whole test ${Math.round(performance.now() - t0)} ms`);
});
