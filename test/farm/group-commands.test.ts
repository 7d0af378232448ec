/**
 * Every farm command end to end: a real 3-process Fabric cluster managing
 * three real MariaDB servers, driven through the gRPC client the CLI uses.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FabricCallError } from '../../src/client/index.js';
import type { Topology__Output } from '../../src/gen/fabric/v1/Topology.js';
import { APP_DATABASE } from '../mysql/fleet.js';
import { sleep } from '../cluster/cluster.js';
import {
  idsOn,
  primaryAddress,
  readOnlyFlags,
  setUpGroup,
  startFarm,
  waitForRows,
  withConnection,
} from './farm.js';

test('farm: every group and server command works end to end on real MariaDB', async (t) => {
  const farm = await startFarm(t);
  const [s1, s2, s3] = farm.fleet.servers as [
    (typeof farm.fleet.servers)[0],
    (typeof farm.fleet.servers)[0],
    (typeof farm.fleet.servers)[0],
  ];
  const c = farm.client('n2');
  const topologies: Topology__Output[] = [];
  const watch = c.topology.watch(0, (tp) => topologies.push(tp));
  t.after(() => {
    watch.close();
  });

  await t.test('create, add, promote, activate', async () => {
    await setUpGroup(farm);
    const [g] = await c.groups.lookupGroups('g1');
    assert.equal(g?.description, 'test group');
    assert.equal(g.status, 'GROUP_STATUS_ACTIVE');
    assert.equal(await primaryAddress(farm), s1.address);
    const rows = await c.groups.lookupServers('g1');
    assert.deepEqual(rows.map((r) => r.address).sort(), [s1, s2, s3].map((s) => s.address).sort());
    assert.equal((await c.groups.lookupServers('g1', { status: 'SECONDARY' })).length, 2);
  });

  await t.test(
    'rows written on the primary reach every secondary; secondaries refuse the app user',
    async () => {
      await withConnection(s1, farm.fleet.accounts.app, APP_DATABASE, async (conn) => {
        for (let i = 1; i <= 50; i++)
          await conn.query('INSERT INTO t VALUES (?, ?)', [i, `row ${i}`]);
      });
      await waitForRows(
        farm,
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      for (const s of [s2, s3]) {
        await assert.rejects(
          withConnection(s, farm.fleet.accounts.app, APP_DATABASE, (conn) =>
            conn.query('INSERT INTO t VALUES (1000, "x")'),
          ),
          (e: { errno?: number }) => e.errno === 1290,
          `${s.address} must refuse writes of a non-admin user (read_only)`,
        );
      }
      assert.deepEqual(await readOnlyFlags(farm), [false, true, true]);
    },
  );

  await t.test('health reports roles, sources and no issues', async () => {
    const h = await c.groups.health('g1');
    assert.equal(h.length, 3);
    for (const row of h) {
      assert.equal(row.reachable, true);
      assert.deepEqual(row.issues, [], `${row.address}: ${row.issues.join('; ')}`);
      if (row.address === s1.address) assert.equal(row.read_only, false);
      else assert.equal(row.replicating_from, s1.address);
    }
  });

  await t.test('lookup-uuid, set-weight, set-mode, set-status', async () => {
    const uuid = await c.servers.lookupUuid(s2.address);
    const [row] = await c.groups.lookupServers('g1', { server: s2.address });
    assert.equal(uuid, row?.uuid);
    await c.servers.setWeight(s2.address, 2.5);
    await c.servers.setMode(uuid, 'OFFLINE');
    let [after] = await c.groups.lookupServers('g1', { server: uuid });
    assert.equal(after?.weight, 2.5);
    assert.equal(after.mode, 'SERVER_MODE_OFFLINE');
    await c.servers.setStatus(uuid, 'SPARE');
    [after] = await c.groups.lookupServers('g1', { server: uuid });
    assert.equal(after?.status, 'SERVER_STATUS_SPARE');
    await c.servers.setStatus(uuid, 'SECONDARY');
    [after] = await c.groups.lookupServers('g1', { server: uuid });
    assert.equal(after?.status, 'SERVER_STATUS_SECONDARY');
    assert.equal(after.mode, 'SERVER_MODE_READ_ONLY');
  });

  await t.test(
    'switchover without a named server keeps every row and rewires replication',
    async () => {
      const before = await c.topology.dump();
      const p = await c.groups.promote('g1');
      assert.equal(p.state, 'PROCEDURE_STATE_DONE');
      const primary = await primaryAddress(farm);
      assert.notEqual(primary, s1.address);
      const next = farm.server(primary);
      await withConnection(next, farm.fleet.accounts.app, APP_DATABASE, (conn) =>
        conn.query('INSERT INTO t VALUES (51, "after switchover")'),
      );
      await waitForRows(
        farm,
        Array.from({ length: 51 }, (_, i) => i + 1),
      );
      const h = await c.groups.health('g1');
      for (const row of h)
        assert.deepEqual(row.issues, [], `${row.address}: ${row.issues.join('; ')}`);
      const ro = await readOnlyFlags(farm);
      assert.equal(ro.filter((x) => x === false).length, 1, 'exactly one writable server');
      const after = await c.topology.dump();
      assert.ok(after.epoch > before.epoch);
    },
  );

  await t.test('demote, then promote a named server from a group without a primary', async () => {
    await c.groups.demote('g1');
    assert.equal(await primaryAddress(farm), '');
    assert.deepEqual(await readOnlyFlags(farm), [true, true, true]);
    await c.groups.promote('g1', { server: s3.address });
    assert.equal(await primaryAddress(farm), s3.address);
    await withConnection(s3, farm.fleet.accounts.app, APP_DATABASE, (conn) =>
      conn.query('INSERT INTO t VALUES (52, "after demote")'),
    );
    await waitForRows(
      farm,
      Array.from({ length: 52 }, (_, i) => i + 1),
    );
    const h = await c.groups.health('g1');
    for (const row of h)
      assert.deepEqual(row.issues, [], `${row.address}: ${row.issues.join('; ')}`);
  });

  await t.test('deactivate, description, remove, destroy', async () => {
    await c.groups.deactivate('g1');
    await c.groups.setDescription('g1', 'renamed');
    const [g] = await c.groups.lookupGroups('g1');
    assert.equal(g?.status, 'GROUP_STATUS_INACTIVE');
    assert.equal(g.description, 'renamed');
    await assert.rejects(c.groups.destroy('g1'), (e: FabricCallError) => e.code === 'GROUP_IN_USE');
    const secondaries = await c.groups.lookupServers('g1', { status: 'SECONDARY' });
    for (const s of secondaries) await c.groups.remove('g1', s.address);
    assert.equal((await c.groups.lookupServers('g1')).length, 1);
    // The removed servers are left running, still replicating.
    const kept = farm.server(secondaries[0]?.address ?? '');
    assert.equal((await idsOn(farm, kept)).size, 52);
  });

  await t.test('the topology watch saw every epoch change in order', async () => {
    const final = await c.topology.dump();
    const deadline = Date.now() + 5_000;
    while ((topologies.at(-1)?.epoch ?? -1) < final.epoch && Date.now() < deadline) await sleep(20);
    const epochs = topologies.map((tp) => tp.epoch);
    assert.equal(epochs.at(-1), final.epoch);
    assert.deepEqual(
      epochs,
      [...epochs].sort((a, b) => a - b),
      'epochs arrive in order',
    );
    assert.equal(new Set(epochs).size, epochs.length, 'each epoch once');
  });
});
