/**
 * The simulated MariaDB fleet (test/sim/fleet) behaves as the real servers
 * do where fabric-ha depends on it: GTID auto-positioning, error 1236 for a
 * diverged replica, the IO thread's states when its source crashes or goes
 * silent, semi-synchronous acknowledgements and their fallback, and the
 * typed errors of the ServerHandle contract.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareGtidHistories } from '../../../src/mysql/index.js';
import { isFabricError } from '../../../src/util/fabric-error.js';
import { ManualClock } from './sim-clock.js';
import { SimFleet } from './sim-fleet.js';
import { simConnector } from './sim-handle.js';

const A = '10.0.0.1:3306';
const B = '10.0.0.2:3306';
const C = '10.0.0.3:3306';

/** Runs replication rounds every heartbeat period for `ms`. */
async function run(fleet: SimFleet, clock: ManualClock, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += fleet.heartbeatPeriodMs) {
    fleet.step();
    await clock.advance(fleet.heartbeatPeriodMs);
  }
}

async function group(): Promise<{ fleet: SimFleet; clock: ManualClock }> {
  const clock = new ManualClock();
  const fleet = new SimFleet({ clock, slaveNetTimeoutMs: 5_000 });
  for (const a of [A, B, C]) fleet.add(a);
  const fabric = simConnector(fleet, 'n1');
  const setup = Promise.all([
    fabric.server(A).setReadOnly(false),
    fabric.server(B).replicateFrom({ host: '10.0.0.1', port: 3306 }),
    fabric.server(C).replicateFrom({ host: '10.0.0.1', port: 3306 }),
  ]);
  await clock.advance(5);
  await setup;
  return { fleet, clock };
}

test('sim fleet: replicas fetch and apply the primary writes with the same GTIDs', async () => {
  const { fleet, clock } = await group();
  const writes = ['k1', 'k2', 'k3'].map((k) => fleet.write(A, k));
  await clock.advance(5);
  assert.deepEqual(await Promise.all(writes), ['acked', 'acked', 'acked']);
  await run(fleet, clock, 500);
  for (const a of [B, C]) {
    assert.equal(fleet.server(a)?.log.currentPos(), '0-1-3');
    assert.deepEqual(fleet.server(a)?.log.keys(), ['k1', 'k2', 'k3']);
    assert.equal(fleet.server(a)?.replicaStatus(250)?.ioRunning, 'Yes');
  }
});

test('sim fleet: a replica with an errant transaction stops with error 1236 on a new source', async () => {
  const { fleet, clock } = await group();
  const w = fleet.write(A, 'k1');
  await clock.advance(5);
  await w;
  await run(fleet, clock, 500);
  const b = fleet.server(B);
  assert.ok(b !== undefined);
  // Someone writes on B directly: 0-2-2, which A never had.
  b.readOnly = false;
  const errant = fleet.write(B, 'errant');
  await clock.advance(5);
  assert.equal(await errant, 'acked');
  const history = compareGtidHistories(
    'mariadb',
    b.log.binlogState(),
    fleet.server(C)?.log.binlogState() ?? '',
  );
  assert.equal(history.aIncludesB, true);
  assert.notEqual(history.aMinusB, '');
  const fabric = simConnector(fleet, 'n1');
  const repoint = fabric.server(B).replicateFrom({ host: '10.0.0.3', port: 3306 });
  await clock.advance(5);
  await repoint;
  await run(fleet, clock, 500);
  const st = b.replicaStatus(250);
  assert.equal(st?.ioRunning, 'No');
  assert.equal(st.ioErrno, 1236);
});

test('sim fleet: a crashed source is Connecting at once; a silent one stays Yes until slave_net_timeout', async () => {
  const { fleet, clock } = await group();
  await run(fleet, clock, 500);
  fleet.server(A)?.crash();
  await run(fleet, clock, 500);
  assert.equal(fleet.server(B)?.replicaStatus(250)?.ioRunning, 'Connecting');
  fleet.server(A)?.restart();
  await run(fleet, clock, 500);
  assert.equal(fleet.server(B)?.replicaStatus(250)?.ioRunning, 'Yes');
  fleet.cut(C, A);
  await run(fleet, clock, 250);
  // C's link to A is cut: half-open, Yes with no heartbeats, then Connecting.
  const silentAt = fleet.server(C)?.replicaStatus(250)?.receivedHeartbeats;
  await run(fleet, clock, 2_000);
  assert.equal(fleet.server(C)?.replicaStatus(250)?.ioRunning, 'Yes');
  assert.equal(fleet.server(C)?.replicaStatus(250)?.receivedHeartbeats, silentAt);
  await run(fleet, clock, 5_000);
  assert.equal(fleet.server(C)?.replicaStatus(250)?.ioRunning, 'Connecting');
});

test('sim fleet: semi-sync waits for a replica and falls back after its timeout', async () => {
  const { fleet, clock } = await group();
  const a = fleet.server(A);
  assert.ok(a !== undefined);
  a.semiSyncSource = true;
  a.semiSyncTimeoutMs = 1_000;
  for (const r of [B, C]) {
    const s = fleet.server(r);
    if (s !== undefined) s.semiSyncReplica = true;
  }
  const w1 = fleet.write(A, 'k1');
  await run(fleet, clock, 500);
  assert.equal(await w1, 'acked');
  assert.equal(fleet.acknowledged.at(-1)?.replicated, true);
  // Both replicas lose A: the next commit waits the timeout, then is acknowledged unreplicated.
  fleet.cut(B, A);
  fleet.cut(C, A);
  const w2 = fleet.write(A, 'k2');
  await run(fleet, clock, 1_500);
  assert.equal(await w2, 'acked');
  assert.equal(fleet.acknowledged.at(-1)?.replicated, false);
});

test('sim fleet: calls fail with the ServerHandle error codes; a hung server fails only at the query timeout', async () => {
  const { fleet, clock } = await group();
  const n2 = simConnector(fleet, 'n2');
  fleet.cut('n2', A);
  const cut = n2.server(A).probe();
  await clock.advance(5);
  await assert.rejects(cut, (e: unknown) => isFabricError(e, 'SERVER_UNREACHABLE'));
  const n1 = simConnector(fleet, 'n1');
  const id = n1.server(B).identity(true);
  await clock.advance(5);
  const uuid = await id;
  const wrong = n1.server(B, 'not-' + String(uuid)).probe();
  await clock.advance(5);
  await assert.rejects(wrong, (e: unknown) => isFabricError(e, 'SERVER_IDENTITY_CHANGED'));
  const c = fleet.server(C);
  assert.ok(c !== undefined);
  c.power = 'hung';
  let outcome = 'pending';
  void n1
    .server(C)
    .probe()
    .then(
      () => (outcome = 'answered'),
      (e: unknown) => (outcome = isFabricError(e, 'SERVER_UNREACHABLE') ? 'timed out' : String(e)),
    );
  await clock.advance(4_000);
  assert.equal(outcome, 'pending');
  await clock.advance(2_000);
  assert.equal(outcome, 'timed out');
});
