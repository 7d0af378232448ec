/**
 * Server identity on real MariaDB instances: stored once with
 * sql_log_bin=0 (never replicated, no GTID), stable across reconnects and
 * restarts, and a different server answering at a known address is caught
 * on its first connection.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { LocalMariadb, ServerPool, provisionAccounts } from '../../src/mysql/index.js';
import { isFabricError } from '../../src/util/fabric-error.js';
import { silentLogger } from '../../src/util/logger.js';
import { startFleet } from './fleet.js';
import type { Fleet } from './fleet.js';
import { arrange, createAppTable, handles, insertRows } from './topology.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let fleet: Fleet;
let pool: ServerPool;

before(async () => {
  fleet = await startFleet(2);
  pool = new ServerPool(fleet.settings, silentLogger());
});

after(async () => {
  await pool.close();
  await fleet.stop();
});

test('identity: stored on a primary never reaches its replica nor adds a GTID', async () => {
  await arrange(pool, fleet, 0);
  const [primary, replica] = handles(pool, fleet) as [
    ReturnType<typeof handles>[0],
    ReturnType<typeof handles>[0],
  ];
  const before = await primary.gtidExecuted();
  const uuid = await primary.identity(true);
  assert.match(uuid ?? '', UUID);
  assert.equal(await primary.gtidExecuted(), before, 'identity writes are not binlogged');

  await createAppTable(fleet, fleet.servers[0]!);
  await insertRows(fleet, fleet.servers[0]!, 1, 3);
  const gtids = await primary.gtidExecuted();
  assert.ok(await replica.waitForGtids(gtids, 10_000));
  assert.equal(await replica.identity(false), undefined, 'the replica did not receive it');

  // A read-only replica gets its own, without an errant GTID that would break replication.
  const replicaUuid = await replica.identity(true);
  assert.match(replicaUuid ?? '', UUID);
  assert.notEqual(replicaUuid, uuid);
  assert.equal(await replica.gtidExecuted(), gtids);
  const status = await replica.replicaStatus();
  assert.equal(status?.ioRunning, 'Yes');
  assert.equal(status.sqlRunning, true);
});

test('identity: stable across reconnects, new pools and a restart', async () => {
  const address = fleet.servers[0]!.address;
  const uuid = await pool.server(address).identity(true);
  assert.equal(await pool.server(address).identity(true), uuid, 'created once');
  await pool.forget(address);
  assert.equal(await pool.server(address).identity(false), uuid, 'after reconnecting');
  const other = new ServerPool(fleet.settings, silentLogger());
  try {
    assert.equal(await other.server(address).identity(false), uuid, 'from another pool');
  } finally {
    await other.close();
  }
  const verified = pool.server(address, uuid);
  assert.equal((await verified.probe()).uuid, uuid);
  await fleet.servers[0]!.restart();
  // The pooled connections died with the old process; new ones are verified again.
  assert.equal((await verified.probe()).uuid, uuid);
});

test('identity: a wrong expected identity is refused', async () => {
  const address = fleet.servers[1]!.address;
  const actual = await pool.server(address).identity(true);
  await assert.rejects(
    pool.server(address, '00000000-0000-4000-8000-000000000000').info(),
    (e: unknown) => {
      assert.ok(isFabricError(e, 'SERVER_IDENTITY_CHANGED'), String(e));
      assert.equal(
        e.message,
        `the server at ${address} is not the one that was added: expected identity ` +
          `00000000-0000-4000-8000-000000000000, but its identity is ${actual} ` +
          '(another server now answers at this address, or its data was replaced)',
      );
      return true;
    },
  );
});

test('identity: another server started on a known address is caught', async (t) => {
  const original = fleet.servers[0]!;
  const address = original.address;
  const uuid = (await pool.server(address).identity(true)) as string;
  const known = pool.server(address, uuid);
  await known.probe();

  await original.kill9();
  const impostor = await LocalMariadb.start({
    baseDir: join(fleet.baseDir, 'impostor'),
    port: original.port,
    serverId: 9,
  });
  t.after(() => impostor.destroy());
  await provisionAccounts(impostor.address, fleet.accounts);

  await assert.rejects(known.probe(), (e: unknown) => {
    assert.ok(isFabricError(e, 'SERVER_IDENTITY_CHANGED'), String(e));
    assert.match(e.message, new RegExp(`the server at ${address} is not the one that was added`));
    assert.match(
      e.message,
      new RegExp(`expected identity ${uuid}, but it has no fabric-ha identity`),
    );
    assert.equal(e.details.foundUuid, '');
    return true;
  });
  const impostorUuid = await pool.server(address).identity(true);
  await assert.rejects(known.gtidExecuted(), (e: unknown) => {
    assert.ok(isFabricError(e, 'SERVER_IDENTITY_CHANGED'), String(e));
    assert.match(e.message, new RegExp(`but its identity is ${impostorUuid}`));
    return true;
  });
});
