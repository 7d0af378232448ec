/**
 * Snapshots (§7): installing one from the leader, the leader providing one to
 * a follower behind its compaction point, the progress states around it
 * (etcd-io/raft raft_snap_test.go), restart from a snapshot, and a lost report.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Message, RaftCore, Snapshot } from '../../src/raft/index.js';
import {
  ack,
  appsTo,
  drain,
  durableNetwork,
  electLeader,
  heartbeatResp,
  logWithTerms,
  ofType,
  progressOf,
  proposeAndRead,
  restartNode,
  snapMessage,
} from './feature-helpers.js';
import { Network, appliedData, dec, enc, newCore } from './harness.js';

const ABC = ['a', 'b', 'c'];

function snapshotAt(index: number, term: number, voters = ABC, learners: string[] = []): Snapshot {
  return { metadata: { index, term, conf: { voters, learners } }, data: enc(`state@${index}`) };
}

/** The only app-resp among `msgs`. */
function onlyAppResp(msgs: readonly Message[]): Extract<Message, { type: 'app-resp' }> {
  const resps = ofType(msgs, 'app-resp');
  assert.equal(resps.length, 1, `expected one app-resp, got ${JSON.stringify(msgs)}`);
  return resps[0]!;
}

/**
 * Leader `a` of a, b, c: c acknowledged everything through 5, which is
 * applied and compacted into a snapshot; b never answered and has now been
 * sent that snapshot (progress 'snapshot').
 */
function leaderSendingSnapshotToB(): RaftCore {
  const a = newCore('a', ABC);
  electLeader(a, ['b']);
  ack(a, 'c', 4);
  proposeAndRead(a, enc('x'));
  ack(a, 'c', 5);
  assert.equal(a.status().applied, 5);
  a.compact(5, enc('state@5'));
  const out = heartbeatResp(a, 'b');
  const snaps = ofType(out, 'snap', 'b');
  assert.equal(snaps.length, 1);
  assert.equal(snaps[0]!.snapshot.metadata.index, 5);
  assert.equal(progressOf(a, 'b').state, 'snapshot');
  return a;
}

test('raft snapshot: a follower restores a snapshot from the leader (TestRestore)', () => {
  const b = newCore('b', ABC);
  drain(b);
  const snap = snapshotAt(11, 2);
  b.step(snapMessage('a', 'b', 2, snap));
  const st = b.status();
  assert.deepEqual(
    {
      term: st.term,
      leader: st.leader,
      commit: st.commit,
      applied: st.applied,
      firstIndex: st.firstIndex,
      lastIndex: st.lastIndex,
      lastTerm: st.lastTerm,
    },
    { term: 2, leader: 'a', commit: 11, applied: 11, firstIndex: 12, lastIndex: 11, lastTerm: 2 },
  );
  assert.deepEqual(st.conf, { voters: ABC, learners: [] });

  const rd = b.ready();
  assert.equal(rd.snapshot, snap, 'the driver gets the snapshot to persist and install');
  assert.equal(rd.mustSync, true);
  assert.deepEqual(rd.committedEntries, [], 'nothing in the snapshot is applied twice');
  assert.deepEqual(rd.hardState, { term: 2, vote: '', commit: 11 });
  const resp = onlyAppResp(rd.messages);
  assert.deepEqual([resp.index, resp.reject], [11, false]);
  b.advance();
  assert.equal(b.hasReady(), false);

  // The same snapshot again is old news: acknowledged, not reinstalled.
  b.step(snapMessage('a', 'b', 2, snap));
  const rd2 = b.ready();
  assert.equal(rd2.snapshot, undefined);
  assert.equal(onlyAppResp(rd2.messages).index, 11);
  b.advance();

  // Entries after the snapshot append normally.
  b.step({
    type: 'app',
    from: 'a',
    to: 'b',
    term: 2,
    index: 11,
    logTerm: 2,
    commit: 12,
    entries: [{ type: 'normal', term: 2, index: 12, data: enc('after') }],
  });
  const rd3 = b.ready();
  assert.deepEqual(
    rd3.committedEntries.map((e) => e.index),
    [12],
  );
  b.advance();
  assert.equal(b.status().commit, 12);
});

test('raft snapshot: restoring a snapshot adopts its membership, learners included (TestRestoreWithLearner)', () => {
  const b = newCore('b', ABC);
  drain(b);
  b.step(snapMessage('a', 'b', 2, snapshotAt(8, 2, ['a', 'c'], ['b'])));
  drain(b);
  assert.deepEqual(b.status().conf, { voters: ['a', 'c'], learners: ['b'] });
  // Now a learner: it never campaigns however long it waits.
  for (let i = 0; i < 100; i++) b.tick();
  const msgs = drain(b);
  assert.equal(b.status().role, 'follower');
  assert.equal(b.status().term, 2);
  assert.equal(ofType(msgs, 'vote').length + ofType(msgs, 'pre-vote').length, 0);
});

test('raft snapshot: a snapshot at or below the commit index is ignored; one matching the log fast-forwards commit (TestRestoreIgnoreSnapshot)', () => {
  // At the commit index: ignored, acknowledged with the commit index.
  const b = newCore('b', ABC, { storage: logWithTerms(ABC, [1, 1, 1]) });
  drain(b);
  assert.equal(b.status().commit, 3);
  for (const index of [2, 3]) {
    b.step(snapMessage('a', 'b', 1, snapshotAt(index, 1)));
    const rd = b.ready();
    assert.equal(rd.snapshot, undefined);
    assert.equal(onlyAppResp(rd.messages).index, 3);
    b.advance();
  }
  assert.deepEqual([b.status().firstIndex, b.status().lastIndex, b.status().commit], [1, 6, 3]);

  // Past the commit index but matching an entry we hold: keep the log, move commit.
  b.step(snapMessage('a', 'b', 1, snapshotAt(5, 1)));
  const rd = b.ready();
  assert.equal(rd.snapshot, undefined, 'the log already holds the snapshot state');
  assert.equal(onlyAppResp(rd.messages).index, 5);
  assert.deepEqual(
    rd.committedEntries.map((e) => e.index),
    [4, 5],
  );
  b.advance();
  assert.deepEqual([b.status().firstIndex, b.status().lastIndex, b.status().commit], [1, 6, 5]);
});

test('raft snapshot: a snapshot past the commit index that conflicts with the log replaces it', () => {
  const b = newCore('b', ABC, { storage: logWithTerms(ABC, [1, 1, 1]) });
  drain(b);
  b.step(snapMessage('a', 'b', 3, snapshotAt(5, 3)));
  const rd = b.ready();
  assert.notEqual(rd.snapshot, undefined);
  b.advance();
  assert.deepEqual(
    [b.status().firstIndex, b.status().lastIndex, b.status().lastTerm, b.status().commit],
    [6, 5, 3, 5],
    'the uncommitted entry 6 after a conflicting snapshot is discarded',
  );
});

test('raft snapshot: a candidate or stale follower restores from a snapshot message and follows its sender (TestRestoreFromSnapMsg)', () => {
  const b = newCore('b', ABC);
  b.campaign();
  drain(b);
  assert.equal(b.status().role, 'candidate');
  assert.equal(b.status().term, 2);
  b.step(snapMessage('a', 'b', 2, snapshotAt(10, 2)));
  drain(b);
  assert.deepEqual(
    [b.status().role, b.status().leader, b.status().term, b.status().commit],
    ['follower', 'a', 2, 10],
  );

  const c = newCore('c', ABC);
  c.step(snapMessage('a', 'c', 5, snapshotAt(10, 4)));
  drain(c);
  assert.deepEqual(
    [
      c.status().role,
      c.status().leader,
      c.status().term,
      c.status().lastTerm,
      c.status().lastIndex,
    ],
    ['follower', 'a', 5, 4, 10],
  );
});

test('raft snapshot: the leader sends a snapshot only to a recently active follower (TestProvideSnap / TestIgnoreProvidingSnap)', () => {
  const a = newCore('a', ABC, { checkQuorum: true });
  electLeader(a, ['b']);
  ack(a, 'b', 4);
  ack(a, 'c', 4);
  // A CheckQuorum round clears recentActive.
  for (let i = 0; i < 10; i++) {
    a.tick();
    drain(a);
  }
  assert.equal(a.status().role, 'leader');
  assert.equal(progressOf(a, 'b').recentActive, false);
  proposeAndRead(a, enc('x'));
  ack(a, 'c', 5);
  assert.equal(a.status().applied, 5);
  a.reportUnreachable('b');
  a.compact(5, enc('state@5'));
  assert.equal(progressOf(a, 'b').next, 5, 'b needs entry 5, which is compacted');

  // b has not been heard from: no snapshot (it is probably down).
  const quiet = proposeAndRead(a, enc('y'));
  assert.equal(ofType(quiet, 'snap', 'b').length, 0);
  assert.equal(appsTo(quiet, 'b').length, 0);
  assert.equal(progressOf(a, 'b').state, 'probe');

  // b answers a heartbeat: now it gets the snapshot.
  const out = heartbeatResp(a, 'b');
  const snaps = ofType(out, 'snap', 'b');
  assert.equal(snaps.length, 1);
  assert.deepEqual(snaps[0]!.snapshot.metadata, {
    index: 5,
    term: 2,
    conf: { voters: ABC, learners: [] },
  });
  assert.equal(dec(snaps[0]!.snapshot.data), 'state@5');
  assert.equal(progressOf(a, 'b').state, 'snapshot');
});

test('raft snapshot: a slow follower catches up through a snapshot, then by appends (TestSlowNodeRestore)', () => {
  const net = new Network(ABC);
  net.campaign('a');
  net.isolate('c');
  for (let i = 0; i < 10; i++) net.propose('a', `v${i}`);
  const a = net.core('a');
  const snapIndex = a.status().applied;
  assert.equal(snapIndex, 14);
  a.compact(snapIndex, enc('state@14'));
  net.recover();
  net.tickAll(1);
  assert.equal(net.delivered.filter((m) => m.type === 'snap' && m.to === 'c').length, 1);
  const c = net.core('c');
  assert.equal(c.status().firstIndex, snapIndex + 1);
  assert.equal(c.status().commit, a.status().commit);
  assert.equal(progressOf(a, 'c').state, 'replicate');

  net.propose('a', 'after');
  assert.equal(c.status().commit, a.status().commit);
  assert.deepEqual(appliedData(net.node('c')), ['state@14', 'after']);
  assert.deepEqual(appliedData(net.node('b')).slice(-2), ['v9', 'after']);
});

test('raft snapshot: sending a snapshot records it as pending (TestSendingSnapshotSetPendingSnapshot)', () => {
  const a = leaderSendingSnapshotToB();
  assert.equal(progressOf(a, 'b').match, 0);
  // The pending snapshot's index is where b resumes once it reports success.
  a.reportSnapshot('b', true);
  assert.equal(progressOf(a, 'b').next, 6);
});

test('raft snapshot: a pending snapshot pauses replication to that follower (TestPendingSnapshotPauseReplication)', () => {
  const a = leaderSendingSnapshotToB();
  const sent: Message[] = [];
  for (let i = 0; i < 3; i++) sent.push(...proposeAndRead(a, enc(`p${i}`)));
  sent.push(...heartbeatResp(a, 'b'));
  assert.equal(appsTo(sent, 'b').length, 0);
  assert.equal(ofType(sent, 'snap', 'b').length, 0);
  assert.equal(appsTo(sent, 'c').length, 3, 'other followers are unaffected');
});

test('raft snapshot: a failed snapshot falls back to probing from match (TestSnapshotFailure)', () => {
  const a = leaderSendingSnapshotToB();
  a.reportSnapshot('b', false);
  assert.deepEqual(
    {
      match: progressOf(a, 'b').match,
      next: progressOf(a, 'b').next,
      state: progressOf(a, 'b').state,
    },
    { match: 0, next: 1, state: 'probe' },
  );
  // Paused until b is heard from again.
  assert.equal(appsTo(proposeAndRead(a, enc('y')), 'b').length, 0);
  // Then the snapshot is retried (b still lacks the compacted entries).
  assert.equal(ofType(heartbeatResp(a, 'b'), 'snap', 'b').length, 1);
});

test('raft snapshot: a successful snapshot resumes probing after it (TestSnapshotSucceed)', () => {
  const a = leaderSendingSnapshotToB();
  a.reportSnapshot('b', true);
  assert.deepEqual(
    {
      match: progressOf(a, 'b').match,
      next: progressOf(a, 'b').next,
      state: progressOf(a, 'b').state,
    },
    { match: 0, next: 6, state: 'probe' },
  );
  assert.equal(appsTo(proposeAndRead(a, enc('y')), 'b').length, 0, 'paused until b answers');
  const apps = appsTo(heartbeatResp(a, 'b'), 'b');
  assert.equal(apps.length, 1);
  assert.equal(apps[0]!.index, 5);
  assert.deepEqual(
    apps[0]!.entries.map((e) => e.index),
    [6],
  );
  // Reports for a follower that is not in snapshot state, or unknown nodes, change nothing.
  a.reportSnapshot('b', false);
  assert.equal(progressOf(a, 'b').next, 6);
  a.reportSnapshot('zz', true);
});

test('raft snapshot: an append response at the snapshot index ends snapshot state (TestSnapshotAbort)', () => {
  const a = leaderSendingSnapshotToB();
  proposeAndRead(a, enc('y'));
  // An acknowledgement below the snapshot (b ignored it) does not end snapshot state.
  ack(a, 'b', 3);
  assert.equal(progressOf(a, 'b').state, 'snapshot');
  assert.equal(progressOf(a, 'b').match, 3);
  // b installed the snapshot and says so before the transport reports.
  const out = ack(a, 'b', 5);
  assert.equal(progressOf(a, 'b').state, 'replicate');
  assert.equal(progressOf(a, 'b').match, 5);
  const apps = appsTo(out, 'b');
  assert.deepEqual(
    apps.flatMap((m) => m.entries.map((e) => e.index)),
    [6],
  );
  assert.equal(progressOf(a, 'b').next, 7);
  // A late transport report no longer applies.
  a.reportSnapshot('b', false);
  assert.equal(progressOf(a, 'b').state, 'replicate');
});

test('raft snapshot: a node restarts from a snapshot plus the entries after it', () => {
  const net = durableNetwork(new Network([]), ABC);
  net.campaign('a');
  net.isolate('c');
  for (let i = 0; i < 5; i++) net.propose('a', `v${i}`);
  const a = net.core('a');
  a.compact(a.status().applied, enc('state@9'));
  net.recover();
  net.tickAll(1);
  net.propose('a', 'w0');
  net.propose('a', 'w1');
  const c = net.node('c');
  assert.equal(c.storage.snapshot?.metadata.index, 9);
  assert.deepEqual(
    c.storage.entries.map((e) => e.index),
    [10, 11],
  );
  const before = c.core.status();

  const restarted = restartNode(net, 'c');
  const st = restarted.core.status();
  assert.deepEqual(
    [st.firstIndex, st.lastIndex, st.lastTerm, st.term, st.conf],
    [before.firstIndex, before.lastIndex, before.lastTerm, before.term, before.conf],
  );
  assert.equal(st.role, 'follower');
  assert.equal(st.applied, 9, 'the state machine restarts from the snapshot');
  assert.ok(st.commit >= 10, 'the durable commit index survives');
  net.stabilize();
  assert.deepEqual(
    restarted.applied.map((e) => e.index).slice(0, 2),
    [10, 11],
    'entries after the snapshot are re-applied',
  );
  net.propose('a', 'after-restart');
  assert.deepEqual(appliedData(restarted), ['w0', 'w1', 'after-restart']);
  assert.equal(restarted.core.status().commit, a.status().commit);
});

test('raft snapshot: a learner behind the compaction point receives a snapshot (TestLearnerReceiveSnapshot)', () => {
  const net = new Network(ABC);
  net.campaign('a');
  net.add('d', newCore('d', []));
  net.isolate('d');
  const a = net.core('a');
  a.proposeConfChange({ type: 'add-learner', nodeId: 'd' });
  net.stabilize();
  net.propose('a', 'x');
  a.compact(a.status().applied, enc('state'));
  net.recover();
  net.tickAll(1);
  const d = net.node('d');
  assert.equal(net.delivered.filter((m) => m.type === 'snap' && m.to === 'd').length, 1);
  assert.deepEqual(d.core.status().conf, { voters: ABC, learners: ['d'] });
  assert.equal(d.core.status().commit, a.status().commit);
  assert.equal(progressOf(a, 'd').learner, true);
  net.propose('a', 'y');
  assert.deepEqual(appliedData(d), ['state', 'y']);
});

test('raft snapshot: a joining node gets a snapshot taken before it was added, then its membership by appends', () => {
  const net = new Network(ABC);
  net.campaign('a');
  net.propose('a', 'x');
  const a = net.core('a');
  a.compact(a.status().applied, enc('state'));
  net.add('d', newCore('d', []));
  a.proposeConfChange({ type: 'add-learner', nodeId: 'd' });
  net.stabilize();
  net.tickAll(2);
  const d = net.node('d');
  assert.deepEqual(d.core.status().conf, { voters: ABC, learners: ['d'] });
  assert.equal(d.core.status().commit, a.status().commit);
  net.propose('a', 'y');
  assert.deepEqual(appliedData(d), ['state', 'y']);
});

test('raft snapshot: a snapshot whose report is lost is presumed lost after two election timeouts', () => {
  const net = new Network(ABC);
  net.campaign('a');
  net.isolate('c');
  for (let i = 0; i < 3; i++) net.propose('a', `v${i}`);
  const a = net.core('a');
  a.compact(a.status().applied, enc('state'));
  net.recover();
  const snapTicks: number[] = [];
  let tick = 0;
  let dropSnaps = true;
  net.hook = (m) => {
    if (m.type !== 'snap') return true;
    snapTicks.push(tick);
    return !dropSnaps;
  };
  for (tick = 1; tick <= 20; tick++) net.tickAll(1);
  assert.deepEqual(snapTicks, [1], 'no resend while the snapshot may still be in flight');
  assert.equal(progressOf(a, 'c').state, 'snapshot');
  for (; tick <= 25; tick++) net.tickAll(1);
  assert.equal(snapTicks.length, 2, 'resent once presumed lost');
  assert.ok(snapTicks[1]! >= 21);

  // The link heals: the next attempt gets through and c catches up.
  dropSnaps = false;
  for (; tick <= 60 && net.core('c').status().commit < a.status().commit; tick++) net.tickAll(1);
  assert.equal(net.core('c').status().commit, a.status().commit);
  assert.equal(progressOf(a, 'c').state, 'replicate');
  net.propose('a', 'after');
  assert.deepEqual(appliedData(net.node('c')), ['state', 'after']);
});
