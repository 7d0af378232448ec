/**
 * Replication through ServerHandle on three real MariaDB instances: rows
 * written by the app user arrive on replicas, read_only stops the app user
 * (not root), a switchover at the SQL level keeps every row, fencing kills
 * client connections but not replication, and real positions compare.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { ServerPool, compareGtids } from '../../src/mysql/index.js';
import { silentLogger } from '../../src/util/logger.js';
import { APP_DATABASE, ROOT, connectAs, startFleet } from './fleet.js';
import type { Fleet } from './fleet.js';
import { arrange, asApp, createAppTable, handles, insertRows, range, rowIds } from './topology.js';

let fleet: Fleet;
let pool: ServerPool;

before(async () => {
  fleet = await startFleet(3);
  pool = new ServerPool(fleet.settings, silentLogger());
  await arrange(pool, fleet, 0);
  await createAppTable(fleet, fleet.servers[0]!);
});

after(async () => {
  await pool.close();
  await fleet.stop();
});

test('replication: rows the app user writes on the primary reach every replica', async () => {
  await arrange(pool, fleet, 0);
  const [primary, r1, r2] = handles(pool, fleet);
  await insertRows(fleet, fleet.servers[0]!, 100, 120);
  const gtids = await primary!.gtidExecuted();
  assert.match(gtids, /^0-1-\d+$/);
  for (const r of [r1!, r2!]) assert.ok(await r.waitForGtids(gtids, 10_000), r.address);
  const expected = await rowIds(fleet, fleet.servers[0]!);
  assert.deepEqual(await rowIds(fleet, fleet.servers[1]!), expected);
  assert.deepEqual(await rowIds(fleet, fleet.servers[2]!), expected);

  const probe = await r1!.probe();
  assert.equal(probe.readOnly, true);
  assert.equal(probe.gtidExecuted, gtids);
  assert.deepEqual(
    {
      host: probe.replica?.sourceHost,
      port: probe.replica?.sourcePort,
      io: probe.replica?.ioRunning,
    },
    { host: '127.0.0.1', port: fleet.servers[0]!.port, io: 'Yes' },
  );
  assert.equal(probe.replica?.receivedGtids, gtids);
  assert.equal((await primary!.probe()).replica, undefined);
});

test('replication: waitForGtids says false when the replica does not get there in time', async () => {
  await arrange(pool, fleet, 0);
  const [primary, r1] = handles(pool, fleet);
  await r1!.stopReplica();
  assert.equal((await r1!.replicaStatus())?.ioRunning, 'No');
  await insertRows(fleet, fleet.servers[0]!, 200, 201);
  const gtids = await primary!.gtidExecuted();
  assert.equal(await r1!.waitForGtids(gtids, 200), false);
  assert.equal(await primary!.waitForGtids(gtids, 200), true, 'a primary has its own writes');
  await r1!.replicateFrom({ host: '127.0.0.1', port: fleet.servers[0]!.port });
  assert.equal(await r1!.waitForGtids(gtids, 10_000), true);
});

test('replication: compareGtids on real positions sees a lagging replica and a caught-up one', async () => {
  await arrange(pool, fleet, 0);
  const [primary, r1] = handles(pool, fleet);
  await r1!.stopReplica();
  await insertRows(fleet, fleet.servers[0]!, 300, 303);
  const p = await primary!.gtidExecuted();
  const r = await r1!.gtidExecuted();
  assert.deepEqual(compareGtids('mariadb', p, r), { aIncludesB: true, aMinusB: p });
  assert.deepEqual(compareGtids('mariadb', r, p), { aIncludesB: false, aMinusB: '' });
  await r1!.replicateFrom({ host: '127.0.0.1', port: fleet.servers[0]!.port });
  assert.ok(await r1!.waitForGtids(p, 10_000));
  assert.deepEqual(compareGtids('mariadb', await r1!.gtidExecuted(), p), {
    aIncludesB: true,
    aMinusB: '',
  });
});

test('replication: read_only refuses the app user’s writes on a replica while root bypasses it', async () => {
  await arrange(pool, fleet, 0);
  const replica = fleet.servers[1]!;
  assert.equal(await pool.server(replica.address).isReadOnly(), true);
  await assert.rejects(
    asApp(fleet, replica, (c) =>
      c.query(`INSERT INTO ${APP_DATABASE}.t (id, v) VALUES (900, 'x')`),
    ),
    (e: unknown) => (e as { errno?: number }).errno === 1290,
  );
  // root holds READ_ONLY ADMIN (mariadb.md gotcha 4). Unlogged, or it would be an errant GTID.
  const root = await connectAs(replica, ROOT);
  try {
    await root.query('SET SESSION sql_log_bin = 0');
    await root.query('CREATE DATABASE scratch');
    await root.query('DROP DATABASE scratch');
  } finally {
    await root.end();
  }
  assert.equal((await pool.server(replica.address).replicaStatus())?.sqlRunning, true);
});

test('replication: a switchover at the SQL level keeps every row', async () => {
  await arrange(pool, fleet, 0);
  const [oldPrimary, candidate, other] = handles(pool, fleet);
  const [s1, s2, s3] = fleet.servers as [
    (typeof fleet.servers)[0],
    (typeof fleet.servers)[0],
    (typeof fleet.servers)[0],
  ];
  await insertRows(fleet, s1, 1000, 1010);

  // Fence the old primary, let the candidate catch up, promote it, re-point the rest.
  await oldPrimary!.setReadOnly(true);
  await oldPrimary!.killClientConnections();
  const last = await oldPrimary!.gtidExecuted();
  assert.ok(await candidate!.waitForGtids(last, 10_000));
  await candidate!.resetReplica();
  await candidate!.setReadOnly(false);
  const source = { host: '127.0.0.1', port: s2.port };
  await oldPrimary!.replicateFrom(source, { fromOwnBinlog: true });
  await other!.replicateFrom(source);

  await insertRows(fleet, s2, 1010, 1020);
  const gtids = await candidate!.gtidExecuted();
  assert.match(gtids, /^0-2-\d+$/, 'the new primary writes under its own server_id');
  assert.ok(await oldPrimary!.waitForGtids(gtids, 10_000));
  assert.ok(await other!.waitForGtids(gtids, 10_000));
  const rows = await rowIds(fleet, s2);
  assert.deepEqual(
    rows.filter((id) => id >= 1000),
    range(1000, 1020),
  );
  assert.deepEqual(await rowIds(fleet, s1), rows);
  assert.deepEqual(await rowIds(fleet, s3), rows);
  const status = await oldPrimary!.replicaStatus();
  assert.deepEqual([status?.ioRunning, status?.sqlRunning, status?.ioErrno], ['Yes', true, 0]);
  assert.equal(await candidate!.replicaStatus(), undefined);
  assert.equal(await candidate!.isReadOnly(), false);

  // And back, so the other tests find server 1 primary.
  await arrange(pool, fleet, 0);
  assert.deepEqual(await rowIds(fleet, s1), rows);
});

test('replication: killClientConnections kills app connections but not replication', async () => {
  await arrange(pool, fleet, 0);
  const primary = fleet.servers[0]!;
  const app = await connectAs(primary, fleet.accounts.app);
  try {
    await app.query('SELECT 1');
    // At least the app connection (one an earlier test closed may still be listed).
    assert.ok((await pool.server(primary.address).killClientConnections()) >= 1);
    await assert.rejects(app.query('SELECT 1'));
  } finally {
    app.destroy();
  }
  // Replication threads on the primary (Binlog Dump) survived: new writes still arrive.
  await insertRows(fleet, primary, 2000, 2001);
  const gtids = await pool.server(primary.address).gtidExecuted();
  for (const r of fleet.servers.slice(1)) {
    await pool.server(r.address).killClientConnections();
    // A replica's own IO and SQL threads are spared too.
    const status = await pool.server(r.address).replicaStatus();
    assert.deepEqual([status?.ioRunning, status?.sqlRunning], ['Yes', true]);
    assert.ok(await pool.server(r.address).waitForGtids(gtids, 10_000));
  }
});
