/**
 * Membership changes, one server at a time (thesis §4.1): learners, voters,
 * removals (including the leader's own), the one-pending-change and
 * commit-in-term rules, joining from an empty log, and rollback on truncation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { NotLeaderError, ProposalDroppedError, RaftError } from '../../src/raft/index.js';
import type { ConfChange } from '../../src/raft/index.js';
import { ack, drain, electLeader, logWithConf, ofType, progressOf } from './feature-helpers.js';
import { Network, appliedData, newCore } from './harness.js';

const ABC = ['a', 'b', 'c'];

/** A network a, b, c led by a, with `d` started from an empty log (not yet a member). */
function clusterWithJoiner(): Network {
  const net = new Network(ABC);
  net.campaign('a');
  net.add('d', newCore('d', []));
  return net;
}

function change(net: Network, leader: string, c: ConfChange): void {
  net.core(leader).proposeConfChange(c);
  net.stabilize();
}

function isRejected(e: unknown): boolean {
  return e instanceof RaftError && e.code === 'CONF_CHANGE_REJECTED';
}

function isPending(e: unknown): boolean {
  return e instanceof ProposalDroppedError && e.reason === 'conf-change-pending';
}

test('raft membership: a learner is added and catches up the whole log, configuration included', () => {
  const net = clusterWithJoiner();
  net.propose('a', 'before');
  assert.deepEqual(net.core('d').status().conf, { voters: [], learners: [] });
  change(net, 'a', { type: 'add-learner', nodeId: 'd' });
  for (const id of ['a', 'b', 'c', 'd']) {
    assert.deepEqual(net.core(id).status().conf, { voters: ABC, learners: ['d'] }, id);
  }
  assert.equal(progressOf(net.core('a'), 'd').learner, true);
  net.propose('a', 'after');
  assert.deepEqual(appliedData(net.node('d')), ['before', 'after']);
  assert.equal(net.core('d').status().commit, net.core('a').status().commit);
});

test('raft membership: a learner never campaigns, even without a leader (TestLearnerElectionTimeout / TestLearnerCampaign)', () => {
  const net = clusterWithJoiner();
  change(net, 'a', { type: 'add-learner', nodeId: 'd' });
  const d = net.core('d');
  const term = d.status().term;
  net.isolate('d');
  for (let i = 0; i < 100; i++) d.tick();
  d.campaign();
  const msgs = drain(d);
  assert.equal(d.status().role, 'follower');
  assert.equal(d.status().term, term);
  assert.equal(ofType(msgs, 'vote').length + ofType(msgs, 'pre-vote').length, 0);
});

test('raft membership: a learner is not counted towards commit', () => {
  const net = clusterWithJoiner();
  change(net, 'a', { type: 'add-learner', nodeId: 'd' });
  const a = net.core('a');
  const commit = a.status().commit;
  net.cut('a', 'b');
  net.cut('a', 'c');
  net.propose('a', 'x');
  assert.equal(net.core('d').status().lastIndex, a.status().lastIndex, 'the learner has the entry');
  assert.equal(a.status().commit, commit, 'leader plus learner is not a majority of three voters');
  net.recover();
  net.tickAll(1);
  assert.equal(a.status().commit, a.status().lastIndex);
});

test('raft membership: a learner is promoted to voter and then counts and can campaign (TestLearnerPromotion)', () => {
  const net = clusterWithJoiner();
  change(net, 'a', { type: 'add-learner', nodeId: 'd' });
  change(net, 'a', { type: 'add-voter', nodeId: 'd' });
  for (const id of ['a', 'b', 'c', 'd']) {
    assert.deepEqual(
      net.core(id).status().conf,
      { voters: ['a', 'b', 'c', 'd'], learners: [] },
      id,
    );
  }
  assert.equal(progressOf(net.core('a'), 'd').learner, false);
  // Four voters: a and d alone (2 of 4) cannot commit; with b it can.
  net.cut('a', 'b');
  net.cut('a', 'c');
  net.propose('a', 'x');
  const a = net.core('a');
  assert.ok(a.status().commit < a.status().lastIndex);
  net.recover();
  net.tickAll(1);
  assert.equal(a.status().commit, a.status().lastIndex);
  // d may now lead.
  net.campaign('d');
  assert.deepEqual(net.leaders(), ['d']);
});

test('raft membership: a voter joins directly and raises the quorum (TestAddNode)', () => {
  const net = clusterWithJoiner();
  change(net, 'a', { type: 'add-voter', nodeId: 'd' });
  assert.deepEqual(net.core('d').status().conf, { voters: ['a', 'b', 'c', 'd'], learners: [] });
  const a = net.core('a');
  assert.equal(net.core('d').status().commit, a.status().commit);
  // With four voters, a and b are not enough.
  net.cut('a', 'c');
  net.cut('a', 'd');
  net.propose('a', 'x');
  assert.ok(a.status().commit < a.status().lastIndex);
  // Adding did not disturb the leader (no election on add).
  assert.deepEqual(net.leaders(), ['a']);
  assert.equal(a.status().term, 2);
});

test('raft membership: a follower is removed; the rest commit without it and ignore its campaigns (TestRemoveNode)', () => {
  const net = new Network(ABC);
  net.campaign('a');
  change(net, 'a', { type: 'remove', nodeId: 'c' });
  const a = net.core('a');
  assert.deepEqual(a.status().conf, { voters: ['a', 'b'], learners: [] });
  assert.deepEqual(net.core('b').status().conf, { voters: ['a', 'b'], learners: [] });
  assert.equal(a.status().progress.has('c'), false, 'the leader stops replicating to c at once');
  assert.equal(a.status().commit, a.status().lastIndex, 'a and b commit the removal');
  net.isolate('c');
  net.propose('a', 'x');
  assert.deepEqual(appliedData(net.node('b')), ['x']);
  net.recover();
  // c never learnt of its removal (thesis §4.2.3): its campaigns must not disturb a and b.
  const before = net.delivered.length;
  net.campaign('c');
  const votes = net.delivered.slice(before).filter((m) => m.type === 'vote');
  assert.equal(votes.length, 2, 'c asked a and b');
  assert.equal(
    net.delivered.slice(before).filter((m) => m.type === 'vote-resp').length,
    0,
    'nobody answered',
  );
  assert.deepEqual(net.leaders(), ['a']);
  assert.equal(a.status().term, 2);
  assert.equal(net.core('b').status().term, 2);
  assert.notEqual(net.core('c').status().role, 'leader');
  net.propose('a', 'y');
  assert.deepEqual(appliedData(net.node('b')), ['x', 'y']);
});

test('raft membership: a learner is removed (TestRemoveLearner)', () => {
  const net = clusterWithJoiner();
  change(net, 'a', { type: 'add-learner', nodeId: 'd' });
  change(net, 'a', { type: 'remove', nodeId: 'd' });
  assert.deepEqual(net.core('a').status().conf, { voters: ABC, learners: [] });
  assert.equal(net.core('a').status().progress.has('d'), false);
});

test('raft membership: a removed leader steps down once the removal commits; the rest elect a leader', () => {
  const net = new Network(ABC);
  net.campaign('a');
  const a = net.core('a');
  // Hold b's and c's acknowledgements: the removal is appended but not committed.
  net.ignore('app-resp');
  a.proposeConfChange({ type: 'remove', nodeId: 'a' });
  net.stabilize();
  assert.equal(a.status().role, 'leader', 'still leading until the removal commits');
  assert.deepEqual(a.status().conf, { voters: ['b', 'c'], learners: [] });
  assert.throws(
    () => a.propose(new Uint8Array([1])),
    (e: unknown) => e instanceof ProposalDroppedError && e.reason === 'removed',
  );
  net.recover();
  net.tickAll(1);
  assert.equal(a.status().role, 'follower');
  assert.equal(a.status().commit, 5);
  // b and c elect one of themselves; a never campaigns again.
  net.tickAll(40);
  const leaders = net.leaders();
  assert.equal(leaders.length, 1);
  assert.ok(leaders[0] === 'b' || leaders[0] === 'c');
  const leader = leaders[0] as string;
  assert.deepEqual(net.core(leader).status().conf, { voters: ['b', 'c'], learners: [] });
  net.propose(leader, 'x');
  assert.deepEqual(appliedData(net.node('b')), ['x']);
  assert.deepEqual(appliedData(net.node('c')), ['x']);
  assert.equal(a.status().role, 'follower');
});

test('raft membership: removing a node lets the pending entries commit on the smaller quorum (TestCommitAfterRemoveNode)', () => {
  const net = new Network(['a', 'b']);
  net.campaign('a');
  const a = net.core('a');
  net.cut('a', 'b');
  net.propose('a', 'x');
  assert.deepEqual(appliedData(net.node('a')), [], 'x needs b');
  change(net, 'a', { type: 'remove', nodeId: 'b' });
  assert.deepEqual(a.status().conf, { voters: ['a'], learners: [] });
  assert.equal(a.status().commit, a.status().lastIndex);
  assert.deepEqual(appliedData(net.node('a')), ['x']);
});

test('raft membership: only one change may be pending at a time (TestStepIgnoreConfig)', () => {
  const net = clusterWithJoiner();
  const a = net.core('a');
  net.isolate('a');
  const pos = a.proposeConfChange({ type: 'add-learner', nodeId: 'd' });
  net.stabilize();
  const last = a.status().lastIndex;
  assert.equal(pos.index, last);
  assert.throws(() => a.proposeConfChange({ type: 'add-learner', nodeId: 'e' }), isPending);
  assert.throws(() => a.proposeConfChange({ type: 'remove', nodeId: 'c' }), isPending);
  assert.equal(a.status().lastIndex, last, 'the refused change appended nothing');
  // Normal proposals are still accepted.
  a.propose(new Uint8Array([1]));
  net.recover();
  net.tickAll(1);
  assert.equal(a.status().commit, a.status().lastIndex);
  assert.doesNotThrow(() => a.proposeConfChange({ type: 'add-learner', nodeId: 'e' }));
});

test('raft membership: a new leader must commit an entry of its term before a change (TestNewLeaderPendingConfig)', () => {
  const a = newCore('a', ABC);
  electLeader(a, ['b']);
  assert.equal(a.status().commit, 3);
  assert.throws(() => a.proposeConfChange({ type: 'add-learner', nodeId: 'd' }), isPending);
  ack(a, 'b', 4);
  assert.equal(a.status().commit, 4);
  assert.doesNotThrow(() => a.proposeConfChange({ type: 'add-learner', nodeId: 'd' }));

  // A new leader inheriting an uncommitted change from the old term also waits.
  const c = newCore('c', ABC, {
    storage: logWithConf(ABC, [{ type: 'add-learner', nodeId: 'd' }], false),
  });
  electLeader(c, ['b']);
  assert.deepEqual(c.status().conf, { voters: ABC, learners: ['d'] });
  assert.throws(() => c.proposeConfChange({ type: 'remove', nodeId: 'd' }), isPending);
  ack(c, 'b', 5);
  assert.equal(c.status().commit, 5, 'the no-op commits the old change with it');
  assert.doesNotThrow(() => c.proposeConfChange({ type: 'remove', nodeId: 'd' }));
});

test('raft membership: a joining node learns the full configuration by replication', () => {
  const net = clusterWithJoiner();
  change(net, 'a', { type: 'add-voter', nodeId: 'd' });
  const d = net.core('d');
  const a = net.core('a');
  assert.deepEqual(d.status().conf, a.status().conf);
  assert.equal(d.status().lastIndex, a.status().lastIndex);
  assert.deepEqual(
    net.node('d').applied.flatMap((e) => (e.type === 'conf' ? [e.change] : [])),
    [
      { type: 'add-voter', nodeId: 'a' },
      { type: 'add-voter', nodeId: 'b' },
      { type: 'add-voter', nodeId: 'c' },
      { type: 'add-voter', nodeId: 'd' },
    ],
  );
});

test('raft membership: a configuration is rolled back when its entry is truncated', () => {
  const net = clusterWithJoiner();
  const a = net.core('a');
  net.isolate('a');
  a.proposeConfChange({ type: 'add-learner', nodeId: 'd' });
  net.stabilize();
  assert.deepEqual(a.status().conf, { voters: ABC, learners: ['d'] }, 'in effect on append');
  // b becomes leader of the majority side and commits its no-op at index 5.
  net.campaign('b');
  assert.equal(net.core('b').status().role, 'leader');
  net.recover();
  net.tickAll(1);
  assert.equal(a.status().role, 'follower');
  assert.equal(a.status().leader, 'b');
  assert.deepEqual(
    a.status().conf,
    { voters: ABC, learners: [] },
    'rolled back with the truncated entry',
  );
  assert.equal(a.status().lastTerm, 3);
});

test('raft membership: a learner grants a vote when asked (TestLearnerCanVote)', () => {
  const d = newCore('d', ABC, {
    storage: logWithConf(ABC, [{ type: 'add-learner', nodeId: 'd' }]),
  });
  drain(d);
  d.step({ type: 'vote', from: 'b', to: 'd', term: 2, index: 10, logTerm: 1, transfer: false });
  const resp = ofType(drain(d), 'vote-resp');
  assert.equal(resp.length, 1);
  assert.equal(resp[0]!.reject, false);
  assert.equal(d.status().vote, 'b');
});

test('raft membership: invalid changes are rejected with CONF_CHANGE_REJECTED and change nothing', () => {
  const net = clusterWithJoiner();
  change(net, 'a', { type: 'add-learner', nodeId: 'd' });
  const a = net.core('a');
  const last = a.status().lastIndex;
  const bad: ConfChange[] = [
    { type: 'add-voter', nodeId: 'b' },
    { type: 'add-learner', nodeId: 'd' },
    { type: 'remove', nodeId: 'zz' },
    { type: 'add-voter', nodeId: '' },
    // An untyped caller (the admin API) may send anything; an unknown type must not act as a removal.
    { type: 'demote' as ConfChange['type'], nodeId: 'b' },
  ];
  for (const c of bad) assert.throws(() => a.proposeConfChange(c), isRejected, JSON.stringify(c));
  assert.equal(a.status().lastIndex, last);
  assert.deepEqual(a.status().conf, { voters: ABC, learners: ['d'] });

  // The only voter can be neither removed nor demoted.
  const solo = new Network(['a']);
  solo.campaign('a');
  const s = solo.core('a');
  assert.throws(() => s.proposeConfChange({ type: 'remove', nodeId: 'a' }), isRejected);
  assert.throws(() => s.proposeConfChange({ type: 'add-learner', nodeId: 'a' }), isRejected);

  // A follower refuses with the leader's id.
  assert.throws(
    () => net.core('b').proposeConfChange({ type: 'add-learner', nodeId: 'e' }),
    (e: unknown) => e instanceof NotLeaderError && e.leaderId === 'a',
  );
});

test('raft membership: a voter demoted to learner stops counting and campaigning', () => {
  const net = new Network(['a', 'b', 'c', 'd']);
  net.campaign('a');
  change(net, 'a', { type: 'add-learner', nodeId: 'd' });
  const a = net.core('a');
  assert.deepEqual(a.status().conf, { voters: ABC, learners: ['d'] });
  assert.equal(progressOf(a, 'd').learner, true);
  const d = net.core('d');
  d.campaign();
  assert.equal(ofType(drain(d), 'vote').length, 0);
});

test('raft membership: a leader demoting itself keeps leading until the change commits, then steps down', () => {
  const net = new Network(ABC);
  net.campaign('a');
  change(net, 'a', { type: 'add-learner', nodeId: 'a' });
  const a = net.core('a');
  assert.deepEqual(a.status().conf, { voters: ['b', 'c'], learners: ['a'] });
  assert.equal(a.status().role, 'follower');
  net.tickAll(40);
  const leaders = net.leaders();
  assert.equal(leaders.length, 1);
  assert.notEqual(leaders[0], 'a');
  net.propose(leaders[0]!, 'x');
  assert.deepEqual(
    appliedData(net.node('a')),
    ['x'],
    'the demoted node still replicates as a learner',
  );
});
