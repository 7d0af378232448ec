/**
 * The failure detector's loop on three in-process nodes (src/node/
 * failure-detector.ts) over a real Fabric model and fake MySQL servers:
 * each node has its own links to the servers (so one link can be cut),
 * followers report to the leader through direct calls, and rounds are
 * driven by hand on a fake clock.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FabricModel } from '../../src/fabric/index.js';
import type { Effect, JsonValue } from '../../src/fabric/index.js';
import type { ReplicaStatus, ServerHandle, ServerProbe } from '../../src/mysql/index.js';
import type { FailureDetectorConfig } from '../../src/server/config.js';
import type { DetectorPeers } from '../../src/detector/runtime/peers.js';
import { FailureDetector } from '../../src/detector/runtime/failure-detector.js';
import { FabricError } from '../../src/util/fabric-error.js';
import { silentLogger } from '../../src/util/logger.js';
import { commit, ok, submitCmd } from '../fabric/helpers.js';
import { replicaStatus } from '../mysql/replica-status-fixture.js';

const CONFIG: FailureDetectorConfig = {
  detectionIntervalMs: 200,
  detections: 3,
  probeTimeoutMs: 30,
  observationWindowMs: 1_500,
  failoverCooldownS: 60,
  lagThresholdS: 30,
  reportErrorWindowS: 60,
  reportErrorThreshold: 3,
  reportErrorClients: 2,
  failoverWithoutReplicaEvidence: false,
};
const P = { uuid: 'p', address: '10.0.0.1:3306' };
const S2 = { uuid: 's2', address: '10.0.0.2:3306' };
const S3 = { uuid: 's3', address: '10.0.0.3:3306' };
const NODES = ['n1', 'n2', 'n3'] as const;

type Behaviour = 'up' | 'down' | 'hang';

/** One node's links to the servers: what each address does when probed. */
class FakeLinks {
  readonly behaviour = new Map<string, Behaviour>();
  readonly readOnly = new Map<string, boolean>();
  readonly replica = new Map<string, Partial<ReplicaStatus> | null>();
  probes = 0;
  /** Heartbeats each replica received so far: rising while its source lives (see sourceAlive). */
  readonly #beats = new Map<string, number>();
  /** Whether the primary still sends to its replicas (a cut between Fabric and a live primary). */
  sourceAlive = true;
  readonly fenced: string[] = [];

  server(address: string): ServerHandle {
    return {
      address,
      probe: () => this.#probe(address),
      setReadOnly: (on: boolean) => {
        if (on) this.fenced.push(address);
        this.readOnly.set(address, on);
        return Promise.resolve();
      },
    } as unknown as ServerHandle;
  }

  #beat(address: string): number {
    const n = (this.#beats.get(address) ?? 0) + (this.sourceAlive ? 1 : 0);
    this.#beats.set(address, n);
    return n;
  }

  #probe(address: string): Promise<ServerProbe> {
    this.probes++;
    const b = this.behaviour.get(address) ?? 'up';
    if (b === 'hang') return new Promise(() => undefined);
    if (b === 'down')
      return Promise.reject(
        new FabricError('SERVER_UNREACHABLE', `cannot reach the server at ${address}`),
      );
    const isPrimary = address === P.address;
    const r = this.replica.get(address);
    const replica: ReplicaStatus | undefined =
      isPrimary || r === null
        ? undefined
        : replicaStatus({
            sourceHost: '10.0.0.1',
            sourcePort: 3306,
            receivedGtids: '',
            receivedHeartbeats: this.#beat(address),
            readPosition: 'bin.000001:4',
            ...r,
          });
    return Promise.resolve({
      info: { address, engine: 'mariadb', version: '10.11', serverId: 1 },
      uuid: undefined,
      readOnly: this.readOnly.get(address) ?? !isPrimary,
      gtidExecuted: '',
      replica,
    });
  }
}

interface Submitted {
  readonly name: string;
  readonly args: JsonValue;
  readonly requestId: string;
}

/** Three nodes, n1 leading, sharing one model (as if every node applied the same log). */
class Harness {
  readonly model = new FabricModel();
  readonly links = new Map<string, FakeLinks>();
  readonly detectors = new Map<string, FailureDetector>();
  readonly submitted: Submitted[] = [];
  clock = 1_000_000;
  leader = 'n1';
  voters: string[] = [...NODES];

  constructor(config: FailureDetectorConfig = CONFIG) {
    commit(this.model, [
      { type: 'group-create', groupId: 'g1', description: '' },
      { type: 'server-add', groupId: 'g1', ...P },
      { type: 'server-add', groupId: 'g1', ...S2 },
      { type: 'server-add', groupId: 'g1', ...S3 },
      { type: 'server-promote', uuid: P.uuid },
      { type: 'group-activate', groupId: 'g1' },
    ]);
    for (const id of NODES) {
      const links = new FakeLinks();
      this.links.set(id, links);
      this.detectors.set(id, this.#detector(id, links, config));
    }
  }

  #detector(id: string, links: FakeLinks, config: FailureDetectorConfig): FailureDetector {
    return new FailureDetector({
      config,
      node: {
        id,
        leaderTerm: () => (this.leader === id ? 1 : undefined),
        voters: () => this.voters,
        leaderAddress: () => (this.leader === id ? undefined : this.leader),
        addressOf: (n) => n,
      },
      fabric: {
        model: this.model,
        servers: links,
        // As through Raft: the model has the procedure only once the command is applied, later.
        submit: async (name, args, requestId) => {
          await new Promise((r) => setImmediate(r));
          return this.#submit(name, args, requestId);
        },
      },
      peers: this.#peers(),
      logger: silentLogger(),
      // Rounds are driven directly (round()); start() and its timer are never used.
      clock: { now: () => this.clock, after: () => ({ cancel: () => undefined }) },
    });
  }

  /** Addresses are node ids; calls go straight to the other detector. */
  #peers(): DetectorPeers {
    return {
      report: (address, nodeId, observations) =>
        Promise.resolve(this.node(address).receiveReport(nodeId, observations)),
      probe: async (address, uuids) => ({
        nodeId: address,
        observations: await this.node(address).probeNow(uuids),
      }),
    };
  }

  /** As FabricRuntime.submit: a known request id answers its procedure, else a new one is queued. */
  #submit(name: string, args: unknown, requestId: string): string {
    const known = this.model.procedureIdForRequest(requestId);
    if (known !== undefined) return known;
    this.submitted.push({ name, args: args as JsonValue, requestId });
    const lockKeys = name === 'server.set-replication' ? [] : ['group:g1'];
    const r = ok(
      this.model.apply(
        submitCmd({ name, args: args as JsonValue, requestId, lockKeys, at: this.clock }),
      ),
    );
    assert.ok(r.type === 'submit');
    return r.procedureId;
  }

  node(id: string): FailureDetector {
    const d = this.detectors.get(id);
    if (d === undefined) throw new Error(`no node ${id}`);
    return d;
  }

  link(id: string): FakeLinks {
    const l = this.links.get(id);
    if (l === undefined) throw new Error(`no node ${id}`);
    return l;
  }

  /** One detection interval: the followers probe and report, then the leader probes and judges. */
  async rounds(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      this.clock += CONFIG.detectionIntervalMs;
      for (const id of NODES) if (id !== this.leader) await this.node(id).round();
      await settle();
      await this.node(this.leader).round();
      await settle();
    }
  }

  failovers(): Submitted[] {
    return this.submitted.filter((s) => s.name === 'group.failover');
  }
}

/** Lets fire-and-forget reports and submissions land. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

function cut(h: Harness, nodes: readonly string[], address: string, b: Behaviour = 'down'): void {
  for (const n of nodes) h.link(n).behaviour.set(address, b);
}

/** The primary really dies: every node loses it, and its replicas' IO threads start reconnecting. */
function primaryDies(h: Harness): void {
  cut(h, NODES, P.address);
  for (const n of NODES) {
    h.link(n).sourceAlive = false;
    for (const s of [S2, S3])
      h.link(n).replica.set(s.address, { ioRunning: 'Connecting', ioError: 'error reconnecting' });
  }
}

test('detector: a link cut between the leader alone and a healthy primary never fails it over', async () => {
  const h = new Harness();
  cut(h, ['n1'], P.address);
  await h.rounds(10);
  assert.deepEqual(h.submitted, []);
  const round = await h.node('n1').reportFailure({ server: P.address, reporter: 'app', error: '' });
  assert.equal(round.verdict, 'SUSPECTED');
  assert.match(round.detail, /other views do not agree/);
  const nodes = (round.evidence as { nodes: { node: string; state: string }[] }).nodes;
  assert.deepEqual(
    nodes.map((n) => `${n.node}:${n.state}`),
    ['n1:failed', 'n2:ok', 'n3:ok'],
  );
  assert.deepEqual(h.submitted, []);
});

test('detector: a primary dead for a majority is failed over once, with the evidence in the arguments', async () => {
  const h = new Harness();
  primaryDies(h);
  await h.rounds(2);
  assert.equal(h.submitted.length, 0, 'fewer than `detections` failures decide nothing');
  await h.rounds(5);
  const [f, ...more] = h.failovers();
  assert.deepEqual(more, [], 'later rounds find the same request id');
  assert.ok(f !== undefined);
  assert.equal(f.requestId, `detector:primary-dead:p:${h.model.topologyEpoch}`);
  const args = f.args as {
    group: string;
    server: string;
    automatic: boolean;
    evidence: { rule: string; nodes: { node: string; state: string }[] };
  };
  assert.deepEqual([args.group, args.server, args.automatic], ['g1', 'p', true]);
  assert.match(args.evidence.rule, /^majority/);
  assert.deepEqual(
    args.evidence.nodes.map((n) => n.state),
    ['failed', 'failed', 'failed'],
  );
  assert.deepEqual(
    h.submitted.filter((s) => s.name !== 'group.failover' && s.name !== 'server.set-replication'),
    [],
  );
});

test('detector: report-failure on a healthy primary answers REACHABLE and submits nothing', async () => {
  const h = new Harness();
  await h.rounds(1);
  const round = await h.node('n1').reportFailure({ server: 'p', reporter: 'app', error: 'boom' });
  assert.equal(round.verdict, 'REACHABLE');
  assert.equal(round.address, P.address);
  assert.deepEqual(h.submitted, []);
});

test('detector: report-failure makes every node probe at once; the round needs the leader’s detections', async () => {
  const h = new Harness();
  primaryDies(h);
  const first = await h.node('n1').reportFailure({ server: 'p', reporter: 'app', error: '' });
  assert.equal(first.verdict, 'SUSPECTED');
  assert.match(first.detail, /1 of 3 consecutive failures/);
  assert.ok(h.link('n2').probes > 0 && h.link('n3').probes > 0, 'the followers probed too');
  await h.node('n1').reportFailure({ server: 'p', reporter: 'app', error: '' });
  const third = await h.node('n1').reportFailure({ server: 'p', reporter: 'app', error: '' });
  assert.equal(third.verdict, 'DEAD');
  assert.notEqual(third.procedureId, '');
  const [f] = h.failovers();
  const trigger = (f?.args as { evidence: { trigger?: { kind: string; reporter: string } } })
    .evidence.trigger;
  assert.deepEqual([trigger?.kind, trigger?.reporter], ['report-failure', 'app']);
});

test('detector: a dead secondary is marked FAULTY, never failed over', async () => {
  const h = new Harness();
  cut(h, ['n1', 'n3'], S2.address);
  await h.rounds(4);
  const names = h.submitted.map((s) => `${s.name} ${(s.args as { server: string }).server}`);
  assert.deepEqual(names, ['server.mark-faulty s2']);
});

test('detector: within the cooldown after an automatic failover a dead primary is left alone', async () => {
  const h = new Harness();
  // An automatic failover of g1 that ended just now.
  ok(
    h.model.apply(
      submitCmd({ id: 'f1', name: 'group.failover', args: { group: 'g1', automatic: true } }),
    ),
  );
  commitSteps(h.model, 'f1', h.clock);
  primaryDies(h);
  await h.rounds(5);
  assert.deepEqual(h.failovers(), []);
  const round = await h.node('n1').reportFailure({ server: 'p', reporter: 'app', error: '' });
  assert.equal(round.verdict, 'SUSPECTED');
  assert.match(round.detail, /cooldown/);
});

test('detector: a hung server fails each round without piling up probes', async () => {
  const h = new Harness();
  cut(h, ['n1'], S3.address, 'hang');
  const before = h.link('n1').probes;
  // The leader's round waits out the probe timeout: the attempt has failed, the query runs on.
  await h.rounds(1);
  const after = h.link('n1').probes;
  await h.rounds(3);
  assert.equal(h.link('n1').probes - after, 2 * 3, 'p and s2 probed each round, s3 never again');
  assert.ok(after - before === 3);
  const round = await h.node('n1').reportFailure({ server: S3.address, reporter: 'x', error: '' });
  assert.equal(round.verdict, 'SUSPECTED');
  assert.match(
    (round.evidence as { leader: { lastError: string } }).leader.lastError,
    /no answer to the previous probe/,
  );
});

test('detector: a FAULTY server that answers writable is fenced by the leader only', async () => {
  const h = new Harness();
  commit(h.model, [{ type: 'server-mark-faulty', uuid: S3.uuid }]);
  for (const n of NODES) h.link(n).readOnly.set(S3.address, false);
  await h.rounds(1);
  assert.deepEqual(h.link('n1').fenced, [S3.address]);
  assert.deepEqual([...h.link('n2').fenced, ...h.link('n3').fenced], []);
});

test('detector: reports from non-voters, and reports to a follower, are not kept', () => {
  const h = new Harness();
  const obs = [{ server: 'p', ok: false, ageMs: 0, error: 'x', replica: undefined }];
  assert.equal(h.node('n1').receiveReport('n9', obs), false);
  assert.equal(h.node('n1').receiveReport('n1', obs), false);
  assert.equal(h.node('n2').receiveReport('n3', obs), false);
  assert.equal(h.node('n1').receiveReport('n2', obs), true);
});

test('detector: a non-voter that cannot reach the primary does not make a majority', async () => {
  const h = new Harness();
  h.voters = ['n1', 'n2'];
  cut(h, ['n1', 'n3'], P.address);
  await h.rounds(5);
  assert.deepEqual(h.failovers(), []);
});

test('detector: report-error probes only once enough reports from enough reporters arrive', async () => {
  const h = new Harness();
  await h.rounds(1);
  const d = h.node('n1');
  const a = await d.reportError({ server: 'p', reporter: 'c1', error: 'timeout' });
  const b = await d.reportError({ server: 'p', reporter: 'c1', error: 'timeout' });
  const c = await d.reportError({ server: 'p', reporter: 'c1', error: 'timeout' });
  assert.deepEqual(
    [a, b, c].map((t) => [t.reports, t.reporters, t.round === undefined]),
    [
      [1, 1, true],
      [2, 1, true],
      [3, 1, true],
    ],
    'one client alone never triggers a round',
  );
  const probes = h.link('n2').probes;
  const e = await d.reportError({ server: 'p', reporter: 'c2', error: 'timeout' });
  assert.equal(e.round?.verdict, 'REACHABLE');
  assert.ok(h.link('n2').probes > probes, 'the followers probed at once');
  assert.deepEqual(h.submitted, []);
  await assert.rejects(
    d.reportError({ server: '10.9.9.9:1', reporter: 'c1', error: '' }),
    (e: FabricError) => e.code === 'SERVER_NOT_FOUND',
  );
});

test('detector: a lagging or stopped secondary is published, then committed after `detections` rounds', async () => {
  const h = new Harness();
  for (const n of NODES) {
    h.link(n).replica.set(S2.address, { secondsBehind: 45 });
    h.link(n).replica.set(S3.address, { sqlRunning: false, secondsBehind: null, sqlError: 'dup' });
  }
  await h.rounds(1);
  const issues = h.node('n1').replicationIssues();
  assert.deepEqual(issues.get('s2'), {
    state: 'lagging',
    lagSeconds: 45,
    observedBy: 'n1',
    at: h.clock,
  });
  assert.equal(issues.get('s3')?.state, 'stopped');
  assert.equal(
    h.node('n2').replicationIssues().get('s2')?.state,
    'lagging',
    'every node knows its own',
  );
  assert.equal(h.submitted.length, 0, 'one round is not a settled state');
  await h.rounds(2);
  const sets = h.submitted
    .filter((s) => s.name === 'server.set-replication')
    .map((s) => s.args as { server: string; state: string });
  assert.deepEqual(
    sets.map((s) => `${s.server} ${s.state}`),
    ['s2 LAGGING', 's3 STOPPED'],
  );
});

/** Runs every step of procedure `id` to DONE at `at`. */
function commitSteps(model: FabricModel, id: string, at: number, effects: Effect[] = []): void {
  const p = model.procedure(id);
  assert.ok(p);
  ok(model.apply({ type: 'step-start', procedureId: id, step: p.current, term: 1, at }));
  ok(
    model.apply({
      type: 'step-done',
      procedureId: id,
      step: p.current,
      term: 1,
      at,
      output: null,
      effects,
    }),
  );
  assert.equal(model.procedure(id)?.state, 'DONE');
}

test('detector: replicas that lost a failing primary are left to the failover, not marked STOPPED', async () => {
  const h = new Harness();
  cut(h, NODES, P.address);
  for (const n of NODES)
    for (const s of [S2, S3])
      h.link(n).replica.set(s.address, { ioRunning: 'Connecting', ioError: 'error reconnecting' });
  await h.rounds(6);
  assert.equal(h.node('n1').replicationIssues().get('s2')?.state, 'stopped');
  assert.deepEqual(
    h.submitted.map((s) => s.name),
    ['group.failover'],
  );
});

test('detector: every node cut from a primary its replicas still receive from: vetoed, recorded once, cleared when Fabric reaches it again', async () => {
  const h = new Harness();
  cut(h, NODES, P.address);
  await h.rounds(8);
  assert.deepEqual(h.failovers(), [], 'no failover: the replicas still receive from the primary');
  const recorded = h.submitted.filter((x) => x.name === 'server.set-reachability');
  assert.equal(recorded.length, 1);
  const args = recorded[0]?.args as {
    reachability: string;
    evidence: { rule: string; secondaries: { says: string }[] };
  };
  assert.equal(args.reachability, 'REPLICAS_ONLY');
  assert.equal(args.evidence.rule, 'majority, vetoed by a replica');
  assert.deepEqual(
    args.evidence.secondaries.map((x) => x.says),
    ['alive', 'alive'],
  );
  const round = await h.node('n1').reportFailure({ server: 'p', reporter: 'app', error: '' });
  assert.equal(round.verdict, 'SUSPECTED');
  // The procedure runs: the model now says REPLICAS_ONLY.
  const id = h.model.procedureIdForRequest(recorded[0]?.requestId ?? '') ?? '';
  commitSteps(h.model, id, h.clock, [
    { type: 'server-set-reachability', uuid: P.uuid, reachability: 'REPLICAS_ONLY' },
  ]);
  assert.equal(h.model.server(P.uuid)?.reachability, 'REPLICAS_ONLY');
  await h.rounds(3);
  assert.equal(h.submitted.filter((x) => x.name === 'server.set-reachability').length, 1);
  // The links return: one procedure sets it back.
  for (const n of NODES) h.link(n).behaviour.delete(P.address);
  await h.rounds(2);
  const back = h.submitted.filter((x) => x.name === 'server.set-reachability').slice(1);
  assert.deepEqual(
    back.map((x) => (x.args as { reachability: string }).reachability),
    ['REACHABLE'],
  );
  assert.deepEqual(h.failovers(), []);
});

test('detector: replicas whose heartbeats stop while their IO thread says Yes have lost the primary', async () => {
  const h = new Harness();
  cut(h, NODES, P.address);
  for (const n of NODES) h.link(n).sourceAlive = false;
  await h.rounds(4);
  // First vetoed (one probe of each replica cannot measure silence yet) …
  const veto = h.submitted.find((x) => x.name === 'server.set-reachability');
  assert.ok(veto !== undefined);
  commitSteps(h.model, h.model.procedureIdForRequest(veto.requestId) ?? '', h.clock);
  assert.deepEqual(h.failovers(), []);
  // … then dead, once the silence outlasts three heartbeat periods and the window.
  await h.rounds(8);
  assert.equal(h.failovers().length, 1);
});
