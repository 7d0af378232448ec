/**
 * The failure detector's decisions (src/detector/verdict/judge.ts): a
 * server is declared dead only when independent views agree, never on the
 * leader's word alone. Three Fabric nodes (n1 leads), one ACTIVE group of a
 * primary P and two secondaries S2, S3.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judge, majorityOf } from '../../src/detector/verdict/index.js';
import type {
  Decision,
  FailureCount,
  JudgeInput,
  Observation,
  ReplicaView,
} from '../../src/detector/verdict/index.js';
import type { Group, Server } from '../../src/fabric/index.js';

const NOW = 1_000_000;
const SETTINGS = {
  detections: 3,
  observationWindowMs: 1_500,
  lagThresholdS: 30,
  failoverWithoutReplicaEvidence: false,
};
const P = server('p', '10.0.0.1:3306', 'PRIMARY');
const S2 = server('s2', '10.0.0.2:3306', 'SECONDARY');
const S3 = server('s3', '10.0.0.3:3306', 'SECONDARY');
const G1: Group = { id: 'g1', description: '', status: 'ACTIVE', primary: 'p' };

function server(uuid: string, address: string, status: Server['status'], groupId = 'g1'): Server {
  return { uuid, address, groupId, status, mode: 'READ_ONLY', weight: 1 };
}

const replicating = (over: Partial<ReplicaView> = {}): ReplicaView => ({
  source: P.address,
  ioRunning: 'Yes',
  sqlRunning: true,
  lagSeconds: 0,
  ioError: '',
  sqlError: '',
  receiptAgeMs: 100,
  heartbeatPeriodMs: 250,
  ...over,
});

const ok = (replica?: ReplicaView, at = NOW - 100): Observation => ({
  ok: true,
  at,
  error: '',
  replica,
});
const failed = (at = NOW - 100, error = 'connect ECONNREFUSED'): Observation => ({
  ok: false,
  at,
  error,
  replica: undefined,
});

type Views = Record<string, Record<string, Observation>>;

/** Every node sees everything healthy; tests override what they need. */
function healthy(): Views {
  const one = (): Record<string, Observation> => ({
    p: ok(),
    s2: ok(replicating()),
    s3: ok(replicating()),
  });
  return { n1: one(), n2: one(), n3: one() };
}

function input(o: {
  views?: Views;
  leaderFailures?: Record<string, number>;
  groups?: Group[];
  servers?: Server[];
  voters?: string[];
  cooldownEnds?: Record<string, number>;
  now?: number;
  waived?: boolean;
}): JudgeInput {
  const views = o.views ?? healthy();
  const failures = new Map<string, FailureCount>(
    Object.entries(o.leaderFailures ?? {}).map(([uuid, n]) => [
      uuid,
      { consecutive: n, lastError: 'connect ECONNREFUSED' },
    ]),
  );
  return {
    leaderId: 'n1',
    farm: { groups: o.groups ?? [G1], servers: o.servers ?? [P, S2, S3] },
    leaderFailures: failures,
    observations: new Map(
      Object.entries(views).map(([node, m]) => [node, new Map(Object.entries(m))]),
    ),
    voters: o.voters ?? ['n1', 'n2', 'n3'],
    now: o.now ?? NOW,
    settings: { ...SETTINGS, failoverWithoutReplicaEvidence: o.waived ?? false },
    cooldownEnds: new Map(Object.entries(o.cooldownEnds ?? {})),
  };
}

/** The primary unreachable from the nodes named, reachable from the others. */
function primaryFailsFor(nodes: string[], views = healthy()): Views {
  for (const n of nodes) views[n] = { ...views[n], p: failed() };
  return views;
}

/** The primary is really gone: the nodes named fail it, and every replica's IO thread reconnects. */
function primaryDown(nodes: string[], views = healthy()): Views {
  for (const v of Object.values(primaryFailsFor(nodes, views))) {
    v.s2 = ok(replicating({ ioRunning: 'Connecting', ioError: 'error reconnecting to master' }));
    v.s3 = ok(replicating({ ioRunning: 'Connecting', ioError: 'error reconnecting to master' }));
  }
  return views;
}

const kinds = (ds: Decision[]): string[] => ds.map((d) => `${d.kind}:${d.server}`);

function only<K extends Decision['kind']>(ds: Decision[], kind: K): Extract<Decision, { kind: K }> {
  const found = ds.filter((d) => d.kind === kind);
  assert.equal(found.length, 1, `one ${kind} decision in ${JSON.stringify(kinds(ds))}`);
  return found[0] as Extract<Decision, { kind: K }>;
}

test('detector-judge: a healthy farm gives no decision at all', () => {
  assert.deepEqual(judge(input({})), []);
});

test('detector-judge: a link cut between the leader alone and the primary is not a failover', () => {
  const ds = judge(input({ views: primaryFailsFor(['n1']), leaderFailures: { p: 10 } }));
  assert.deepEqual(kinds(ds), ['unconfirmed:p']);
  const d = only(ds, 'unconfirmed');
  assert.equal(d.reason, 'no-agreement');
  assert.equal(d.role, 'primary');
  assert.deepEqual(d.evidence.majority, { voters: 3, needed: 2, failed: 1, windowMs: 1_500 });
  assert.equal(d.evidence.rule, 'no-majority');
});

test('detector-judge: the leader plus one more voter failing is a majority: the primary is dead', () => {
  const ds = judge(input({ views: primaryDown(['n1', 'n3']), leaderFailures: { p: 3 } }));
  const d = only(ds, 'primary-dead');
  assert.deepEqual([d.group, d.server, d.address], ['g1', 'p', P.address]);
  assert.equal(d.evidence.rule, 'majority+replicas');
  const nodes = d.evidence.nodes as { node: string; state: string; ageMs: number | null }[];
  assert.deepEqual(
    nodes.map((n) => [n.node, n.state]),
    [
      ['n1', 'failed'],
      ['n2', 'ok'],
      ['n3', 'failed'],
    ],
  );
  assert.equal(nodes[2]?.ageMs, 100);
  assert.deepEqual(d.evidence.leader, {
    node: 'n1',
    consecutiveFailures: 3,
    detections: 3,
    lastError: 'connect ECONNREFUSED',
  });
  assert.equal(d.evidence.at, NOW);
});

test('detector-judge: fewer than `detections` failures of the leader itself decide nothing, whatever the others say', () => {
  const ds = judge(input({ views: primaryFailsFor(['n1', 'n2', 'n3']), leaderFailures: { p: 2 } }));
  assert.deepEqual(ds, []);
});

test('detector-judge: one follower failing alone is nothing, and neither is the leader with it short of detections', () => {
  assert.deepEqual(judge(input({ views: primaryFailsFor(['n2']) })), []);
  assert.deepEqual(judge(input({ views: primaryFailsFor(['n2']), leaderFailures: { p: 0 } })), []);
});

test('detector-judge: replicas that lost the primary do not decide alone: the Fabric nodes must agree too', () => {
  const views: Views = {
    n1: {
      p: failed(),
      s2: ok(replicating({ ioRunning: 'Connecting', ioError: 'error reconnecting to master' })),
      s3: ok(replicating({ ioRunning: 'No', ioError: 'error connecting to master' })),
    },
  };
  const d = only(judge(input({ views, leaderFailures: { p: 3 } })), 'unconfirmed');
  assert.equal(d.reason, 'no-agreement');
  const secondaries = d.evidence.secondaries as {
    server: string;
    ioRunning: string;
    says: string;
    seenBy: string;
  }[];
  assert.deepEqual(
    secondaries.map((x) => [x.server, x.ioRunning, x.says, x.seenBy]),
    [
      ['s2', 'Connecting', 'lost', 'n1'],
      ['s3', 'No', 'lost', 'n1'],
    ],
  );
  const nodes = d.evidence.nodes as { node: string; state: string }[];
  assert.deepEqual(
    nodes.map((n) => n.state),
    ['failed', 'none', 'none'],
  );
});

test('detector-judge: every Fabric node cut from a primary its replicas still receive from: vetoed, no failover', () => {
  // Issue 18's split brain: 3 of 3 nodes fail their probes, both replicas
  // are connected and their heartbeats keep arriving.
  const ds = judge(input({ views: primaryFailsFor(['n1', 'n2', 'n3']), leaderFailures: { p: 9 } }));
  const d = only(ds, 'unconfirmed');
  assert.equal(d.reason, 'replica-veto');
  assert.equal(d.evidence.rule, 'majority, vetoed by a replica');
  const says = (d.evidence.secondaries as { says: string }[]).map((x) => x.says);
  assert.deepEqual(says, ['alive', 'alive']);
});

test('detector-judge: one replica still receiving from the primary vetoes, even when the other lost it', () => {
  const views = primaryFailsFor(['n1', 'n2', 'n3']);
  for (const v of Object.values(views)) v.s2 = ok(replicating({ ioRunning: 'Connecting' }));
  const d = only(judge(input({ views, leaderFailures: { p: 5 } })), 'unconfirmed');
  assert.equal(d.reason, 'replica-veto');
});

test('detector-judge: a connected IO thread that received nothing for three heartbeat periods has lost its primary', () => {
  // A half-open connection (a partition without a reset): Slave_IO_Running
  // stays Yes until slave_net_timeout, but the heartbeats stop.
  const silent = (ageMs: number | null, periodMs: number | null = 250): Views => {
    const views = primaryFailsFor(['n1', 'n2', 'n3']);
    for (const v of Object.values(views)) {
      v.s2 = ok(replicating({ receiptAgeMs: ageMs, heartbeatPeriodMs: periodMs }));
      v.s3 = ok(replicating({ receiptAgeMs: ageMs, heartbeatPeriodMs: periodMs }));
    }
    return views;
  };
  const dead = only(
    judge(input({ views: silent(1_501), leaderFailures: { p: 3 } })),
    'primary-dead',
  );
  assert.equal(dead.evidence.rule, 'majority+replicas');
  // Within the window (1.5 s > 3 × 250 ms) it is still alive.
  assert.equal(
    only(judge(input({ views: silent(1_500), leaderFailures: { p: 3 } })), 'unconfirmed').reason,
    'replica-veto',
  );
  // A long heartbeat period (the server default, 30 s) cannot show silence yet.
  assert.equal(
    only(judge(input({ views: silent(20_000, 30_000), leaderFailures: { p: 3 } })), 'unconfirmed')
      .reason,
    'replica-veto',
  );
  // Not yet measured (one probe so far): alive, to be safe.
  assert.equal(
    only(judge(input({ views: silent(null), leaderFailures: { p: 3 } })), 'unconfirmed').reason,
    'replica-veto',
  );
});

test('detector-judge: an IO thread stopped without an error says nothing; no replica evidence holds the failover unless waived', () => {
  const views = primaryFailsFor(['n1', 'n2', 'n3']);
  for (const v of Object.values(views)) {
    v.s2 = ok(replicating({ ioRunning: 'No' }));
    v.s3 = ok(replicating({ ioRunning: 'No' }));
  }
  const held = only(judge(input({ views, leaderFailures: { p: 3 } })), 'unconfirmed');
  assert.equal(held.reason, 'no-replica-evidence');
  assert.equal(held.evidence.rule, 'majority, no replica evidence');
  const d = only(judge(input({ views, leaderFailures: { p: 3 }, waived: true })), 'primary-dead');
  assert.equal(d.evidence.rule, 'majority, no replica evidence (waived)');
});

test('detector-judge: secondaries replicating from elsewhere, or unreachable, are no evidence (no vacuous truth)', () => {
  const elsewhere: Views = {
    n1: {
      p: failed(),
      s2: ok(replicating({ source: '10.0.0.9:3306', ioRunning: 'Connecting' })),
      s3: failed(),
    },
  };
  primaryFailsFor(['n2', 'n3'], elsewhere);
  const d = only(judge(input({ views: elsewhere, leaderFailures: { p: 3 } })), 'unconfirmed');
  assert.equal(d.reason, 'no-replica-evidence');
  assert.deepEqual(d.evidence.secondaries, []);
  const noReplica: Views = primaryFailsFor(['n2', 'n3'], {
    n1: { p: failed(), s2: ok(undefined), s3: ok(undefined) },
  });
  assert.equal(
    only(judge(input({ views: noReplica, leaderFailures: { p: 3 } })), 'unconfirmed').reason,
    'no-replica-evidence',
  );
});

test('detector-judge: observations older than the window do not count as failed', () => {
  const views = primaryDown(['n1']);
  (views.n2 as Record<string, Observation>).p = failed(NOW - 1_501);
  (views.n3 as Record<string, Observation>).p = failed(NOW - 5_000);
  const d = only(judge(input({ views, leaderFailures: { p: 3 } })), 'unconfirmed');
  const nodes = d.evidence.nodes as { node: string; state: string }[];
  assert.deepEqual(
    nodes.map((n) => n.state),
    ['failed', 'stale', 'stale'],
  );
  // The same observation one millisecond younger is inside the window.
  (views.n2 as Record<string, Observation>).p = failed(NOW - 1_500);
  only(judge(input({ views, leaderFailures: { p: 3 } })), 'primary-dead');
});

test('detector-judge: stale secondaries are no evidence for the replication rule', () => {
  const views: Views = {
    n1: {
      p: failed(),
      s2: ok(replicating({ ioRunning: 'Connecting' }), NOW - 2_000),
      s3: ok(replicating({ ioRunning: 'Connecting' }), NOW - 2_000),
    },
  };
  primaryFailsFor(['n2', 'n3'], views);
  assert.equal(
    only(judge(input({ views, leaderFailures: { p: 3 } })), 'unconfirmed').reason,
    'no-replica-evidence',
  );
});

test('detector-judge: only voters count, each once; a five-node cluster needs three', () => {
  assert.deepEqual([1, 2, 3, 4, 5].map(majorityOf), [1, 2, 2, 3, 3]);
  const views = primaryDown(['n1', 'n2']);
  views.n4 = { p: failed() };
  views.n5 = { p: ok() };
  const five = ['n1', 'n2', 'n3', 'n4', 'n5'];
  only(judge(input({ views, voters: five, leaderFailures: { p: 3 } })), 'primary-dead');
  // n4 is no longer a voter (a learner, or removed): its report is ignored.
  const d = only(
    judge(input({ views, voters: ['n1', 'n2', 'n3', 'n5'], leaderFailures: { p: 3 } })),
    'unconfirmed',
  );
  assert.deepEqual(d.evidence.majority, { voters: 4, needed: 3, failed: 2, windowMs: 1_500 });
});

test('detector-judge: within the cooldown a dead primary is held back, after it failed over', () => {
  const views = primaryDown(['n1', 'n2', 'n3']);
  const held = only(
    judge(input({ views, leaderFailures: { p: 3 }, cooldownEnds: { g1: NOW + 1 } })),
    'unconfirmed',
  );
  assert.equal(held.reason, 'cooldown');
  assert.equal(held.evidence.cooldownEndsAt, NOW + 1);
  assert.equal(held.evidence.rule, 'majority+replicas');
  only(
    judge(input({ views, leaderFailures: { p: 3 }, cooldownEnds: { g1: NOW } })),
    'primary-dead',
  );
  // Another group's cooldown does not hold this one.
  only(
    judge(input({ views, leaderFailures: { p: 3 }, cooldownEnds: { g2: NOW + 60_000 } })),
    'primary-dead',
  );
});

test('detector-judge: a dead secondary is marked faulty under the same agreement rule, never a failover', () => {
  const views = healthy();
  (views.n1 as Record<string, Observation>).s2 = failed();
  (views.n2 as Record<string, Observation>).s2 = failed();
  const ds = judge(input({ views, leaderFailures: { s2: 3 } }));
  assert.deepEqual(kinds(ds), ['secondary-dead:s2']);
  const d = only(ds, 'secondary-dead');
  assert.equal(d.evidence.role, 'secondary');
  assert.equal(d.evidence.secondaries, undefined);
  // Alone, the leader's failures are not enough for a secondary either.
  const alone = healthy();
  (alone.n1 as Record<string, Observation>).s2 = failed();
  assert.deepEqual(kinds(judge(input({ views: alone, leaderFailures: { s2: 9 } }))), [
    'unconfirmed:s2',
  ]);
  // The cooldown is about failovers only.
  assert.deepEqual(
    kinds(judge(input({ views, leaderFailures: { s2: 3 }, cooldownEnds: { g1: NOW + 1 } }))),
    ['secondary-dead:s2'],
  );
});

test('detector-judge: a SPARE is judged like a SECONDARY; a CONFIGURING server is left to its procedure', () => {
  const spare = server('s2', S2.address, 'SPARE');
  const views = healthy();
  (views.n1 as Record<string, Observation>).s2 = failed();
  (views.n3 as Record<string, Observation>).s2 = failed();
  assert.deepEqual(
    kinds(judge(input({ views, servers: [P, spare, S3], leaderFailures: { s2: 3 } }))),
    ['secondary-dead:s2'],
  );
  const configuring = server('s2', S2.address, 'CONFIGURING');
  assert.deepEqual(
    judge(input({ views, servers: [P, configuring, S3], leaderFailures: { s2: 3 } })),
    [],
  );
});

test('detector-judge: INACTIVE groups are not watched', () => {
  const views = primaryFailsFor(['n1', 'n2', 'n3']);
  (views.n1 as Record<string, Observation>).s2 = ok(replicating({ ioRunning: 'No' }));
  const inactive: Group = { ...G1, status: 'INACTIVE' };
  assert.deepEqual(
    judge(input({ views, groups: [inactive], leaderFailures: { p: 3, s2: 0 } })),
    [],
  );
});

test('detector-judge: FAULTY servers are not judged, not even for replication', () => {
  const views = primaryFailsFor(['n1', 'n2', 'n3']);
  (views.n1 as Record<string, Observation>).s3 = ok(replicating({ ioRunning: 'No' }));
  const faultyPrimary = server('p', P.address, 'FAULTY');
  const faultyS3 = server('s3', S3.address, 'FAULTY');
  const group: Group = { ...G1, primary: null };
  assert.deepEqual(
    judge(
      input({
        views,
        groups: [group],
        servers: [faultyPrimary, S2, faultyS3],
        leaderFailures: { p: 9, s3: 9 },
      }),
    ),
    [],
  );
});

test('detector-judge: a stopped or lagging secondary is reported, as advice only', () => {
  const views = healthy();
  (views.n2 as Record<string, Observation>).s2 = ok(
    replicating({
      sqlRunning: false,
      lagSeconds: null,
      sqlError: "Error 'Duplicate entry' on query",
    }),
    NOW - 50,
  );
  (views.n1 as Record<string, Observation>).s3 = ok(replicating({ lagSeconds: 31 }), NOW - 10);
  const ds = judge(input({ views }));
  assert.deepEqual(kinds(ds), ['replication-issue:s2', 'replication-issue:s3']);
  const [stopped, lagging] = ds as [Decision, Decision];
  assert.ok(stopped.kind === 'replication-issue' && stopped.state.state === 'stopped');
  assert.equal(stopped.issue, 'stopped');
  assert.match(stopped.state.error, /SQL thread No.*Duplicate entry/);
  assert.equal(stopped.state.observedBy, 'n2');
  assert.ok(lagging.kind === 'replication-issue' && lagging.state.state === 'lagging');
  assert.equal(lagging.state.lagSeconds, 31);
  // At the threshold itself a secondary is fine.
  (views.n1 as Record<string, Observation>).s3 = ok(replicating({ lagSeconds: 30 }), NOW - 10);
  assert.deepEqual(kinds(judge(input({ views }))), ['replication-issue:s2']);
});

test('detector-judge: a group without a primary still has its secondaries judged', () => {
  const views = healthy();
  for (const n of ['n1', 'n2', 'n3']) (views[n] as Record<string, Observation>).s3 = failed();
  const group: Group = { ...G1, primary: null };
  const ds = judge(input({ views, groups: [group], servers: [S2, S3], leaderFailures: { s3: 3 } }));
  assert.deepEqual(kinds(ds), ['secondary-dead:s3']);
});

test('detector-judge: the evidence is plain JSON that survives a round trip', () => {
  const d = only(
    judge(input({ views: primaryDown(['n1', 'n2']), leaderFailures: { p: 4 } })),
    'primary-dead',
  );
  assert.deepEqual(JSON.parse(JSON.stringify(d.evidence)), d.evidence);
});
