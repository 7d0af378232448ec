/**
 * The real failure detector of three Fabric nodes (probes, reports to the
 * leader, the judge, the procedures it submits) over the simulated fleet:
 * no failover starts when only the leader's link to a healthy primary is
 * cut, a dead primary is failed over (liveness), and the broken variant
 * that trusts the leader's probes alone is caught starting a failover.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DetectorPeers } from '../../../src/detector/runtime/peers.js';
import { FailureDetector } from '../../../src/detector/runtime/failure-detector.js';
import type { FailureDetectorConfig } from '../../../src/detector/runtime/config.js';
import { silentLogger } from '../../../src/util/logger.js';
import { FarmOnFleet } from './farm-on-fleet.js';
import { ManualClock, simAfter } from './sim-clock.js';
import { SimFleet } from './sim-fleet.js';
import { simConnector } from './sim-handle.js';

const ADDRESSES = ['10.0.0.1:3306', '10.0.0.2:3306', '10.0.0.3:3306'];
const NODES = ['n1', 'n2', 'n3'];
const INTERVAL_MS = 200;

const CONFIG: FailureDetectorConfig = {
  detectionIntervalMs: INTERVAL_MS,
  detections: 3,
  probeTimeoutMs: 400,
  observationWindowMs: 2_000,
  failoverCooldownS: 0,
  lagThresholdS: 5,
  failoverWithoutReplicaEvidence: false,
  reportErrorWindowS: 60,
  reportErrorThreshold: 3,
  reportErrorClients: 2,
};

interface World {
  readonly farm: FarmOnFleet;
  readonly clock: ManualClock;
  readonly detectors: Map<string, FailureDetector>;
}

async function world(unsafeLeaderOnly = false): Promise<World> {
  const clock = new ManualClock();
  const fleet = new SimFleet({ clock });
  for (const a of ADDRESSES) fleet.add(a);
  const farm = new FarmOnFleet(fleet, clock, {
    mode: 'none',
    fence: () => Promise.reject(new Error('unused')),
  });
  const advance = (ms: number) => clock.advance(ms);
  for (const [name, args] of [
    ['group.create', { group: 'g1' }],
    ...ADDRESSES.map((address) => ['group.add', { group: 'g1', address }] as const),
    ['group.promote', { group: 'g1' }],
    ['group.activate', { group: 'g1' }],
  ] as const) {
    const p = await farm.finish(farm.submit(name, args), advance);
    assert.equal(p.state, 'DONE', `${name}: ${JSON.stringify(p.error)}`);
  }
  const detectors = new Map<string, FailureDetector>();
  const peers: DetectorPeers = {
    report: (address, nodeId, observations) =>
      Promise.resolve(detectors.get(address)?.receiveReport(nodeId, observations) ?? false),
    probe: async (address, uuids) => ({
      nodeId: address,
      observations: (await detectors.get(address)?.probeNow(uuids)) ?? [],
    }),
  };
  for (const id of NODES) {
    detectors.set(
      id,
      new FailureDetector({
        config: { ...CONFIG, ...(unsafeLeaderOnly ? { unsafeLeaderOnly } : {}) },
        node: {
          id,
          leaderTerm: () => (id === 'n1' ? 1 : undefined),
          voters: () => NODES,
          leaderAddress: () => (id === 'n1' ? undefined : 'n1'),
          addressOf: (n) => n,
        },
        fabric: {
          model: farm.model,
          servers: simConnector(fleet, id),
          submit: (name, args) =>
            Promise.resolve(farm.submit(name, args as Record<string, unknown>)),
        },
        peers,
        logger: silentLogger(),
        clock: { now: () => clock.now(), after: (ms, fn) => simAfter(clock, ms, fn) },
        raceTimeout: (op, ms, onTimeout) => Promise.race([op, clock.sleep(ms).then(onTimeout)]),
      }),
    );
  }
  return { farm, clock, detectors };
}

/**
 * Detection rounds on every node for `ms`, with replication moving
 * meanwhile. A node starts its next round when its last one has ended (as
 * the real loop does): a round waiting on a hung server or a peer does not
 * stop time.
 */
async function detect(w: World, ms: number): Promise<void> {
  const busy = new Set<string>();
  for (let t = 0; t < ms; t += 50) {
    if (t % INTERVAL_MS === 0) {
      for (const [id, d] of w.detectors) {
        if (busy.has(id)) continue;
        busy.add(id);
        void d.round().finally(() => busy.delete(id));
      }
    }
    w.farm.fleet.step();
    await w.clock.advance(50);
  }
}

const failovers = (w: World) => w.farm.model.procedures({ name: 'group.failover' });

test('detector on fleet: the leader cut from a healthy primary starts no failover', async () => {
  const w = await world();
  await detect(w, 1_000);
  const primary = w.farm.model.group('g1')?.primary ?? '';
  const address = w.farm.model.server(primary)?.address ?? '';
  w.farm.fleet.cut('n1', address);
  await detect(w, 4_000);
  assert.deepEqual(failovers(w), []);
});

test('detector on fleet: a dead primary is failed over and the group gets a writable primary', async () => {
  const w = await world();
  await detect(w, 1_000);
  const old = w.farm.model.group('g1')?.primary ?? '';
  w.farm.fleet.server(w.farm.model.server(old)?.address ?? '')?.crash();
  await detect(w, 6_000);
  assert.equal(failovers(w).length, 1);
  assert.equal(failovers(w)[0]?.state, 'DONE', JSON.stringify(failovers(w)[0]?.error));
  const now = w.farm.model.group('g1')?.primary ?? '';
  assert.notEqual(now, old);
  assert.equal(w.farm.fleet.server(w.farm.model.server(now)?.address ?? '')?.readOnly, false);
});

test('detector on fleet: the unsafe variant (the leader probes alone) is caught failing over a healthy primary', async () => {
  const w = await world(true);
  await detect(w, 1_000);
  const primary = w.farm.model.group('g1')?.primary ?? '';
  w.farm.fleet.cut('n1', w.farm.model.server(primary)?.address ?? '');
  await detect(w, 4_000);
  assert.ok(failovers(w).length > 0, 'the broken judge starts a failover of a live primary');
});

test('detector on fleet: a hung primary (connections open, nothing answers) is failed over', async () => {
  const w = await world();
  await detect(w, 1_000);
  const old = w.farm.model.group('g1')?.primary ?? '';
  const server = w.farm.fleet.server(w.farm.model.server(old)?.address ?? '');
  if (server !== undefined) server.power = 'hung';
  await detect(w, 8_000);
  assert.equal(failovers(w).length, 1);
  assert.notEqual(w.farm.model.group('g1')?.primary, old);
});
