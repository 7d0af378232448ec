/**
 * Issue 18: no split brain when Fabric loses a primary that is still alive.
 * Real MariaDB and real node processes, with loopback proxies on every link
 * (proxied-farm.ts): Fabric→server, replica→source, application→server.
 *
 * (1) Fabric cut from a live primary its replicas still see: the replica
 *     veto keeps it (no failover), and the verdict is in the history.
 * (2) The primary cut from Fabric and from its replicas while the
 *     application still writes to it: a failover, which with a fence command
 *     promotes only once the application is cut off the old primary. Two
 *     writers: one follows the topology, one is pinned to the old primary (the
 *     issue's application, or any stale pool): only a fence stops the second.
 * (3) Either way the other secondary ends replicating from the new primary,
 *     not diverged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import type { Procedure__Output } from '../../src/gen/fabric/v1/Procedure.js';
import { sleep } from '../cluster/cluster.js';
import { LOSSLESS_SEMI_SYNC_TIMEOUT_MS } from '../../src/executor/farm/index.js';
import { APP_DATABASE, ROOT } from '../mysql/fleet.js';
import { idsOn, primaryAddress, waitForRows, withConnection } from './farm.js';
import type { Farm } from './farm.js';
import { failoverOf } from './procedure-watch.js';
import { setUpProxiedGroup, startProxiedFarm, startProxiedLoad } from './proxied-farm.js';
import type {
  AppWriter,
  FenceSetting,
  Landed,
  ProxiedFarm,
  ProxiedServer,
} from './proxied-farm.js';

/** Lets a test see a failover right after the group's first one; the cooldown has its own test. */
const NO_COOLDOWN = '[failure_detector]\nfailover_cooldown_s = 0';
const REPLICAS_ONLY = 'REACHABILITY_REPLICAS_ONLY';
/** How long test (1) keeps Fabric away from the primary, at least. */
const FABRIC_CUT_MS = 4_000;

async function until(
  what: string,
  cond: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

async function proxiedGroup(t: TestContext, fence: FenceSetting): Promise<ProxiedFarm> {
  const started = performance.now();
  const pf = await startProxiedFarm(t, { extraToml: NO_COOLDOWN, fence });
  await setUpProxiedGroup(pf);
  t.diagnostic(`farm and group up in ${Math.round(performance.now() - started)} ms`);
  return pf;
}

async function serverRow(
  farm: Farm,
  address: string,
): Promise<{ uuid: string; reachability: string }> {
  const [row] = await farm.client().groups.lookupServers('g1', { server: address });
  return { uuid: row?.uuid ?? '', reachability: row?.reachability ?? '' };
}

async function history(farm: Farm, name: string): Promise<Procedure__Output[]> {
  const r = await farm.client().procedures({ limit: 1000 });
  return r.procedures.filter((p) => p.name === name);
}

async function replicaStatus(s: ProxiedServer, pf: ProxiedFarm): Promise<Record<string, unknown>> {
  return withConnection(s.server, pf.farm.fleet.accounts.admin, undefined, async (c) => {
    const [rows] = await c.query('SHOW ALL SLAVES STATUS');
    return (rows as Record<string, unknown>[])[0] ?? {};
  });
}

/**
 * `replica` replicates from `source` and has not diverged: health reports
 * no issue and names `source` (by its fabric or its replication address),
 * a fresh write on `source` arrives, and every row `source` has, it has.
 * Call with the writers stopped.
 */
async function assertReplicatesFrom(
  pf: ProxiedFarm,
  replica: ProxiedServer,
  source: ProxiedServer,
): Promise<void> {
  const sourceNames = [source.address, source.replication.address];
  let last = '';
  await until(`${replica.address} replicating from ${source.address} without issues`, async () => {
    const h = (await pf.farm.client().groups.health('g1')).find(
      (x) => x.address === replica.address,
    );
    last = JSON.stringify(h);
    return h?.issues.length === 0 && sourceNames.includes(h.replicating_from);
  }).catch((e: unknown) => {
    throw new Error(`${(e as Error).message}; last health: ${last}`);
  });
  const marker = 9_000_000 + Math.floor(Math.random() * 100_000);
  await withConnection(source.server, pf.farm.fleet.accounts.app, APP_DATABASE, (c) =>
    c.query('INSERT INTO t VALUES (?, ?)', [marker, 'after failover']),
  );
  await until(`the marker on ${replica.address}`, async () =>
    (await idsOn(pf.farm, replica.server)).has(marker),
  );
  const status = await replicaStatus(replica, pf);
  assert.equal(status.Last_IO_Errno, 0, String(status.Last_IO_Error));
  const onReplica = await idsOn(pf.farm, replica.server);
  const missing = [...(await idsOn(pf.farm, source.server))].filter((id) => !onReplica.has(id));
  assert.deepEqual(missing, [], `rows of ${source.address} missing on ${replica.address}`);
}

test('split brain: Fabric cut from a live primary under writes: its replicas veto the failover, the verdict is in the history, no write is lost', async (t) => {
  const pf = await proxiedGroup(t, 'none');
  const primary = pf.byAddress(await primaryAddress(pf.farm));
  const { uuid } = await serverRow(pf.farm, primary.address);
  const { writer, sampler } = startProxiedLoad(t, pf);
  await writer.waitForMore(50);
  const cutAt = performance.now();
  pf.cutFabric(primary.address);
  await until('the primary shown reachable only by its replicas', async () => {
    return (await serverRow(pf.farm, primary.address)).reachability === REPLICAS_ONLY;
  });
  const vetoSeenAt = performance.now();
  while (performance.now() - cutAt < FABRIC_CUT_MS) await sleep(50);
  const healAt = performance.now();
  pf.healAll();
  await until('the primary reachable again', async () => {
    const r = (await serverRow(pf.farm, primary.address)).reachability;
    return r !== REPLICAS_ONLY && r !== '';
  });
  await writer.waitForMore(50);
  await writer.stop();
  await sampler.stop();

  assert.deepEqual(await history(pf.farm, 'group.failover'), [], 'no failover');
  assert.equal(await primaryAddress(pf.farm), primary.address, 'still the primary');
  const verdicts = await history(pf.farm, 'server.set-reachability');
  const veto = verdicts.find(
    (p) =>
      (p.args_json.includes(uuid) || p.args_json.includes(primary.address)) &&
      p.args_json.includes('REPLICAS_ONLY'),
  );
  assert.ok(veto !== undefined, `a vetoed verdict in the history: ${JSON.stringify(verdicts)}`);
  const args = JSON.parse(veto.args_json) as { evidence?: unknown };
  assert.ok(args.evidence !== undefined && args.evidence !== null, `evidence: ${veto.args_json}`);
  const duringCut = writer.landed.filter((l) => l.at > cutAt && l.at < healAt);
  assert.ok(duringCut.length > 0, 'the application kept writing during the cut');
  assert.ok(duringCut.every((l) => l.address === primary.address));
  assert.deepEqual(
    sampler.changes.filter((c) => c.writable.length > 1),
    [],
    'two writable servers at once',
  );
  await waitForRows(pf.farm, writer.acked, 30_000);
  t.diagnostic(
    `shown REPLICAS_ONLY ${Math.round(vetoSeenAt - cutAt)} ms after the cut; ${writer.acked.length} acknowledged writes (${duringCut.length} during the ${Math.round(healAt - cutAt)} ms cut), all on every server; ${verdicts.length} set-reachability procedure(s)`,
  );
});

/** Cuts the primary from Fabric and its replicas (not the app) and follows the failover to its end. */
async function failoverUnderPartition(
  t: TestContext,
  fence: FenceSetting,
  prepare: (pf: ProxiedFarm) => Promise<void> = () => Promise.resolve(),
) {
  const pf = await proxiedGroup(t, fence);
  await prepare(pf);
  const old = pf.byAddress(await primaryAddress(pf.farm));
  const { uuid } = await serverRow(pf.farm, old.address);
  const { writer, pinned, sampler } = startProxiedLoad(t, pf, { pinned: old.address });
  await writer.waitForMore(50);
  await pinned?.waitForMore(50);
  const cutAt = performance.now();
  const cutAtMs = Date.now();
  pf.cutFabric(old.address);
  pf.cutReplicas(old.address);
  const p = await failoverOf(pf.farm, uuid, cutAtMs - 1_000);
  const done = (await pf.farm.client().waitProcedure(p.id, 60_000)).procedure;
  assert.equal(done?.state, 'PROCEDURE_STATE_DONE', JSON.stringify(done?.error));
  const next = pf.byAddress(await primaryAddress(pf.farm));
  assert.notEqual(next.address, old.address);
  await writer.waitForMore(50, next.address);
  const newWritableAt = sampler.firstWritable(next.address, cutAt);
  assert.ok(newWritableAt !== undefined, 'the sampler saw the new primary writable');
  const other = pf.servers.find((s) => s !== old && s !== next) as ProxiedServer;
  return {
    pf,
    old,
    next,
    other,
    uuid,
    writer,
    pinned: pinned as AppWriter,
    sampler,
    cutAt,
    newWritableAt,
    failover: p,
  };
}

/** Writes the old primary acknowledged once the new one was writable: two writable servers, both written. */
function lateOnOld(
  r: { old: ProxiedServer; newWritableAt: number },
  writers: readonly AppWriter[],
): Landed[] {
  return writers.flatMap((w) =>
    w.landed.filter((l) => l.address === r.old.address && l.at >= r.newWritableAt),
  );
}

/** How many writes the old primary acknowledged that the new one does not have. */
async function lostOnNew(
  r: { pf: ProxiedFarm; old: ProxiedServer; next: ProxiedServer },
  writers: readonly AppWriter[],
): Promise<number> {
  const onNew = await idsOn(r.pf.farm, r.next.server);
  return writers
    .flatMap((w) => w.landed)
    .filter((l) => l.address === r.old.address && !onNew.has(l.id)).length;
}

test('split brain: primary cut from Fabric and replicas, app still writing, fence = command: promotion waits for the fence, no write acknowledged by the old primary after the new one is writable', async (t) => {
  const r = await failoverUnderPartition(t, 'command');
  const { pf, old, next, other, writer, pinned, sampler } = r;
  await writer.stop();
  await pinned.stop();
  await sampler.stop();

  const fence = pf.fences.find((f) => f.server === old.address);
  assert.ok(
    fence !== undefined,
    `the fence command ran for ${old.address}: ${JSON.stringify(pf.fences)}`,
  );
  assert.deepEqual(fence.env, { server: old.address, group: 'g1', uuid: r.uuid });
  assert.equal(old.app.state, 'reset', "the fence cut the application's way to the old primary");
  assert.ok(fence.at <= r.newWritableAt, 'the fence ran before the new primary was writable');
  const late = lateOnOld(r, [writer, pinned]);
  assert.deepEqual(
    late,
    [],
    'writes acknowledged by the old primary after the new one was writable',
  );
  assert.deepEqual(
    pf.fences.filter((f) => f.server !== old.address),
    [],
    'no other server fenced',
  );
  await assertReplicatesFrom(pf, other, next);
  const lost = await lostOnNew(r, [writer, pinned]);
  t.diagnostic(
    `failover decided ${r.failover.submitted_at_ms - Math.round(r.cutAt + performance.timeOrigin)} ms after the cut; fence ${Math.round(r.newWritableAt - fence.at)} ms before the new primary was seen writable; ${lost} of ${writer.acked.length + pinned.acked.length} acknowledged writes only on the old primary (cut from its replicas: the documented async loss)`,
  );
});

test('split brain: primary cut from Fabric and replicas, app still writing, fence = none: failover happens, the loss is counted, the other secondary is not diverged', async (t) => {
  const r = await failoverUnderPartition(t, 'none');
  const { pf, old, next, other, writer, pinned, sampler } = r;
  await writer.stop();
  // Heal, so Fabric can reach the old primary again and make it read-only
  // (a FAULTY server found writable is fenced); that ends the overlap. Until
  // then nothing can: so the overlap mostly measures the partition, and the
  // application's exposure is `late`, the writes it could still make there.
  const healAt = performance.now();
  pf.healAll();
  const fenced = await until(
    'the old primary read-only after heal',
    () => {
      const last = sampler.changes.at(-1);
      return last !== undefined && !last.writable.includes(old.address);
    },
    15_000,
  ).then(
    () => true,
    () => false,
  );
  await pinned.stop();
  await sampler.stop();
  assert.equal(pf.fences.length, 0, 'no fence command is configured');
  await assertReplicatesFrom(pf, other, next);
  const lost = await lostOnNew(r, [writer, pinned]);
  t.diagnostic(
    `fence = none: writes acknowledged by the old primary after the new one was writable: ${lateOnOld(r, [writer]).length} from the topology-following writer, ${lateOnOld(r, [pinned]).length} from the pinned one; ${lost} of ${writer.acked.length + pinned.acked.length} acknowledged writes not on the new primary; two writable servers for ${(sampler.overlapMs() / 1000).toFixed(1)} s, ${(sampler.overlapMs(healAt) / 1000).toFixed(1)} s of it after the heal (${fenced ? 'until Fabric made the old primary read-only' : 'the old primary was still writable 15 s after heal'})`,
  );
});

/**
 * Semi-synchronous replication that never falls back (fence = semi-sync):
 * AFTER_SYNC on every server, the primary's timeout set to the lossless
 * value by hand (as `health` asks; a promotion sets it by itself).
 */
async function losslessSemiSync(pf: ProxiedFarm): Promise<void> {
  const primary = await primaryAddress(pf.farm);
  for (const s of pf.servers)
    await withConnection(s.server, ROOT, undefined, async (c) => {
      await c.query(
        "SET GLOBAL rpl_semi_sync_master_wait_point = 'AFTER_SYNC', rpl_semi_sync_slave_enabled = 1",
      );
      if (s.address === primary)
        await c.query(
          `SET GLOBAL rpl_semi_sync_master_enabled = 1, rpl_semi_sync_master_timeout = ${LOSSLESS_SEMI_SYNC_TIMEOUT_MS}`,
        );
      else {
        // The IO thread reads rpl_semi_sync_slave_enabled when it starts.
        await c.query('STOP SLAVE IO_THREAD');
        await c.query('START SLAVE IO_THREAD');
      }
    });
  const row = (await pf.farm.client().groups.health('g1')).find((h) => h.address === primary);
  assert.match(row?.fence ?? '', /^semi-sync, lossless/, JSON.stringify(row));
}

test('split brain: primary cut from Fabric and replicas, app still writing, fence = semi-sync: the old primary blocks its commits, no acknowledged write is lost', async (t) => {
  const r = await failoverUnderPartition(t, 'semi-sync', losslessSemiSync);
  const { pf, old, next, other, writer, pinned, sampler } = r;
  await writer.stop();
  // The pinned writer's last INSERT waits for an acknowledgement that never
  // comes; end it the way its application would see a dead server.
  pf.cutApp(old.address, 'reset');
  await pinned.stop();
  await sampler.stop();
  // Released only now, so the old primary's blocked commits cannot be mistaken for acknowledged ones.
  await withConnection(old.server, ROOT, undefined, (c) =>
    c.query('SET GLOBAL rpl_semi_sync_master_enabled = 0'),
  );
  assert.deepEqual(lateOnOld(r, [writer, pinned]), [], 'acknowledged by the old primary late');
  const lost = await lostOnNew(r, [writer, pinned]);
  assert.equal(lost, 0, 'every acknowledged write is on the new primary');
  const row = (await pf.farm.client().groups.health('g1')).find((h) => h.address === next.address);
  assert.match(
    row?.fence ?? '',
    /^semi-sync, lossless/,
    'the promotion made the new primary lossless',
  );
  await assertReplicatesFrom(pf, other, next);
  t.diagnostic(
    `fence = semi-sync: failover decided ${r.failover.submitted_at_ms - Math.round(r.cutAt + performance.timeOrigin)} ms after the cut; ${writer.acked.length + pinned.acked.length} acknowledged writes, none lost, none acknowledged by the old primary after the new one was writable`,
  );
});
