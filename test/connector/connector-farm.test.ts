/**
 * The connector end to end: a real 3-process Fabric cluster managing three
 * real MariaDB servers, reached only through createFabricPool with one
 * Fabric address. Routing by group and mode, weights, skipped secondaries,
 * fallbacks and typed errors; then kill -9 of the Fabric node the
 * connector watches, of the primary under writes, and of every Fabric node.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'node:test';

import { createFabricPool, isConnectorError } from '../../src/connector/index.js';
import type {
  FabricPool,
  FabricPoolEventName,
  FabricPoolEvents,
  Route,
} from '../../src/connector/index.js';
import type { RowDataPacket } from 'mysql2/promise';
import type { Server__Output } from '../../src/gen/fabric/v1/Server.js';
import { eventually } from '../farm/eventually.js';
import { idsOn, primaryAddress, setUpGroup, startFarm, withConnection } from '../farm/farm.js';
import type { Farm } from '../farm/farm.js';
import { APP_DATABASE, ROOT } from '../mysql/fleet.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/connector-ha.mjs', import.meta.url));
const BUILT = new URL('../../dist/connector/index.js', import.meta.url);

const RW: Route = { group: 'g1', mode: 'READ_WRITE' };
const RO: Route = { group: 'g1', mode: 'READ_ONLY' };

/** Every event of one name the pool emitted since `record` was called. */
function record<K extends FabricPoolEventName>(pool: FabricPool, name: K): FabricPoolEvents[K][] {
  const seen: FabricPoolEvents[K][] = [];
  pool.on(name, (e) => seen.push(e));
  return seen;
}

/** host:port of the server that ran the statement. */
async function servedBy(pool: FabricPool, route: Route): Promise<string> {
  const [rows] = await pool.query<(RowDataPacket & { port: number })[]>(
    route,
    'SELECT @@port AS port',
  );
  return `127.0.0.1:${rows[0]?.port ?? 0}`;
}

async function spread(pool: FabricPool, n: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    const a = await servedBy(pool, RO);
    counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  return counts;
}

/** Waits until the pool's own topology shows what `ok` wants of a server. */
function poolSees(
  pool: FabricPool,
  address: string,
  ok: (s: Server__Output) => boolean,
  what: string,
): Promise<true> {
  return eventually(
    `the connector sees ${address} ${what}`,
    () => {
      const s = pool.topology()?.servers.find((x) => x.address === address);
      return Promise.resolve(s !== undefined && ok(s) ? true : undefined);
    },
    15_000,
  );
}

async function withPool(farm: Farm): Promise<FabricPool> {
  const pool = createFabricPool({
    fabric: [farm.cluster.node('n1').address],
    user: farm.fleet.accounts.app.user,
    password: farm.fleet.accounts.app.password,
    database: APP_DATABASE,
  });
  await pool.ready();
  return pool;
}

test('connector: routes by group and mode on a real farm and rides out kill -9s', async (t) => {
  const farm = await startFarm(t);
  await setUpGroup(farm);
  const pool = await withPool(farm);
  t.after(() => pool.close());
  /** An admin client of some running node. */
  const admin = (): ReturnType<Farm['client']> => farm.clientExcept('');
  const [s1, s2, s3] = farm.fleet.servers.map((s) => s.address) as [string, string, string];
  /** The group's primary, as the tests move it. */
  let primary = s1;
  for (const s of [s2, s3])
    await poolSees(pool, s, (x) => x.replication === 'REPLICATION_STATE_OK', 'replicating OK');

  await t.test('it learns every Fabric node from one address', () => {
    assert.deepEqual(
      [...pool.stats().fabricNodes].sort(),
      farm.cluster
        .running()
        .map((n) => n.address)
        .sort(),
    );
  });

  await t.test('READ_WRITE goes to the primary, READ_ONLY to the secondaries', async () => {
    assert.equal(await servedBy(pool, RW), s1);
    await pool.query(RW, 'INSERT INTO t VALUES (?, ?)', [1, 'one']);
    const counts = await spread(pool, 60);
    assert.deepEqual([...counts.keys()].sort(), [s2, s3].sort());
    assert.ok((pool.stats().routed[s1] ?? 0) >= 2);
    assert.deepEqual([...pool.stats().pools].sort(), [s1, s2, s3].sort());
  });

  await t.test('weights are honoured within a tolerance', async () => {
    await admin().servers.setWeight(s2, 1);
    await admin().servers.setWeight(s3, 3);
    await poolSees(pool, s3, (x) => x.weight === 3, 'weighted 3');
    const n = 600;
    const counts = await spread(pool, n);
    const share = (counts.get(s3) ?? 0) / n;
    t.diagnostic(`s3 took ${(share * 100).toFixed(1)} % of ${n} reads (expected 75 %)`);
    assert.ok(Math.abs(share - 0.75) < 0.07, `s3 share ${share}`);
  });

  await t.test(
    'a STOPPED secondary is skipped; with no readable secondary reads fall back to the primary',
    async () => {
      const fallbacks = record(pool, 'fallback');
      await withConnection(farm.server(s2), ROOT, undefined, (c) =>
        c.query('STOP SLAVE SQL_THREAD'),
      );
      await poolSees(pool, s2, (x) => x.replication === 'REPLICATION_STATE_STOPPED', 'STOPPED');
      const counts = await spread(pool, 40);
      assert.deepEqual([...counts.keys()], [s3]);
      await admin().servers.setMode(s3, 'OFFLINE');
      await poolSees(pool, s3, (x) => x.mode === 'SERVER_MODE_OFFLINE', 'OFFLINE');
      assert.deepEqual([...(await spread(pool, 10)).keys()], [s1]);
      // One event per group and epoch, not one per read.
      assert.ok(fallbacks.length >= 1 && fallbacks.length <= 2, `${fallbacks.length} events`);
      const [fallback] = fallbacks;
      assert.equal(fallback?.reason, 'NO_READABLE_SECONDARY');
      assert.equal(fallback.primary, s1);

      await admin().servers.setMode(s1, 'WRITE_ONLY');
      await poolSees(pool, s1, (x) => x.mode === 'SERVER_MODE_WRITE_ONLY', 'WRITE_ONLY');
      await assert.rejects(pool.query(RO, 'SELECT 1'), (e) =>
        isConnectorError(e, 'MODE_NOT_ALLOWED'),
      );
      assert.equal(await servedBy(pool, RW), s1, 'a WRITE_ONLY primary still takes writes');

      await admin().servers.setMode(s1, 'READ_WRITE');
      await admin().servers.setMode(s3, 'READ_ONLY');
      await withConnection(farm.server(s2), ROOT, undefined, (c) =>
        c.query('START SLAVE SQL_THREAD'),
      );
      await poolSees(pool, s2, (x) => x.replication === 'REPLICATION_STATE_OK', 'OK again');
      await poolSees(pool, s3, (x) => x.mode === 'SERVER_MODE_READ_ONLY', 'READ_ONLY again');
      assert.deepEqual([...(await spread(pool, 40)).keys()].sort(), [s2, s3].sort());
    },
  );

  await t.test('bad input fails at once with a typed error', async () => {
    const t0 = Date.now();
    await assert.rejects(pool.query({ group: 'nope' }, 'SELECT 1'), (e) =>
      isConnectorError(e, 'UNKNOWN_GROUP'),
    );
    await assert.rejects(pool.query({ table: 'app.t', key: 1 }, 'SELECT 1'), (e) =>
      isConnectorError(e, 'TABLE_NOT_SHARDED'),
    );
    await assert.rejects(pool.query({ scope: 'GLOBAL' }, 'SELECT 1'), (e) =>
      isConnectorError(e, 'NO_SHARD_MAP'),
    );
    await assert.rejects(
      pool.query({ group: 'g1', mode: 'READ_MOSTLY' } as unknown as Route, 'SELECT 1'),
      (e) => isConnectorError(e, 'INVALID_ROUTE'),
    );
    // A write sent down a READ_ONLY route is the application's mistake: the server's refusal, at once.
    await assert.rejects(pool.query(RO, 'INSERT INTO t VALUES (99, "ro")'), { errno: 1290 });
    assert.ok(Date.now() - t0 < 1_000, 'no waiting for a deadline');
    // The application's own errors pass through untouched.
    await assert.rejects(pool.query(RW, 'INSERT INTO t VALUES (1, "dup")'), {
      code: 'ER_DUP_ENTRY',
    });
  });

  await t.test('a transaction is pinned to the primary; an error rolls it back', async () => {
    const where = await pool.transaction(RW, async (c) => {
      await c.query('INSERT INTO t VALUES (2, "two")');
      await c.query('INSERT INTO t VALUES (3, "three")');
      return c.server;
    });
    assert.equal(where, s1);
    await assert.rejects(
      pool.transaction(RW, async (c) => {
        await c.query('INSERT INTO t VALUES (4, "four")');
        throw new Error('the application changed its mind');
      }),
      /changed its mind/,
    );
    const [rows] = await pool.query<(RowDataPacket & { id: number })[]>(
      RW,
      'SELECT id FROM t ORDER BY id',
    );
    assert.deepEqual(
      rows.map((r) => r.id),
      [1, 2, 3],
    );
  });

  await t.test('the example app runs on the built connector (fabric-ha/connector)', async () => {
    assert.ok(existsSync(BUILT), `${BUILT.pathname} is missing: npm run build first`);
    const { stdout } = await promisify(execFile)(process.execPath, [EXAMPLE], {
      env: {
        ...process.env,
        FABRIC: farm.cluster.node('n2').address,
        GROUP: 'g1',
        DB_USER: farm.fleet.accounts.app.user,
        DB_PASSWORD: farm.fleet.accounts.app.password,
        DB_NAME: APP_DATABASE,
        WRITES: '3',
      },
      timeout: 20_000,
    });
    assert.match(stdout, /transaction on the primary wrote rows \d+ and \d+/);
    assert.match(stdout, /write 3: row \d+ on the primary/);
    assert.match(stdout, new RegExp(`routed per server: .*${s1}`));
  });

  await t.test(
    'switchover under writes: the connector follows the new primary, nothing is written to the old one',
    async () => {
      const failovers = record(pool, 'failover');
      const load = startWrites(pool, 1_000);
      await eventually('writes before the switchover', () => Promise.resolve(load.atLeast(20)));
      await admin().groups.promote('g1', { server: s3 });
      primary = s3;
      const n = load.acked.length;
      await eventually('writes after the switchover', () => Promise.resolve(load.atLeast(n + 50)));
      await load.stop();
      t.diagnostic(
        `switchover: ${failovers.length} statement(s) retried on the new primary, ` +
          `${load.errors.length} error(s) seen by the application`,
      );
      assertOnlyInDoubt(load.errors);
      for (const f of failovers) assert.deepEqual([f.from, f.to], [s1, s3]);
      await eventually('reads of the primary go to the new one', async () =>
        (await servedBy(pool, RW)) === s3 ? true : undefined,
      );
      const onNew = await idsOn(farm, farm.server(s3));
      assert.deepEqual(
        load.acked.filter((x) => !onNew.has(x)),
        [],
        'every acknowledged write is on the new primary',
      );
    },
  );

  await t.test(
    'kill -9 of a secondary: reads go on elsewhere; once rejoined it is read from again',
    async () => {
      const [victim, survivor] = [s2, s1];
      const errors = record(pool, 'serverError');
      await farm.server(victim).kill9();
      const counts = await spread(pool, 40);
      assert.ok(!counts.has(victim), 'no read answered by the dead secondary');
      assert.ok((counts.get(survivor) ?? 0) > 0);
      assert.ok(errors.every((e) => e.server === victim && e.kind !== 'read-only'));
      await poolSees(pool, victim, (x) => x.status === 'SERVER_STATUS_FAULTY', 'FAULTY');
      assert.ok(!pool.stats().pools.includes(victim), 'the FAULTY server’s pool is ended');
      await farm.server(victim).restart();
      await admin().servers.setStatus(victim, 'SPARE');
      await admin().servers.setStatus(victim, 'SECONDARY');
      await poolSees(
        pool,
        victim,
        (x) => x.status === 'SERVER_STATUS_SECONDARY' && x.replication === 'REPLICATION_STATE_OK',
        'a SECONDARY replicating OK again',
      );
      // It failed here a moment ago: passed over for serverRetryMs (2 s), then tried again.
      await eventually('the rejoined secondary takes reads again', async () =>
        ((await spread(pool, 20)).get(victim) ?? 0) > 0 ? true : undefined,
      );
    },
  );

  await t.test(
    'kill -9 of the Fabric node it watches: routing goes on, it reattaches elsewhere',
    async () => {
      const attached = pool.stats().fabricNode;
      const node = farm.cluster.running().find((n) => n.address === attached);
      assert.ok(node !== undefined, `attached to ${String(attached)}`);
      const fabricEvents = record(pool, 'fabric');
      const killedAt = Date.now();
      await node.kill9();
      for (let i = 0; i < 20; i += 1) {
        assert.equal(await servedBy(pool, RW), primary);
        await servedBy(pool, RO);
      }
      const other = await eventually('it reattaches to another node', () => {
        const a = pool.stats().fabricNode;
        return Promise.resolve(a !== undefined && a !== attached ? a : undefined);
      });
      const reattachedAt = Date.now();
      t.diagnostic(`reattached to ${other} within ${reattachedAt - killedAt} ms of the kill`);
      assert.ok(fabricEvents.some((e) => e.state === 'detached' && e.address === attached));
      assert.ok(fabricEvents.some((e) => e.state === 'attached' && e.address === other));
      const before = pool.stats().epoch ?? 0;
      await farm.clientExcept(node.id).servers.setWeight(s2, 2);
      await eventually('a new epoch arrives through the new node', () =>
        Promise.resolve((pool.stats().epoch ?? 0) > before ? true : undefined),
      );
      node.start();
      await farm.cluster.waitForLeader();
    },
  );

  await t.test(
    'kill -9 of the primary under writes: writes resume on the new primary by themselves',
    async () => {
      const dead = primary;
      const reports = record(pool, 'report');
      let resumedAt = 0;
      const failovers = record(pool, 'failover');
      pool.once('failover', () => {
        resumedAt = Date.now();
      });
      const load = startWrites(pool, 2_000);
      await eventually('writes before the kill', () => Promise.resolve(load.atLeast(30)));
      const killedAt = Date.now();
      await farm.server(dead).kill9();
      const f = await eventually('a statement fails over', () => Promise.resolve(failovers[0]));
      const n = load.acked.length;
      await eventually('writes after the failover', () => Promise.resolve(load.atLeast(n + 100)));
      await load.stop();
      t.diagnostic(
        `kill -> first write on the new primary: ${resumedAt - killedAt} ms ` +
          `(${f.from} -> ${f.to}, epoch ${f.epochBefore} -> ${f.epochAfter}); ` +
          `${load.errors.length} error(s) seen by the application`,
      );
      assert.equal(f.from, dead);
      primary = await primaryAddress(farm, 'g1', farm.cluster.running()[0]?.id);
      assert.equal(f.to, primary);
      assertOnlyInDoubt(load.errors);
      const onNew = await idsOn(farm, farm.server(primary));
      assert.deepEqual(
        load.acked.slice(n).filter((x) => !onNew.has(x)),
        [],
        'writes after the failover are on the new primary',
      );
      await eventually('the connector reported the dead primary to Fabric', () =>
        Promise.resolve(reports.find((r) => r.server === dead && r.failed === undefined)),
      );
      const answered = reports.find((r) => r.server === dead && r.failed === undefined);
      assert.ok((answered?.reports ?? 0) >= 1, 'Fabric counted the report');
      assert.ok(pool.stats().reports >= 1);
      assert.ok(!pool.stats().pools.includes(dead), 'the FAULTY server’s pool is closed');
    },
  );

  await t.test('every Fabric node down: it keeps routing on its last topology', async () => {
    await Promise.all(farm.cluster.running().map((n) => n.kill9()));
    await eventually('the watch is gone', () =>
      Promise.resolve(pool.stats().fabricNode === undefined ? true : undefined),
    );
    const t0 = Date.now();
    for (let i = 0; i < 20; i += 1) {
      assert.equal(await servedBy(pool, RW), primary);
      await pool.query(RW, 'INSERT INTO t VALUES (?, ?)', [10_000 + i, 'no fabric']);
      await servedBy(pool, RO);
    }
    assert.ok(Date.now() - t0 < 5_000, 'no statement waited for Fabric');
  });
});

/** A writer: inserts ids one after another, alternating plain statements and transactions. */
interface WriteLoad {
  readonly acked: number[];
  readonly errors: unknown[];
  atLeast(n: number): true | undefined;
  stop(): Promise<void>;
}

function startWrites(pool: FabricPool, after: number): WriteLoad {
  const acked: number[] = [];
  const errors: unknown[] = [];
  const state = { stopped: false };
  const done = (async () => {
    for (let id = after + 1; !state.stopped; id += 1) {
      try {
        if (id % 2 === 0) await pool.query(RW, 'INSERT INTO t VALUES (?, ?)', [id, 'statement']);
        else
          await pool.transaction(RW, async (c) => {
            await c.query('INSERT INTO t VALUES (?, ?)', [id, 'transaction']);
          });
        acked.push(id);
      } catch (e) {
        errors.push(e);
      }
    }
  })();
  return {
    acked,
    errors,
    atLeast: (n) => (acked.length >= n ? true : undefined),
    stop: async () => {
      state.stopped = true;
      await done;
    },
  };
}

/** Retries are hidden: the application sees at most the one write in flight, in doubt. */
function assertOnlyInDoubt(errors: readonly unknown[]): void {
  assert.ok(
    errors.every((e) => isConnectorError(e, 'IN_DOUBT')),
    `only in-doubt errors: ${errors.map(String).join('; ')}`,
  );
  assert.ok(errors.length <= 1, `${errors.length} in-doubt writes: at most the one in flight`);
}
