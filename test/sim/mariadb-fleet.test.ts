import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareGtidHistories } from '../../src/mysql/index.js';
import { SimMariadbFleet } from './mariadb/sim-mariadb-fleet.js';

/** A primary and two replicas, replication running, the primary writable. */
function farm(): SimMariadbFleet {
  const fleet = new SimMariadbFleet();
  fleet.add('db1:3306', 1).readOnly = false;
  for (const [a, id] of [
    ['db2:3306', 2],
    ['db3:3306', 3],
  ] as const) {
    const s = fleet.add(a, id);
    s.source = 'db1:3306';
    s.ioRunning = true;
    s.sqlRunning = true;
  }
  return fleet;
}

function settle(fleet: SimMariadbFleet, rounds = 20): void {
  for (let i = 0; i < rounds; i++) fleet.step();
}

test('sim-mariadb: replicas fetch and apply the primary writes, GTIDs per domain', async () => {
  const fleet = farm();
  const db1 = fleet.get('db1:3306');
  for (let i = 0; i < 5; i++) db1.write(0);
  db1.write(1);
  settle(fleet);
  for (const a of ['db1:3306', 'db2:3306', 'db3:3306'])
    assert.equal(await fleet.server(a).gtidExecuted(), '0-1-5,1-1-1');
  const st = await fleet.server('db2:3306').replicaStatus();
  assert.equal(st?.ioRunning, 'Yes');
  assert.equal(st.relayLogApplied, true);
  assert.equal(await fleet.server('db3:3306').waitForGtids('0-1-5', 100), true);
});

test('sim-mariadb: read_only refuses writes and a restarted server comes back read-only', async () => {
  const fleet = farm();
  assert.equal(fleet.get('db2:3306').write(0), undefined);
  await fleet.server('db1:3306').setReadOnly(true);
  assert.deepEqual(fleet.writable(), []);
  await fleet.server('db1:3306').setReadOnly(false);
  fleet.get('db1:3306').crash();
  fleet.get('db1:3306').restart();
  assert.equal(await fleet.server('db1:3306').isReadOnly(), true);
});

test('sim-mariadb: a server cut off from fabric-ha is unreachable but keeps replicating', async () => {
  const fleet = farm();
  fleet.cutFromFabric('db2:3306', true);
  await assert.rejects(fleet.server('db2:3306').probe(), { code: 'SERVER_UNREACHABLE' });
  fleet.get('db1:3306').write(0);
  settle(fleet);
  fleet.cutFromFabric('db2:3306', false);
  assert.equal((await fleet.server('db2:3306').probe()).gtidExecuted, '0-1-1');
});

test('sim-mariadb: a cut replication link leaves the IO thread connecting', async () => {
  const fleet = farm();
  fleet.cutLink('db3:3306', 'db1:3306', true);
  fleet.get('db1:3306').write(0);
  settle(fleet);
  const st = await fleet.server('db3:3306').replicaStatus();
  assert.equal(st?.ioRunning, 'Connecting');
  assert.equal(st.ioErrno, 2003);
  assert.equal(await fleet.server('db3:3306').gtidExecuted(), '');
});

test('sim-mariadb: a frozen replica applies its relay log and takes nothing more', async () => {
  const fleet = farm();
  const db1 = fleet.get('db1:3306');
  for (let i = 0; i < 3; i++) db1.write(0);
  fleet.step();
  await fleet.server('db2:3306').stopReceiving();
  db1.write(0);
  settle(fleet);
  assert.deepEqual(await fleet.server('db2:3306').waitForRelayLog(100), {
    applied: true,
    state: 'Slave has read all relay log',
  });
  assert.equal(await fleet.server('db2:3306').gtidExecuted(), '0-1-3');
  assert.equal(await fleet.server('db3:3306').gtidExecuted(), '0-1-4');
});

test('sim-mariadb: an old primary with a transaction nobody got is refused with error 1236', async () => {
  const fleet = farm();
  const db1 = fleet.get('db1:3306');
  db1.write(0);
  settle(fleet);
  // db1 binlogs a transaction, then dies before any replica fetched it.
  fleet.cutLink('db2:3306', 'db1:3306', true);
  fleet.cutLink('db3:3306', 'db1:3306', true);
  db1.write(0);
  db1.crash();
  // db2 is promoted, db3 follows it, db2 takes writes.
  await fleet.server('db2:3306').resetReplica();
  await fleet.server('db2:3306').setReadOnly(false);
  await fleet.server('db3:3306').replicateFrom({ host: 'db2', port: 3306 });
  fleet.get('db2:3306').write(0);
  db1.restart();
  await fleet
    .server('db1:3306')
    .replicateFrom({ host: 'db2', port: 3306 }, { fromOwnBinlog: true });
  settle(fleet);
  const st = await fleet.server('db1:3306').replicaStatus();
  assert.equal(st?.ioErrno, 1236);
  assert.equal(st.ioRunning, 'No');
  const errant = compareGtidHistories(
    'mariadb',
    await fleet.server('db1:3306').gtidHistory(),
    await fleet.server('db2:3306').gtidHistory(),
  );
  assert.equal(errant.aMinusB, '0-1-2');
  assert.equal(await fleet.server('db3:3306').gtidExecuted(), '0-2-2');
});

test('sim-mariadb: the identity check catches a different server at the address', async () => {
  const fleet = farm();
  const uuid = await fleet.server('db2:3306').identity(true);
  assert.ok(uuid !== undefined);
  assert.equal(await fleet.server('db2:3306', uuid).identity(false), uuid);
  await assert.rejects(fleet.server('db3:3306', uuid).info(), { code: 'SERVER_IDENTITY_CHANGED' });
});
