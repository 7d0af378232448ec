/**
 * Automatic failover on real MariaDB, driven by the failure detector: the
 * primary's mariadbd is killed (alone, with the Fabric leader, or with the
 * leader killed at each step boundary of the failover), and the group gets
 * a new writable primary, published, exactly once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import type { Procedure__Output } from '../../src/gen/fabric/v1/Procedure.js';
import { SeededRng } from '../../src/raft/index.js';
import { sleep } from '../cluster/cluster.js';
import { ROOT } from '../mysql/fleet.js';
import { FarmWriter, startLoad } from './farm-load.js';
import { failoverOf, waitForStepDone } from './procedure-watch.js';
import {
  idsOn,
  primaryAddress,
  readOnlyFlags,
  setUpGroup,
  startFarm,
  withConnection,
} from './farm.js';
import type { Farm, FarmOptions } from './farm.js';

/** Lets failovers follow one another in a test; the cooldown has its own test. */
const NO_COOLDOWN = '[failure_detector]\nfailover_cooldown_s = 0';
const FAILOVER_STEPS = 9;

async function farmWithGroup(t: TestContext, o: FarmOptions = {}): Promise<Farm> {
  const farm = await startFarm(t, { extraToml: NO_COOLDOWN, ...o });
  await setUpGroup(farm);
  return farm;
}

async function waitDone(farm: Farm, id: string, via: string): Promise<Procedure__Output> {
  const r = await farm.client(via).waitProcedure(id, 60_000);
  const p = r.procedure;
  assert.equal(p?.state, 'PROCEDURE_STATE_DONE', JSON.stringify(p?.error));
  return p;
}

async function uuidOf(farm: Farm, address: string): Promise<string> {
  const [row] = await farm.client().groups.lookupServers('g1', { server: address });
  return row?.uuid ?? '';
}

/** Exactly one PRIMARY, the only writable server among those alive, every other live one replicating from it. */
async function assertSettled(farm: Farm, dead: string, via?: string): Promise<string> {
  const c = farm.client(via);
  const primaries = await c.groups.lookupServers('g1', { status: 'PRIMARY' });
  assert.equal(primaries.length, 1);
  const primary = primaries[0]?.address ?? '';
  assert.notEqual(primary, dead);
  const flags = await readOnlyFlags(farm);
  const writable = farm.fleet.servers.filter((_, i) => flags[i] === false).map((s) => s.address);
  assert.deepEqual(writable, [primary]);
  for (const h of await c.groups.health('g1'))
    if (h.address !== dead) assert.deepEqual(h.issues, [], `${h.address}: ${h.issues.join('; ')}`);
  return primary;
}

/** Brings the killed server back as a SECONDARY (it has not diverged: no writes were in flight). */
async function rejoin(farm: Farm, address: string, via?: string): Promise<void> {
  await farm.server(address).restart();
  const c = farm.client(via);
  await c.servers.setStatus(address, 'SPARE');
  await c.servers.setStatus(address, 'SECONDARY');
}

test('failover chaos: kill -9 of the primary under writes (async): a new primary is writable and published, lost writes counted', async (t) => {
  const farm = await farmWithGroup(t);
  const { writer, monitor } = startLoad(t, farm);
  while (writer.acked.length < 200) await sleep(10);
  const dead = await primaryAddress(farm);
  const t0 = Date.now();
  await farm.server(dead).kill9();
  const p = await failoverOf(farm, await uuidOf(farm, dead), t0 - 1_000);
  await waitDone(farm, p.id, 'n1');
  while (writer.primary === dead || writer.primary === '') await sleep(5);
  const next = writer.primary;
  const acked = writer.acked.length;
  while (writer.acked.length < acked + 50) await sleep(5);
  await writer.stop();
  await monitor.stop();
  assert.deepEqual(monitor.violations, [], 'two writable servers at once');
  assert.equal(await assertSettled(farm, dead), next);
  const onNew = await idsOn(farm, farm.server(next));
  const lost = writer.acked.filter((id, k) => writer.landed[k]?.address === dead && !onNew.has(id));
  t.diagnostic(
    `declared dead after ${p.submitted_at_ms - t0} ms; ${lost.length} of ${writer.acked.length} acknowledged writes lost (async replication)`,
  );
  const evidence = JSON.parse(p.args_json) as { evidence?: unknown };
  assert.ok(
    evidence.evidence !== undefined && evidence.evidence !== null,
    'the decision is in the history',
  );
});

test('failover chaos: with semi-sync replication no acknowledged write is lost', async (t) => {
  const farm = await farmWithGroup(t);
  const primary = await primaryAddress(farm);
  for (const s of farm.fleet.servers)
    await withConnection(s, ROOT, undefined, async (c) => {
      // AFTER_SYNC: a commit is acknowledged to the client only once a
      // replica has it; a long timeout keeps it from falling back to async.
      await c.query(
        "SET GLOBAL rpl_semi_sync_master_wait_point = 'AFTER_SYNC', rpl_semi_sync_master_timeout = 60000, rpl_semi_sync_slave_enabled = 1",
      );
      if (s.address === primary) await c.query('SET GLOBAL rpl_semi_sync_master_enabled = 1');
      if (s.address !== primary) await c.query('STOP SLAVE IO_THREAD');
      if (s.address !== primary) await c.query('START SLAVE IO_THREAD');
    });
  const health = await farm.client().groups.health('g1');
  assert.deepEqual(
    health.map((h) => h.semi_sync),
    health.map((h) => (h.address === primary ? 'source+replica' : 'replica')),
    'health says semi-sync is on',
  );
  const writer = new FarmWriter(farm.client('n1'), farm.fleet.accounts.app);
  writer.start();
  t.after(() => writer.stop());
  while (writer.acked.length < 200) await sleep(10);
  const t0 = Date.now();
  await farm.server(primary).kill9();
  const p = await failoverOf(farm, await uuidOf(farm, primary), t0 - 1_000);
  await waitDone(farm, p.id, 'n1');
  while (writer.primary === primary || writer.primary === '') await sleep(5);
  const next = writer.primary;
  await writer.stop();
  const onNew = await idsOn(farm, farm.server(next));
  const lost = writer.acked.filter((id) => !onNew.has(id));
  assert.deepEqual(lost, [], 'semi-sync: every acknowledged write is on the new primary');
  const after = await farm.client().groups.health('g1');
  assert.equal(
    after.find((h) => h.address === next)?.semi_sync,
    'source+replica',
    'the new primary waits for acknowledgements in turn',
  );
  t.diagnostic(`${writer.acked.length} acknowledged writes, none lost`);
});

test('failover chaos: kill -9 of the Fabric leader at every step boundary of a failover and at random moments', async (t) => {
  const farm = await farmWithGroup(t, { stepPauseMs: 200 });
  const rng = new SeededRng(Number(process.env.SEED ?? 7));
  const runs: ({ boundary: number } | { afterMs: number })[] = [
    ...Array.from({ length: FAILOVER_STEPS - 1 }, (_, i) => ({ boundary: i + 1 })),
    ...Array.from({ length: 2 }, () => ({ afterMs: rng.int(FAILOVER_STEPS * 200) })),
  ];
  let failovers = 0;
  for (const at of runs) {
    const leader = await farm.cluster.waitForLeader();
    const via = farm.cluster.running().find((n) => n.id !== leader)?.id ?? '';
    const dead = await primaryAddress(farm, 'g1', via);
    const uuid = await uuidOf(farm, dead);
    const t0 = Date.now();
    await farm.server(dead).kill9();
    const p = await failoverOf(farm, uuid, t0 - 1_000, via);
    if ('boundary' in at) await waitForStepDone(farm, via, p.id, at.boundary - 1);
    else await sleep(at.afterMs);
    await farm.cluster.node(leader).kill9();
    const done = await waitDone(farm, p.id, via);
    failovers++;
    t.diagnostic(
      `${JSON.stringify(at)}: killed ${leader}; attempts ${done.steps.map((s) => s.attempts).join(',')}`,
    );
    farm.cluster.node(leader).start();
    await farm.cluster.waitForLeader();
    await assertSettled(farm, dead, via);
    await rejoin(farm, dead, via);
  }
  const all = await farm.client().procedures({ limit: 1000 });
  assert.equal(
    all.procedures.filter((x) => x.name === 'group.failover').length,
    failovers,
    'each failover ran once',
  );
});

test('failover chaos: the primary and the Fabric leader killed together', async (t) => {
  const farm = await farmWithGroup(t);
  const leader = await farm.cluster.waitForLeader();
  const via = farm.cluster.running().find((n) => n.id !== leader)?.id ?? '';
  const dead = await primaryAddress(farm, 'g1', via);
  const uuid = await uuidOf(farm, dead);
  const t0 = Date.now();
  await Promise.all([farm.server(dead).kill9(), farm.cluster.node(leader).kill9()]);
  const p = await failoverOf(farm, uuid, t0 - 1_000, via);
  await waitDone(farm, p.id, via);
  t.diagnostic(`declared dead by the new leader ${p.submitted_at_ms - t0} ms after the kills`);
  await assertSettled(farm, dead, via);
});

test('failover chaos: the old primary returns FAULTY and read-only; rejoins when not diverged, refused when diverged', async (t) => {
  // The diverged case below stops the replicas' IO threads by hand, so they
  // cannot say whether the primary lives: the failover needs the waiver.
  const farm = await farmWithGroup(t, {
    extraToml: `${NO_COOLDOWN}\nfailover_without_replica_evidence = true`,
  });
  const c = farm.client('n1');
  const first = await primaryAddress(farm);
  await farm.server(first).kill9();
  await waitDone(
    farm,
    (await failoverOf(farm, await uuidOf(farm, first), Date.now() - 2_000)).id,
    'n1',
  );
  await farm.server(first).restart();
  // The detector fences a FAULTY server that comes back writable.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const flags = await readOnlyFlags(farm);
    if (flags[farm.fleet.servers.findIndex((s) => s.address === first)] === true) break;
    assert.ok(Date.now() < deadline, 'the returning old primary was not made read-only');
    await sleep(50);
  }
  const [row] = await c.groups.lookupServers('g1', { server: first });
  assert.equal(row?.status, 'SERVER_STATUS_FAULTY');
  await c.servers.setStatus(first, 'SPARE');
  await c.servers.setStatus(first, 'SECONDARY');
  // Now a diverged one: the next primary takes writes its replicas never get.
  const second = await primaryAddress(farm);
  for (const s of farm.fleet.servers.filter((x) => x.address !== second))
    await withConnection(s, ROOT, undefined, (conn) => conn.query('STOP SLAVE IO_THREAD'));
  await withConnection(farm.server(second), farm.fleet.accounts.app, 'app', (conn) =>
    conn.query('INSERT INTO t VALUES (424242, "never replicated")'),
  );
  await farm.server(second).kill9();
  await waitDone(
    farm,
    (await failoverOf(farm, await uuidOf(farm, second), Date.now() - 2_000)).id,
    'n1',
  );
  await farm.server(second).restart();
  const h = await c.groups.health('g1');
  const issues = h.find((x) => x.address === second)?.issues ?? [];
  assert.ok(
    issues.some((i) => i.includes('has diverged')),
    issues.join('; '),
  );
  await assert.rejects(c.servers.setStatus(second, 'SPARE'), /has diverged/);
});
