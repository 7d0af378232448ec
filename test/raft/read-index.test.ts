/**
 * ReadIndex (thesis §6.4): etcd-io/raft's TestReadOnly* and
 * TestRaftFreesReadOnlyMem, reads through followers and learners, and the
 * guarantee that a partitioned old leader answers no read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { NotLeaderError, RaftError } from '../../src/raft/index.js';
import { ack, drain, electLeader, heartbeatResp, ofType } from './feature-helpers.js';
import { Network, newCore } from './harness.js';
import type { CoreOptions } from './harness.js';

const ABC = ['a', 'b', 'c'];

function ledByA(opts: CoreOptions = {}): Network {
  const net = new Network(ABC, opts);
  net.campaign('a');
  assert.deepEqual(net.leaders(), ['a']);
  return net;
}

function read(net: Network, id: string, ctx: string): void {
  net.core(id).readIndex(ctx);
  net.stabilize();
}

test('raft read-index: safe reads confirm leadership with a heartbeat round (TestReadOnlyOptionSafe)', () => {
  const net = ledByA();
  const cases: { id: string; proposals: number }[] = [
    { id: 'a', proposals: 10 },
    { id: 'b', proposals: 10 },
    { id: 'c', proposals: 10 },
    { id: 'a', proposals: 0 },
    { id: 'b', proposals: 0 },
    { id: 'c', proposals: 0 },
  ];
  cases.forEach((tc, i) => {
    for (let p = 0; p < tc.proposals; p++) net.propose('a', `p${i}-${p}`);
    const node = net.node(tc.id);
    const expected = net.core('a').status().commit;
    const ctx = `ctx-${i}`;
    const from = net.delivered.length;
    read(net, tc.id, ctx);
    assert.deepEqual(node.reads.at(-1), { index: expected, context: ctx }, `case ${i}`);
    assert.ok(
      net.delivered.slice(from).some((m) => m.type === 'heartbeat' && m.context === ctx),
      'the leader confirmed with a heartbeat round carrying the context',
    );
  });
});

test('raft read-index: a read waits for a quorum of voter acknowledgements', () => {
  const net = ledByA();
  net.isolate('b');
  net.isolate('c');
  read(net, 'a', 'lonely');
  assert.deepEqual(net.node('a').reads, [], 'one of three voters is not a quorum');
  net.recover();
  net.tickAll(1);
  assert.deepEqual(net.node('a').reads, [{ index: 4, context: 'lonely' }]);
});

test('raft read-index: learners can read through the leader but do not count (TestReadOnlyWithLearner)', () => {
  const net = ledByA();
  net.add('d', newCore('d', []));
  net.core('a').proposeConfChange({ type: 'add-learner', nodeId: 'd' });
  net.stabilize();
  net.propose('a', 'x');
  const commit = net.core('a').status().commit;
  read(net, 'd', 'from-learner');
  assert.deepEqual(net.node('d').reads, [{ index: commit, context: 'from-learner' }]);

  // a and the learner d are not a quorum of the voters a, b, c.
  net.cut('a', 'b');
  net.cut('a', 'c');
  read(net, 'a', 'learner-acks-only');
  assert.ok(
    net.delivered.some(
      (m) => m.type === 'heartbeat-resp' && m.from === 'd' && m.context === 'learner-acks-only',
    ),
  );
  assert.deepEqual(net.node('a').reads, []);
});

test('raft read-index: lease reads are answered without a round trip (TestReadOnlyOptionLease)', () => {
  const net = ledByA({ readOnly: 'lease', checkQuorum: true });
  net.propose('a', 'x');
  const commit = net.core('a').status().commit;
  // No one else hears of the read.
  net.isolate('a');
  const a = net.core('a');
  a.readIndex('lease-1');
  const rd = a.ready();
  assert.deepEqual(rd.readStates, [{ index: commit, context: 'lease-1' }]);
  assert.equal(ofType(rd.messages, 'heartbeat').length, 0);
  a.advance();

  // A follower's request is answered by the leader at once too.
  net.recover();
  read(net, 'b', 'lease-b');
  assert.deepEqual(net.node('b').reads, [{ index: commit, context: 'lease-b' }]);
  assert.equal(
    net.delivered.filter((m) => m.type === 'heartbeat' && m.context === 'lease-b').length,
    0,
  );
});

test('raft read-index: lease reads require CheckQuorum', () => {
  assert.throws(
    () => newCore('a', ABC, { readOnly: 'lease', checkQuorum: false }),
    (e: unknown) =>
      e instanceof RaftError && e.code === 'INVALID_ARGUMENT' && e.message.includes('checkQuorum'),
  );
});

test('raft read-index: a new leader defers reads until it commits an entry of its term (TestReadOnlyForNewLeader)', () => {
  for (const readOnly of ['safe', 'lease'] as const) {
    const a = newCore('a', ABC, { readOnly, checkQuorum: true });
    electLeader(a, ['b']);
    assert.equal(a.status().commit, 3);
    a.readIndex('own');
    a.step({ type: 'read-index', from: 'c', to: 'a', term: 2, context: 'for-c' });
    let rd = a.ready();
    assert.deepEqual(rd.readStates, [], readOnly);
    assert.equal(ofType(rd.messages, 'read-index-resp').length, 0, readOnly);
    assert.equal(
      ofType(rd.messages, 'heartbeat').length,
      0,
      `${readOnly}: no round before the commit`,
    );
    a.advance();

    // b acknowledges the no-op: commit reaches this term and the reads start.
    a.step({
      type: 'app-resp',
      from: 'b',
      to: 'a',
      term: 2,
      index: 4,
      reject: false,
      hintIndex: 0,
      hintTerm: 0,
    });
    assert.equal(a.status().commit, 4);
    if (readOnly === 'safe') {
      a.step({ type: 'heartbeat-resp', from: 'b', to: 'a', term: 2, context: 'for-c' });
    }
    rd = a.ready();
    assert.deepEqual(rd.readStates, [{ index: 4, context: 'own' }], readOnly);
    const resps = ofType(rd.messages, 'read-index-resp', 'c');
    assert.deepEqual(
      resps.map((m) => [m.index, m.context, m.reject]),
      [[4, 'for-c', false]],
      readOnly,
    );
    a.advance();
  }
});

test('raft read-index: a new leader in the network answers deferred reads after its no-op commits', () => {
  const net = new Network(ABC);
  // c will win, but its no-op acknowledgements are held back.
  net.ignore('app-resp');
  net.campaign('c');
  assert.deepEqual(net.leaders(), ['c']);
  read(net, 'c', 'early');
  read(net, 'a', 'early-a');
  assert.deepEqual(net.node('c').reads, []);
  assert.deepEqual(net.node('a').reads, []);
  net.recover();
  net.tickAll(1);
  assert.deepEqual(net.node('c').reads, [{ index: 4, context: 'early' }]);
  assert.deepEqual(net.node('a').reads, [{ index: 4, context: 'early-a' }]);
});

test('raft read-index: a duplicated context yields one read state at the first index (TestReadOnlyDuplicateRequest)', () => {
  const net = ledByA();
  net.cut('a', 'b');
  net.cut('a', 'c');
  const a = net.core('a');
  a.readIndex('dup');
  net.stabilize();
  net.recover();
  net.propose('a', 'x');
  // Same context again, after commit moved: it joins the first request.
  a.readIndex('dup');
  net.stabilize();
  net.tickAll(1);
  assert.deepEqual(net.node('a').reads, [{ index: 4, context: 'dup' }]);
});

test('raft read-index: confirmed requests are released, and later heartbeats carry no context (TestRaftFreesReadOnlyMem)', () => {
  const a = newCore('a', ABC);
  electLeader(a, ['b']);
  ack(a, 'b', 4);
  a.readIndex('ctx');
  const beats = ofType(drain(a), 'heartbeat');
  assert.deepEqual(
    beats.map((m) => [m.to, m.context]),
    [
      ['b', 'ctx'],
      ['c', 'ctx'],
    ],
  );
  // Unconfirmed: the context rides on the periodic heartbeats.
  a.tick();
  assert.ok(ofType(drain(a), 'heartbeat').every((m) => m.context === 'ctx'));
  // Confirmed by b: released.
  a.step({ type: 'heartbeat-resp', from: 'b', to: 'a', term: 2, context: 'ctx' });
  const rd = a.ready();
  assert.deepEqual(rd.readStates, [{ index: 4, context: 'ctx' }]);
  a.advance();
  a.tick();
  assert.ok(ofType(drain(a), 'heartbeat').every((m) => m.context === ''));
  // A late or unknown acknowledgement produces nothing.
  a.step({ type: 'heartbeat-resp', from: 'c', to: 'a', term: 2, context: 'ctx' });
  heartbeatResp(a, 'c', 'never-asked');
  assert.equal(a.hasReady(), false);
});

test('raft read-index: an acknowledgement confirms every earlier pending read too', () => {
  const a = newCore('a', ABC);
  electLeader(a, ['b']);
  ack(a, 'b', 4);
  a.readIndex('r1');
  a.readIndex('r2');
  a.readIndex('r3');
  drain(a);
  a.step({ type: 'heartbeat-resp', from: 'c', to: 'a', term: 2, context: 'r2' });
  const rd = a.ready();
  assert.deepEqual(
    rd.readStates.map((r) => r.context),
    ['r1', 'r2'],
  );
  a.advance();
});

test('raft read-index: reads from followers return the leader commit index', () => {
  const net = ledByA();
  net.propose('a', 'x');
  net.propose('a', 'y');
  read(net, 'b', 'rb');
  read(net, 'c', 'rc');
  assert.deepEqual(net.node('b').reads, [{ index: 6, context: 'rb' }]);
  assert.deepEqual(net.node('c').reads, [{ index: 6, context: 'rc' }]);
  // A follower without a leader refuses; an empty context is refused everywhere.
  const lone = newCore('b', ABC);
  assert.throws(() => {
    lone.readIndex('x');
  }, NotLeaderError);
  assert.throws(
    () => {
      net.core('a').readIndex('');
    },
    (e: unknown) => e instanceof RaftError && e.code === 'INVALID_ARGUMENT',
  );
});

test('raft read-index: a partitioned old leader answers no read', () => {
  const net = ledByA();
  net.propose('a', 'x');
  net.isolate('a');
  net.campaign('b');
  net.propose('b', 'y');
  const a = net.node('a');
  assert.equal(a.core.status().role, 'leader', 'a does not know it was deposed');
  read(net, 'a', 'stale');
  net.tickAll(5);
  assert.deepEqual(a.reads, [], 'no quorum confirms the old leader');
  // The partition heals: a learns the new term, steps down, and drops the request.
  net.recover();
  net.tickAll(1);
  assert.equal(a.core.status().role, 'follower');
  assert.equal(a.core.status().leader, 'b');
  net.tickAll(3);
  assert.deepEqual(a.reads, []);
  // A fresh read through the new leader sees the new write.
  read(net, 'a', 'fresh');
  assert.deepEqual(a.reads, [{ index: net.core('b').status().commit, context: 'fresh' }]);
});

test('raft read-index: with leases, a leader that lost its quorum steps down instead of answering', () => {
  const net = ledByA({ readOnly: 'lease', checkQuorum: true });
  net.isolate('a');
  const a = net.node('a');
  for (let i = 0; i < 20 && a.core.status().role === 'leader'; i++) {
    a.core.tick();
    net.stabilize();
  }
  assert.equal(a.core.status().role, 'follower', 'CheckQuorum ended the lease');
  assert.throws(() => {
    a.core.readIndex('late');
  }, NotLeaderError);
  assert.deepEqual(a.reads, []);
});
