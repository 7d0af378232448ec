/**
 * Flow control and the leader's per-follower progress: etcd-io/raft's
 * TestProgress*, TestLeaderAppResp, TestSendAppendForProgress*, TestFastLogRejection
 * and friends, plus unit tests of the Inflights window.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Inflights } from '../../src/raft/inflights.js';
import { ProposalDroppedError } from '../../src/raft/index.js';
import type { Message, RaftCore } from '../../src/raft/index.js';
import {
  ack,
  addNode,
  appsTo,
  bytes,
  drain,
  electLeader,
  heartbeatResp,
  logWithTerms,
  ofType,
  progressOf,
  proposeAndRead,
  storedTerms,
} from './feature-helpers.js';
import { Network, enc, newCore } from './harness.js';
import type { CoreOptions } from './harness.js';

const ABC = ['a', 'b', 'c'];

/** Leader `a` of a, b, c at term 2 (no-op at index 4 not yet acknowledged by anyone). */
function leaderOfThree(opts: CoreOptions = {}): RaftCore {
  const a = newCore('a', ABC, opts);
  electLeader(a, ['b']);
  return a;
}

/** Leader `a` with `b` acknowledged (replicate state) and `c` still probing. */
function leaderWithReplicatingB(opts: CoreOptions = {}): RaftCore {
  const a = leaderOfThree(opts);
  ack(a, 'b', 4);
  assert.equal(progressOf(a, 'b').state, 'replicate');
  return a;
}

test('raft flow control: the leader tracks its own progress as it appends (TestProgressLeader)', () => {
  const a = newCore('a', ['a', 'b']);
  electLeader(a, ['b']);
  for (let i = 0; i < 5; i++) {
    proposeAndRead(a, enc(`p${i}`));
    const st = a.status();
    const self = progressOf(a, 'a');
    assert.equal(self.match, st.lastIndex);
    assert.equal(self.next, st.lastIndex + 1);
    assert.equal(self.state, 'replicate');
  }
  assert.equal(a.status().lastIndex, 8, '2 bootstrap entries, the no-op, 5 proposals');
});

test('raft flow control: a heartbeat response resumes a paused probe (TestProgressResumeByHeartbeatResp)', () => {
  const a = leaderOfThree();
  // The election's probe to b is unanswered: b is paused.
  assert.equal(appsTo(proposeAndRead(a, enc('x')), 'b').length, 0);
  const out = heartbeatResp(a, 'b');
  const apps = appsTo(out, 'b');
  assert.equal(apps.length, 1);
  assert.equal(apps[0]!.index, 3);
  assert.deepEqual(
    apps[0]!.entries.map((e) => e.index),
    [4, 5],
  );
  // And it is paused again until that probe is answered.
  assert.equal(appsTo(proposeAndRead(a, enc('y')), 'b').length, 0);
});

test('raft flow control: a probing follower gets one append until it answers (TestProgressPaused)', () => {
  const a = newCore('a', ABC);
  const msgs = electLeader(a, ['b']);
  for (let i = 0; i < 3; i++) msgs.push(...proposeAndRead(a, enc(`p${i}`)));
  assert.equal(appsTo(msgs, 'b').length, 1);
  assert.equal(appsTo(msgs, 'c').length, 1);
  assert.equal(progressOf(a, 'b').state, 'probe');
});

test('raft flow control: in-flight appends are bounded by count (TestProgressFlowControl)', () => {
  const a = leaderWithReplicatingB({
    maxInflightMsgs: 3,
    maxSizePerMsg: 2048,
    maxInflightBytes: 0,
  });
  const sent: Message[] = [];
  for (let i = 0; i < 10; i++) sent.push(...proposeAndRead(a, bytes(1000)));
  let apps = appsTo(sent, 'b');
  assert.deepEqual(
    apps.map((m) => m.entries.map((e) => e.index)),
    [[5], [6], [7]],
    'only three appends may be in flight',
  );
  // Acknowledging the first frees one slot: one more append, as large as maxSizePerMsg allows.
  apps = appsTo(ack(a, 'b', 5), 'b');
  assert.deepEqual(
    apps.map((m) => m.entries.map((e) => e.index)),
    [[8, 9]],
  );
  // Acknowledging through 7 frees two slots.
  apps = appsTo(ack(a, 'b', 7), 'b');
  assert.deepEqual(
    apps.map((m) => m.entries.map((e) => e.index)),
    [
      [10, 11],
      [12, 13],
    ],
  );
  // Window full again: a new proposal is not sent.
  assert.equal(appsTo(proposeAndRead(a, bytes(1000)), 'b').length, 0);
  // Everything acknowledged: the rest goes out.
  apps = appsTo(ack(a, 'b', 13), 'b');
  assert.deepEqual(
    apps.flatMap((m) => m.entries.map((e) => e.index)),
    [14, 15],
  );
});

test('raft flow control: in-flight appends are bounded by bytes (TestProgressFlowControl)', () => {
  const a = leaderWithReplicatingB({
    maxInflightMsgs: 256,
    maxSizePerMsg: 1000,
    maxInflightBytes: 2000,
  });
  const sent: Message[] = [];
  for (let i = 0; i < 6; i++) sent.push(...proposeAndRead(a, bytes(1000)));
  assert.deepEqual(
    appsTo(sent, 'b').map((m) => m.entries.map((e) => e.index)),
    [[5], [6]],
    '2000 bytes in flight fill the window',
  );
  assert.deepEqual(
    appsTo(ack(a, 'b', 5), 'b').map((m) => m.entries.map((e) => e.index)),
    [[7]],
  );
  assert.deepEqual(
    appsTo(ack(a, 'b', 7), 'b').map((m) => m.entries.map((e) => e.index)),
    [[8], [9]],
  );
});

test('raft flow control: an entry larger than the byte window is still sent, alone', () => {
  const a = leaderWithReplicatingB({ maxInflightBytes: 500 });
  assert.deepEqual(
    appsTo(proposeAndRead(a, bytes(1000)), 'b').map((m) => m.entries.length),
    [1],
  );
  assert.equal(appsTo(proposeAndRead(a, bytes(10)), 'b').length, 0);
  assert.deepEqual(
    appsTo(ack(a, 'b', 5), 'b').map((m) => m.entries.map((e) => e.index)),
    [[6]],
  );
});

test('raft flow control: proposals are dropped past the uncommitted limit, which frees on apply (TestUncommittedEntryLimit)', () => {
  const a = leaderOfThree({ maxUncommittedEntriesSize: 300 });
  for (let i = 0; i < 3; i++) proposeAndRead(a, bytes(100));
  const before = a.status().lastIndex;
  assert.throws(
    () => a.propose(bytes(100)),
    (e: unknown) => e instanceof ProposalDroppedError && e.reason === 'uncommitted-limit',
  );
  assert.throws(
    () => a.proposeBatch([bytes(1), bytes(1)]),
    (e: unknown) => e instanceof ProposalDroppedError && e.reason === 'uncommitted-limit',
  );
  assert.equal(a.status().lastIndex, before, 'a dropped proposal appends nothing');
  // An empty proposal adds no bytes and is still accepted.
  a.propose(new Uint8Array(0));
  drain(a);

  // b acknowledges everything: it commits and is applied, and the tally returns to zero.
  ack(a, 'b', a.status().lastIndex);
  assert.equal(a.status().commit, a.status().lastIndex);
  assert.equal(a.status().applied, a.status().commit);
  for (let i = 0; i < 3; i++) proposeAndRead(a, bytes(100));
  assert.throws(() => a.propose(bytes(100)), ProposalDroppedError);
});

test('raft flow control: with nothing uncommitted, one proposal over the limit is accepted', () => {
  const a = leaderOfThree({ maxUncommittedEntriesSize: 300 });
  const pos = a.propose(bytes(1000));
  assert.equal(pos.index, 5);
  assert.throws(() => a.propose(bytes(1)), ProposalDroppedError);
  // A new term starts with a clean tally.
  a.step({ type: 'heartbeat', from: 'c', to: 'a', term: 9, commit: 0, context: '' });
  drain(a);
  assert.equal(a.status().role, 'follower');
  electLeader(a, ['b']);
  assert.doesNotThrow(() => a.propose(bytes(300)));
});

test('raft flow control: an append response un-pauses the follower it came from (TestMsgAppRespWaitReset)', () => {
  const a = leaderOfThree();
  // b acknowledges the no-op: it commits, b learns the commit; c is still paused.
  const out = ack(a, 'b', 4);
  assert.equal(a.status().commit, 4);
  assert.deepEqual(
    appsTo(out, 'b').map((m) => [m.commit, m.entries.length]),
    [[4, 0]],
  );
  assert.equal(appsTo(out, 'c').length, 0);

  const prop = proposeAndRead(a, enc('x'));
  assert.equal(appsTo(prop, 'b').length, 1);
  assert.equal(appsTo(prop, 'c').length, 0, 'c has not answered its probe');

  // c's answer moves it to replicate and it gets the new entry at once.
  const resumed = appsTo(ack(a, 'c', 4), 'c');
  assert.equal(resumed.length, 1);
  assert.deepEqual(
    resumed[0]!.entries.map((e) => e.index),
    [5],
  );
  assert.equal(progressOf(a, 'c').state, 'replicate');
});

test('raft flow control: leader reaction to rejected, stale and accepted append responses (TestLeaderAppResp)', () => {
  const reject = (a: RaftCore, index: number, hintIndex: number, hintTerm: number): Message[] => {
    a.step({
      type: 'app-resp',
      from: 'b',
      to: 'a',
      term: 2,
      index,
      reject: true,
      hintIndex,
      hintTerm,
    });
    return drain(a);
  };

  // A rejection of the outstanding probe: next drops to the hint and a new probe goes out.
  let a = leaderOfThree();
  assert.equal(progressOf(a, 'b').next, 4);
  let out = reject(a, 3, 2, 1);
  assert.deepEqual(
    {
      match: progressOf(a, 'b').match,
      next: progressOf(a, 'b').next,
      state: progressOf(a, 'b').state,
    },
    { match: 0, next: 3, state: 'probe' },
  );
  let apps = appsTo(out, 'b');
  assert.equal(apps.length, 1);
  assert.equal(apps[0]!.index, 2);
  assert.equal(apps[0]!.logTerm, 1);
  assert.deepEqual(
    apps[0]!.entries.map((e) => e.index),
    [3, 4],
  );
  assert.equal(a.status().commit, 3, 'a rejection commits nothing');

  // A rejection of an older probe is stale: nothing changes, nothing is sent.
  a = leaderOfThree();
  out = reject(a, 2, 1, 1);
  assert.equal(progressOf(a, 'b').next, 4);
  assert.equal(out.length, 0);

  // An acceptance: match and next move, the entry commits, b learns the commit.
  a = leaderOfThree();
  out = ack(a, 'b', 4);
  assert.deepEqual(
    {
      match: progressOf(a, 'b').match,
      next: progressOf(a, 'b').next,
      state: progressOf(a, 'b').state,
    },
    { match: 4, next: 5, state: 'replicate' },
  );
  assert.equal(a.status().commit, 4);
  apps = appsTo(out, 'b');
  assert.equal(apps.length, 1);
  assert.equal(apps[0]!.commit, 4);

  // A stale acceptance afterwards is ignored.
  out = ack(a, 'b', 3);
  assert.equal(out.length, 0);
  assert.equal(progressOf(a, 'b').match, 4);

  // An acceptance of an index below the probe: match moves there and the rest is resent.
  a = leaderOfThree();
  out = ack(a, 'b', 2);
  assert.equal(progressOf(a, 'b').match, 2);
  assert.equal(a.status().commit, 3);
  apps = appsTo(out, 'b');
  assert.equal(apps.length, 1);
  assert.equal(apps[0]!.index, 2);
  assert.deepEqual(
    apps[0]!.entries.map((e) => e.index),
    [3, 4],
  );
});

test('raft flow control: next advances optimistically only in replicate state (TestLeaderIncreaseNext)', () => {
  const a = leaderWithReplicatingB();
  for (let i = 0; i < 3; i++) proposeAndRead(a, enc(`p${i}`));
  assert.equal(progressOf(a, 'b').next, 8, 'replicate: next runs ahead of match');
  assert.equal(progressOf(a, 'b').match, 4);
  assert.equal(progressOf(a, 'c').state, 'probe');
  assert.equal(progressOf(a, 'c').next, 4, 'probe: next waits for an answer');
  heartbeatResp(a, 'c');
  assert.equal(progressOf(a, 'c').next, 4, 'probe: sending a probe does not move next');
});

test('raft flow control: probe state sends one append per answer or heartbeat response (TestSendAppendForProgressProbe)', () => {
  const a = leaderOfThree();
  assert.equal(appsTo(proposeAndRead(a, enc('x')), 'b').length, 0);
  a.tick();
  const beat = drain(a);
  assert.equal(ofType(beat, 'heartbeat', 'b').length, 1, 'heartbeats continue while probing');
  assert.equal(appsTo(beat, 'b').length, 0);
  assert.equal(appsTo(proposeAndRead(a, enc('y')), 'b').length, 0);
  const apps = appsTo(heartbeatResp(a, 'b'), 'b');
  assert.equal(apps.length, 1);
  assert.deepEqual(
    apps[0]!.entries.map((e) => e.index),
    [4, 5, 6],
  );
});

test('raft flow control: replicate state sends an append per proposal without waiting (TestSendAppendForProgressReplicate)', () => {
  const a = leaderWithReplicatingB();
  const sent: Message[] = [];
  for (let i = 0; i < 10; i++) sent.push(...proposeAndRead(a, enc(`p${i}`)));
  assert.deepEqual(
    appsTo(sent, 'b').map((m) => m.entries.map((e) => e.index)),
    Array.from({ length: 10 }, (_, i) => [5 + i]),
  );
});

test('raft flow control: no appends while a snapshot is in flight (TestSendAppendForProgressSnapshot)', () => {
  const a = leaderOfThree();
  ack(a, 'c', 4);
  proposeAndRead(a, enc('x'));
  ack(a, 'c', 5);
  assert.equal(a.status().applied, 5);
  a.compact(5, enc('snap@5'));
  // b answers a heartbeat: it is behind the compaction point and gets the snapshot.
  const out = heartbeatResp(a, 'b');
  assert.equal(ofType(out, 'snap', 'b').length, 1);
  assert.equal(progressOf(a, 'b').state, 'snapshot');
  const sent: Message[] = [];
  for (let i = 0; i < 3; i++) sent.push(...proposeAndRead(a, enc(`p${i}`)));
  sent.push(...heartbeatResp(a, 'b'));
  assert.equal(appsTo(sent, 'b').length, 0);
  assert.equal(ofType(sent, 'snap', 'b').length, 0);
  a.tick();
  assert.equal(ofType(drain(a), 'heartbeat', 'b').length, 1, 'heartbeats still go out');
});

test('raft flow control: an unreachable report drops a replicating follower to probe (TestRecvMsgUnreachable)', () => {
  const a = leaderWithReplicatingB();
  proposeAndRead(a, enc('x'));
  proposeAndRead(a, enc('y'));
  assert.equal(progressOf(a, 'b').next, 7);
  a.reportUnreachable('b');
  assert.deepEqual(
    {
      match: progressOf(a, 'b').match,
      next: progressOf(a, 'b').next,
      state: progressOf(a, 'b').state,
    },
    { match: 4, next: 5, state: 'probe' },
  );
  // One probe carrying everything after match, then paused.
  const first = appsTo(proposeAndRead(a, enc('z')), 'b');
  assert.equal(first.length, 1);
  assert.equal(first[0]!.index, 4);
  assert.equal(appsTo(proposeAndRead(a, enc('w')), 'b').length, 0);
  // Unreachable reports for a probing follower, an unknown node, or on a follower do nothing.
  a.reportUnreachable('b');
  assert.equal(progressOf(a, 'b').next, 5);
  a.reportUnreachable('zz');
  const f = newCore('b', ABC);
  f.reportUnreachable('a');
  assert.equal(f.status().role, 'follower');
});

test('raft flow control: the rejection hint finds the divergence in one or two round trips (TestFastLogRejection)', () => {
  const cases: { name: string; leader: number[]; follower: number[]; leaderTerm?: number }[] = [
    // Follower has a longer run of a term the leader never had.
    {
      name: 'follower longer, conflicting term',
      leader: [2, 2, 2, 4, 4, 4],
      follower: [2, 2, 2, 3, 3, 3, 3, 3, 3, 3],
    },
    {
      name: 'long conflicting tail',
      leader: [2, 4, 4, 4],
      follower: [2, ...Array<number>(20).fill(3)],
    },
    { name: 'follower shorter', leader: [2, 2, 2, 4, 4, 4, 4, 4], follower: [2, 2] },
    { name: 'follower behind in a lower term', leader: [2, 2, 2, 4, 4, 4], follower: [2, 2, 2, 3] },
    {
      name: 'several conflicting terms',
      leader: [2, 2, 2, 5, 5],
      follower: [2, 2, 2, 3, 3, 4, 4, 4, 4, 4],
    },
    { name: 'follower only bootstrapped', leader: [2, 2, 3, 3, 3, 3, 3, 3], follower: [] },
    {
      name: 'leader shorter with a higher term',
      leader: [2, 6],
      follower: [2, 3, 3, 4, 4, 5, 5, 5, 5, 5, 5],
    },
  ];
  for (const tc of cases) {
    const net = new Network([]);
    addNode(net, 'a', logWithTerms(ABC, tc.leader));
    addNode(net, 'b', logWithTerms(ABC, tc.follower));
    addNode(net, 'c', logWithTerms(ABC, tc.leader));
    net.campaign('a');
    assert.deepEqual(net.leaders(), ['a'], tc.name);
    const rejects = net.delivered.filter(
      (m) => m.type === 'app-resp' && m.from === 'b' && m.reject,
    );
    assert.ok(
      rejects.length >= 1 && rejects.length <= 2,
      `${tc.name}: ${rejects.length} rejections`,
    );
    const aStatus = net.core('a').status();
    const bStatus = net.core('b').status();
    assert.equal(bStatus.lastIndex, aStatus.lastIndex, tc.name);
    assert.equal(bStatus.commit, aStatus.lastIndex, tc.name);
    assert.deepEqual(storedTerms(net.node('b')), storedTerms(net.node('a')), tc.name);
  }
});

test('raft flow control: reordered appends and responses do not corrupt match or next (TestLogReplicationWithReorderedMessage)', () => {
  const a = newCore('a', ['a', 'b']);
  const b = newCore('b', ['a', 'b']);
  const cores = new Map<string, RaftCore>([
    ['a', a],
    ['b', b],
  ]);
  const deliver = (m: Message): Message[] => {
    cores.get(m.to)!.step(m);
    const out = drain(cores.get(m.to)!);
    checkInvariant();
    return out;
  };
  const checkInvariant = (): void => {
    if (a.status().role !== 'leader') return;
    const pr = progressOf(a, 'b');
    assert.ok(
      pr.match <= b.status().lastIndex,
      `match ${pr.match} beyond b's log ${b.status().lastIndex}`,
    );
    assert.ok(pr.match < pr.next);
  };
  const deliverAll = (msgs: Message[]): void => {
    let q = msgs;
    while (q.length > 0) q = q.flatMap(deliver);
  };

  a.campaign();
  deliverAll(drain(a));
  assert.equal(a.status().role, 'leader');
  assert.equal(progressOf(a, 'b').match, 3, 'two bootstrap entries and the no-op');

  const m1 = appsTo(proposeAndRead(a, enc('x')), 'b');
  const m2 = appsTo(proposeAndRead(a, enc('y')), 'b');
  assert.equal(m1.length, 1);
  assert.equal(m2.length, 1);
  // m2 overtakes m1: b rejects it (index 4 is past its log), then accepts m1.
  const r2 = deliver(m2[0]!);
  assert.equal((r2[0] as Extract<Message, { type: 'app-resp' }>).reject, true);
  const r1 = deliver(m1[0]!);
  assert.equal((r1[0] as Extract<Message, { type: 'app-resp' }>).reject, false);
  // The responses arrive in the other order too: rejection first.
  const afterReject = r2.flatMap(deliver);
  const afterAccept = r1.flatMap(deliver);
  assert.equal(progressOf(a, 'b').match, 4);
  deliverAll([...afterReject, ...afterAccept]);
  assert.equal(progressOf(a, 'b').match, 5);
  assert.equal(progressOf(a, 'b').state, 'replicate');
  assert.equal(a.status().commit, 5);
  assert.equal(b.status().commit, 5);
  assert.equal(b.status().lastIndex, 5);

  // A transient loss: an append is dropped; the next one is rejected and the leader recovers.
  proposeAndRead(a, enc('lost'));
  const m4 = appsTo(proposeAndRead(a, enc('z')), 'b');
  deliverAll(m4);
  assert.equal(progressOf(a, 'b').match, 7);
  assert.equal(b.status().lastIndex, 7);
  assert.equal(b.status().commit, 7);
});

test('raft flow control: Inflights bounds by count and frees by acknowledged index', () => {
  const inf = new Inflights(3, 0);
  assert.equal(inf.full(), false);
  inf.add(5, 100);
  inf.add(7, 100);
  assert.equal(inf.full(), false);
  inf.add(9, 100);
  assert.equal(inf.full(), true);
  assert.equal(inf.count, 3);
  assert.equal(inf.bytes, 300);
  inf.freeLE(4);
  assert.equal(inf.count, 3, 'nothing at or below 4');
  inf.freeLE(6);
  assert.equal(inf.count, 2);
  assert.equal(inf.full(), false);
  inf.freeLE(9);
  assert.equal(inf.count, 0);
  assert.equal(inf.bytes, 0);
  inf.freeLE(100);
  assert.equal(inf.count, 0);
});

test('raft flow control: Inflights bounds by bytes (0 means unbounded)', () => {
  const inf = new Inflights(100, 1000);
  inf.add(1, 600);
  assert.equal(inf.full(), false);
  inf.add(2, 400);
  assert.equal(inf.full(), true, 'exactly at the byte limit is full');
  inf.freeLE(1);
  assert.equal(inf.bytes, 400);
  assert.equal(inf.full(), false);

  const unbounded = new Inflights(100, 0);
  unbounded.add(1, 1e9);
  assert.equal(unbounded.full(), false);
});

test('raft flow control: Inflights stays correct over many add/free cycles and after reset', () => {
  const inf = new Inflights(10, 0);
  let acked = 0;
  for (let i = 1; i <= 1000; i++) {
    inf.add(i, i % 7);
    if (inf.full()) {
      acked += 3;
      inf.freeLE(acked);
    }
    assert.equal(inf.count, i - acked);
    let expectedBytes = 0;
    for (let j = acked + 1; j <= i; j++) expectedBytes += j % 7;
    assert.equal(inf.bytes, expectedBytes);
  }
  inf.reset();
  assert.equal(inf.count, 0);
  assert.equal(inf.bytes, 0);
  assert.equal(inf.full(), false);
});
