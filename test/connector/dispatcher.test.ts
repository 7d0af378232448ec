/**
 * The retry loop with fake servers: what is re-run after a failover and
 * what is reported in doubt, for statements and transactions, and the
 * deadline. Each fake server scripts its failures by mysql2 error code.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pool, PoolConnection } from 'mysql2/promise';

import { isConnectorError } from '../../src/connector/index.js';
import type { FabricPoolEvents } from '../../src/connector/index.js';
import {
  Dispatcher,
  PoolEvents,
  TopologyState,
  resolvePoolOptions,
  statementWork,
  transactionWork,
} from '../../src/connector/internal.js';
import { draws, topology } from './topology-fixture.js';
import type { ServerSpec } from './topology-fixture.js';

const RW = { group: 'g1', mode: 'READ_WRITE' } as const;

/** A driver error as mysql2 raises it. */
function driverError(code: string, errno?: number): Error {
  return Object.assign(new Error(code), { code, fatal: errno === undefined, errno });
}
const REFUSED = (): Error => driverError('ECONNREFUSED');
const LOST = (): Error => driverError('PROTOCOL_CONNECTION_LOST');
const READ_ONLY = (): Error => driverError('ER_OPTION_PREVENTS_STATEMENT', 1290);

/** One fake server: what each call does, in order (an Error fails it, anything else answers). */
class FakeServer {
  readonly sql: string[] = [];
  connectFailures: (() => Error)[] = [];
  /** Per statement text prefix: failures to throw, first come first served. */
  readonly failures = new Map<string, (() => Error)[]>();

  connection(): Promise<PoolConnection> {
    const fail = this.connectFailures.shift();
    if (fail !== undefined) return Promise.reject(fail());
    const run = (sql: string): Promise<[unknown, []]> => {
      this.sql.push(sql);
      const key = [...this.failures.keys()].find((k) => sql.startsWith(k));
      const f = key === undefined ? undefined : this.failures.get(key)?.shift();
      return f === undefined ? Promise.resolve([{ sql }, []]) : Promise.reject(f());
    };
    const conn = {
      query: run,
      execute: run,
      commit: () => run('COMMIT').then(() => undefined),
      rollback: () => run('ROLLBACK').then(() => undefined),
      release: () => undefined,
      destroy: () => undefined,
    };
    return Promise.resolve(conn as unknown as PoolConnection);
  }
}

function setUp(servers: Record<string, FakeServer>, specs: readonly ServerSpec[]) {
  const state = new TopologyState();
  state.accept(topology(1, specs));
  const events = new PoolEvents();
  const reports: string[] = [];
  const failovers: FabricPoolEvents['failover'][] = [];
  events.on('failover', (e) => failovers.push(e));
  const dispatcher = new Dispatcher({
    options: resolvePoolOptions({
      fabric: ['127.0.0.1:1'],
      user: 'u',
      password: 'p',
      deadlineMs: 400,
      retryIntervalMs: 50,
      random: draws(0),
    }),
    state,
    pools: {
      get: (address) =>
        ({ getConnection: () => (servers[address] as FakeServer).connection() }) as unknown as Pool,
      isCurrent: () => true,
      reset: () => undefined,
    },
    events,
    reporter: { report: (s) => reports.push(s.address) },
    isClosed: () => false,
    fabricNodes: () => [],
  });
  /** Fabric fails the group over to p:2 after `ms`. */
  const failOverAfter = (ms: number): void => {
    setTimeout(() => {
      state.accept(
        topology(2, [
          { address: 'p:1', status: 'FAULTY' },
          { address: 'p:2', status: 'PRIMARY' },
        ]),
      );
    }, ms);
  };
  return { dispatcher, reports, failovers, failOverAfter };
}

const ONE_PRIMARY: readonly ServerSpec[] = [
  { address: 'p:1', status: 'PRIMARY' },
  { address: 'p:2', status: 'SECONDARY' },
];

test('connector dispatch: a refused connect waits for the new epoch and runs on the new primary', async () => {
  const p1 = new FakeServer();
  const p2 = new FakeServer();
  p1.connectFailures = [REFUSED, REFUSED, REFUSED, REFUSED];
  const f = setUp({ 'p:1': p1, 'p:2': p2 }, ONE_PRIMARY);
  f.failOverAfter(80);
  const sql = 'INSERT INTO t VALUES (1)';
  await f.dispatcher.run(
    RW,
    statementWork(sql, (c) => c.query(sql)),
  );
  assert.deepEqual(p2.sql, [sql]);
  assert.deepEqual([f.failovers[0]?.from, f.failovers[0]?.to], ['p:1', 'p:2']);
  assert.ok(f.reports.length >= 1, 'the failing primary was reported');
  assert.ok(f.reports.every((a) => a === 'p:1'));
});

test('connector dispatch: a read-only refusal from the primary is re-run after the failover', async () => {
  const p1 = new FakeServer();
  const p2 = new FakeServer();
  p1.failures.set('UPDATE', [READ_ONLY]);
  const f = setUp({ 'p:1': p1, 'p:2': p2 }, ONE_PRIMARY);
  f.failOverAfter(20);
  const sql = 'UPDATE t SET v = 1';
  await f.dispatcher.run(
    RW,
    statementWork(sql, (c) => c.query(sql)),
  );
  assert.deepEqual([p1.sql, p2.sql], [[sql], [sql]]);
});

test('connector dispatch: a write whose connection broke in flight is IN_DOUBT, never re-run; a read is re-run', async () => {
  const p1 = new FakeServer();
  const p2 = new FakeServer();
  p1.failures.set('INSERT', [LOST]);
  p1.failures.set('SELECT', [LOST]);
  const f = setUp({ 'p:1': p1, 'p:2': p2 }, ONE_PRIMARY);
  const write = 'INSERT INTO t VALUES (1)';
  await assert.rejects(
    f.dispatcher.run(
      RW,
      statementWork(write, (c) => c.query(write)),
    ),
    (e) => isConnectorError(e, 'IN_DOUBT'),
  );
  assert.deepEqual(p1.sql, [write]);
  assert.deepEqual(p2.sql, []);
  const read = 'SELECT v FROM t';
  f.failOverAfter(20);
  await f.dispatcher.run(
    RW,
    statementWork(read, (c) => c.query(read)),
  );
  assert.deepEqual(p2.sql, [read]);
});

test('connector dispatch: a transaction broken before COMMIT runs again from the start on the new primary', async () => {
  const p1 = new FakeServer();
  const p2 = new FakeServer();
  p1.failures.set('INSERT INTO t VALUES (2)', [LOST]);
  const f = setUp({ 'p:1': p1, 'p:2': p2 }, ONE_PRIMARY);
  f.failOverAfter(20);
  let runs = 0;
  const r = await f.dispatcher.run(
    RW,
    transactionWork(async (c) => {
      runs += 1;
      await c.query('INSERT INTO t VALUES (1)');
      try {
        await c.query('INSERT INTO t VALUES (2)');
      } catch {
        // An application that swallows the error still gets no partial commit.
      }
      return c.server;
    }),
  );
  assert.equal(r, 'p:2');
  assert.equal(runs, 2);
  assert.deepEqual(p1.sql, [
    'START TRANSACTION',
    'INSERT INTO t VALUES (1)',
    'INSERT INTO t VALUES (2)',
    'ROLLBACK',
  ]);
  assert.deepEqual(p2.sql, [
    'START TRANSACTION',
    'INSERT INTO t VALUES (1)',
    'INSERT INTO t VALUES (2)',
    'COMMIT',
  ]);
});

test('connector dispatch: a connection lost during COMMIT is IN_DOUBT and the transaction is not re-run', async () => {
  const p1 = new FakeServer();
  p1.failures.set('COMMIT', [LOST]);
  const f = setUp({ 'p:1': p1, 'p:2': new FakeServer() }, ONE_PRIMARY);
  let runs = 0;
  await assert.rejects(
    f.dispatcher.run(
      RW,
      transactionWork(async (c) => {
        runs += 1;
        await c.query('INSERT INTO t VALUES (1)');
      }),
    ),
    (e) => isConnectorError(e, 'IN_DOUBT'),
  );
  assert.equal(runs, 1);
});

test('connector dispatch: no failover within the deadline is DEADLINE_EXCEEDED; no primary is NO_PRIMARY', async () => {
  const p1 = new FakeServer();
  p1.connectFailures = Array.from({ length: 100 }, () => REFUSED);
  const f = setUp({ 'p:1': p1, 'p:2': new FakeServer() }, ONE_PRIMARY);
  const t0 = Date.now();
  await assert.rejects(
    f.dispatcher.run(
      RW,
      statementWork('SELECT 1', (c) => c.query('SELECT 1')),
    ),
    (e) => isConnectorError(e, 'DEADLINE_EXCEEDED') && e.cause instanceof Error,
  );
  const took = Date.now() - t0;
  assert.ok(took >= 350 && took < 1_000, `${took} ms`);
  const headless = setUp({ 's:1': new FakeServer() }, [{ address: 's:1', status: 'SECONDARY' }]);
  await assert.rejects(
    headless.dispatcher.run(
      RW,
      statementWork('SELECT 1', (c) => c.query('SELECT 1')),
    ),
    (e) => isConnectorError(e, 'NO_PRIMARY'),
  );
});
