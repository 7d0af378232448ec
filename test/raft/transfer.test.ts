/**
 * Leadership transfer (thesis §3.10): etcd-io/raft's TestLeaderTransfer*
 * family and TestTransferNonMember.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ProposalDroppedError, RaftError } from '../../src/raft/index.js';
import type { Message, RaftCore } from '../../src/raft/index.js';
import { drain, logWithConf, ofType } from './feature-helpers.js';
import { Network, appliedData, enc, newCore } from './harness.js';
import type { CoreOptions } from './harness.js';

const ABC = ['a', 'b', 'c'];

function ledByA(opts: CoreOptions = {}): Network {
  const net = new Network(ABC, opts);
  net.campaign('a');
  assert.deepEqual(net.leaders(), ['a']);
  return net;
}

function isTransferring(e: unknown): boolean {
  return e instanceof ProposalDroppedError && e.reason === 'transfer-in-progress';
}

/** Ticks only `core` (the others would start elections of their own), delivering after each tick. */
function tickOnly(net: Network, core: RaftCore, times: number): void {
  for (let i = 0; i < times; i++) {
    core.tick();
    net.stabilize();
  }
}

/** Asserts `id` leads at `term` and every other node follows it. */
function assertLeader(net: Network, id: string, term: number): void {
  assert.deepEqual(net.leaders(), [id]);
  assert.equal(net.core(id).status().term, term);
  assert.equal(net.core(id).status().leadTransferee, '');
}

test('raft transfer: to an up-to-date follower, and back (TestLeaderTransferToUpToDateNode)', () => {
  const net = ledByA();
  net.core('a').transferLeader('b');
  net.stabilize();
  assertLeader(net, 'b', 3);
  assert.equal(net.core('a').status().leader, 'b');
  assert.equal(net.core('a').status().leadTransferee, '');
  net.propose('b', 'x');
  net.core('b').transferLeader('a');
  net.stabilize();
  assertLeader(net, 'a', 4);
  net.propose('a', 'y');
  for (const id of ABC) assert.deepEqual(appliedData(net.node(id)), ['x', 'y'], id);
});

test('raft transfer: requested on a follower, relayed to the leader (TestLeaderTransferToUpToDateNodeFromFollower)', () => {
  const net = ledByA();
  net.core('b').transferLeader('b');
  net.stabilize();
  assertLeader(net, 'b', 3);
  // A follower may also ask for a third node.
  net.core('c').transferLeader('a');
  net.stabilize();
  assertLeader(net, 'a', 4);
  assert.ok(
    net.delivered.some((m) => m.type === 'transfer-leader' && m.from === 'c' && m.to === 'b'),
  );
});

test('raft transfer: works with CheckQuorum and Pre-Vote while followers are in their leader lease (TestLeaderTransferWithCheckQuorum)', () => {
  const net = ledByA({ checkQuorum: true, preVote: true });
  // Followers have heard from a recently: an ordinary campaign would be ignored.
  net.tickAll(3);
  net.core('a').transferLeader('b');
  net.stabilize();
  assertLeader(net, 'b', 3);
  // The transfer's campaign skipped Pre-Vote.
  assert.equal(net.delivered.filter((m) => m.type === 'pre-vote' && m.from === 'b').length, 0);
  assert.ok(net.delivered.some((m) => m.type === 'vote' && m.from === 'b' && m.transfer));
});

test('raft transfer: a slow target catches up before TimeoutNow (TestLeaderTransferToSlowFollower)', () => {
  const net = ledByA();
  net.isolate('c');
  net.propose('a', 'x');
  net.recover();
  const a = net.core('a');
  assert.ok(net.core('c').status().lastIndex < a.status().lastIndex);
  const lastIndex = a.status().lastIndex;
  const from = net.delivered.length;
  a.transferLeader('c');
  assert.equal(a.status().leadTransferee, 'c');
  net.stabilize();
  assertLeader(net, 'c', 3);
  const after = net.delivered.slice(from);
  const timeoutAt = after.findIndex((m) => m.type === 'timeout-now');
  const caughtUpAt = after.findIndex(
    (m) => m.type === 'app-resp' && m.from === 'c' && !m.reject && m.index === lastIndex,
  );
  assert.ok(
    caughtUpAt >= 0 && timeoutAt > caughtUpAt,
    'TimeoutNow only after c acknowledged the last entry',
  );
  assert.deepEqual(appliedData(net.node('c')), ['x']);
});

test('raft transfer: a target behind the compaction point gets a snapshot first (TestLeaderTransferAfterSnapshot)', () => {
  const net = ledByA();
  net.isolate('c');
  net.propose('a', 'x');
  const a = net.core('a');
  a.compact(a.status().applied, enc('state'));
  net.recover();
  const from = net.delivered.length;
  a.transferLeader('c');
  net.stabilize();
  assertLeader(net, 'c', 3);
  const after = net.delivered.slice(from);
  const snapAt = after.findIndex((m) => m.type === 'snap' && m.to === 'c');
  const timeoutAt = after.findIndex((m) => m.type === 'timeout-now');
  assert.ok(snapAt >= 0 && timeoutAt > snapAt);
  net.propose('c', 'y');
  assert.deepEqual(appliedData(net.node('c')), ['state', 'y']);
});

test('raft transfer: to itself is a no-op (TestLeaderTransferToSelf)', () => {
  const net = ledByA();
  const a = net.core('a');
  a.transferLeader('a');
  assert.equal(a.status().leadTransferee, '');
  assert.deepEqual(drain(a), []);
  assertLeader(net, 'a', 2);
  assert.doesNotThrow(() => a.propose(enc('x')));
});

test('raft transfer: to a non-member or a learner is refused (TestLeaderTransferToNonExistingNode)', () => {
  const net = ledByA();
  const a = net.core('a');
  assert.throws(
    () => {
      a.transferLeader('zz');
    },
    (e: unknown) => e instanceof RaftError && e.code === 'INVALID_ARGUMENT',
  );
  assert.equal(a.status().leadTransferee, '');
  // Relayed by a follower: ignored by the leader.
  net.core('b').transferLeader('zz');
  net.stabilize();
  assertLeader(net, 'a', 2);

  net.add('d', newCore('d', []));
  a.proposeConfChange({ type: 'add-learner', nodeId: 'd' });
  net.stabilize();
  assert.throws(() => {
    a.transferLeader('d');
  }, RaftError);
  net.core('b').transferLeader('d');
  net.stabilize();
  assertLeader(net, 'a', 2);
  assert.doesNotThrow(() => a.propose(enc('x')));
});

test('raft transfer: aborted after an election timeout (TestLeaderTransferTimeout)', () => {
  const net = ledByA();
  net.isolate('c');
  const a = net.core('a');
  a.transferLeader('c');
  tickOnly(net, a, 9);
  assert.equal(a.status().leadTransferee, 'c', 'still trying within the election timeout');
  assert.throws(() => a.propose(enc('x')), isTransferring);
  tickOnly(net, a, 1);
  assert.equal(a.status().leadTransferee, '');
  assertLeader(net, 'a', 2);
  assert.doesNotThrow(() => a.propose(enc('x')));
});

test('raft transfer: proposals are refused while transferring (TestLeaderTransferIgnoreProposal)', () => {
  const net = ledByA();
  net.isolate('c');
  const a = net.core('a');
  a.transferLeader('c');
  const last = a.status().lastIndex;
  assert.throws(() => a.propose(enc('x')), isTransferring);
  assert.throws(() => a.proposeBatch([enc('x'), enc('y')]), isTransferring);
  assert.throws(() => a.proposeConfChange({ type: 'add-learner', nodeId: 'd' }), isTransferring);
  assert.equal(a.status().lastIndex, last);
  net.stabilize();
  assert.equal(a.status().lastIndex, last);
});

test('raft transfer: a higher-term vote during a transfer deposes the leader and clears it (TestLeaderTransferReceiveHigherTermVote)', () => {
  const net = ledByA();
  net.isolate('c');
  const a = net.core('a');
  a.transferLeader('c');
  net.campaign('b');
  assert.deepEqual(net.leaders(), ['b']);
  assert.equal(a.status().role, 'follower');
  assert.equal(a.status().term, 3);
  assert.equal(a.status().leadTransferee, '');
});

test('raft transfer: the target cannot be removed mid-transfer, nor be a target once removed (TestLeaderTransferRemoveNode)', () => {
  const net = ledByA();
  net.isolate('c');
  const a = net.core('a');
  a.transferLeader('c');
  assert.throws(() => a.proposeConfChange({ type: 'remove', nodeId: 'c' }), isTransferring);
  tickOnly(net, a, 10);
  assert.equal(a.status().leadTransferee, '');
  a.proposeConfChange({ type: 'remove', nodeId: 'c' });
  net.stabilize();
  assert.throws(() => {
    a.transferLeader('c');
  }, RaftError);
  net.recover();
  net.core('b').transferLeader('c');
  net.stabilize();
  assertLeader(net, 'a', 2);
});

test('raft transfer: transferring back to the leader cancels the transfer (TestLeaderTransferBack)', () => {
  const net = ledByA();
  net.isolate('c');
  const a = net.core('a');
  a.transferLeader('c');
  assert.equal(a.status().leadTransferee, 'c');
  a.transferLeader('a');
  assert.equal(a.status().leadTransferee, '');
  assert.doesNotThrow(() => a.propose(enc('x')));
  net.stabilize();
  assertLeader(net, 'a', 2);
});

test('raft transfer: a second transfer to another node replaces the first (TestLeaderTransferSecondTransferToAnotherNode)', () => {
  const net = ledByA();
  net.isolate('c');
  const a = net.core('a');
  a.transferLeader('c');
  a.transferLeader('b');
  net.stabilize();
  assertLeader(net, 'b', 3);
});

test('raft transfer: a second transfer to the same node does not extend the timeout (TestLeaderTransferSecondTransferToSameNode)', () => {
  const net = ledByA();
  net.isolate('c');
  const a = net.core('a');
  a.transferLeader('c');
  tickOnly(net, a, 5);
  a.transferLeader('c');
  tickOnly(net, a, 4);
  assert.equal(a.status().leadTransferee, 'c');
  tickOnly(net, a, 1);
  assert.equal(a.status().leadTransferee, '', 'aborted 10 ticks after the first request');
});

test('raft transfer: a node that is not a voter ignores TimeoutNow (TestTransferNonMember)', () => {
  // c's own log removes it.
  const c = newCore('c', ABC, { storage: logWithConf(ABC, [{ type: 'remove', nodeId: 'c' }]) });
  drain(c);
  c.step({ type: 'heartbeat', from: 'a', to: 'c', term: 2, commit: 0, context: '' });
  drain(c);
  assert.equal(c.status().leader, 'a');
  c.step({ type: 'timeout-now', from: 'a', to: 'c', term: 2 });
  let out: Message[] = drain(c);
  assert.equal(c.status().role, 'follower');
  assert.equal(c.status().term, 2);
  assert.equal(ofType(out, 'vote').length, 0);

  // A learner likewise.
  const d = newCore('d', ABC, {
    storage: logWithConf(ABC, [{ type: 'add-learner', nodeId: 'd' }]),
  });
  d.step({ type: 'heartbeat', from: 'a', to: 'd', term: 2, commit: 0, context: '' });
  drain(d);
  d.step({ type: 'timeout-now', from: 'a', to: 'd', term: 2 });
  out = drain(d);
  assert.deepEqual(
    [d.status().role, d.status().term, ofType(out, 'vote').length],
    ['follower', 2, 0],
  );

  // A voter ignores TimeoutNow from anyone but its leader.
  const b = newCore('b', ABC);
  b.step({ type: 'heartbeat', from: 'a', to: 'b', term: 2, commit: 0, context: '' });
  drain(b);
  b.step({ type: 'timeout-now', from: 'c', to: 'b', term: 2 });
  out = drain(b);
  assert.deepEqual(
    [b.status().role, b.status().term, ofType(out, 'vote').length],
    ['follower', 2, 0],
  );
  b.step({ type: 'timeout-now', from: 'a', to: 'b', term: 2 });
  out = drain(b);
  assert.equal(b.status().role, 'candidate');
  assert.equal(ofType(out, 'vote').length, 2);
});
