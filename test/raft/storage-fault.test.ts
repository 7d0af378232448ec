/**
 * A follower whose log went backwards (a lost write, a data dir restored
 * from an older copy) is repaired by the same leader within a heartbeat, the
 * fault is logged once, and nothing loops while the cluster is idle.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { InitialState, Message } from '../../src/raft/index.js';
import { addNode, durableNetwork, progressOf } from './feature-helpers.js';
import { Network } from './harness.js';

const ABC = ['a', 'b', 'c'];

/** a leads a, b, c and has committed `writes` proposals everywhere. */
function clusterWithWrites(writes: number): Network {
  const net = durableNetwork(new Network([]), ABC);
  net.campaign('a');
  for (let i = 0; i < writes; i++) net.propose('a', `w${i}`);
  return net;
}

/** b's durable state as if its last `lost` entries never reached its disk. */
function rolledBack(net: Network, lost: number): InitialState {
  const init = net.node('b').storage.initialState();
  const entries = init.entries.slice(0, init.entries.length - lost);
  const last = entries.at(-1)?.index ?? 0;
  const hardState = { ...init.hardState, commit: Math.min(init.hardState.commit, last) };
  return { ...init, hardState, entries };
}

for (const lost of [1, 15, 30]) {
  test(`raft storage fault: a follower that lost its last ${lost} acknowledged entries is repaired by the same leader within a heartbeat`, () => {
    const net = clusterWithWrites(30);
    const leaderLast = net.core('a').status().lastIndex;
    assert.equal(progressOf(net.core('a'), 'b').match, leaderLast);
    addNode(net, 'b', rolledBack(net, lost));
    assert.equal(net.core('b').status().lastIndex, leaderLast - lost);
    net.tickAll(1); // one heartbeat interval (heartbeatTick 1)
    assert.equal(net.core('b').status().lastIndex, leaderLast, 'caught up');
    assert.equal(net.core('b').status().commit, leaderLast);
    assert.equal(progressOf(net.core('a'), 'b').match, leaderLast);
  });
}

test('raft storage fault: the leader logs the fault once and an idle cluster sends only heartbeats', () => {
  const warns: string[] = [];
  const logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (m: string) => warns.push(m),
  };
  const net = durableNetwork(new Network([]), ABC, { logger });
  net.campaign('a');
  for (let i = 0; i < 20; i++) net.propose('a', `w${i}`);
  const leaderLast = net.core('a').status().lastIndex;
  addNode(net, 'b', rolledBack(net, 12), { logger });
  const seen: Message[] = [];
  net.hook = (m) => {
    seen.push(m);
    return true;
  };
  net.tickAll(1);
  assert.equal(net.core('b').status().lastIndex, leaderLast);
  const faults = warns.filter((w) => w.startsWith('storage fault on follower'));
  assert.equal(faults.length, 1, warns.join('\n'));
  // Idle: 20 heartbeat intervals, each a heartbeat and its response per follower.
  seen.length = 0;
  net.tickAll(20);
  const kinds = new Set(seen.map((m) => m.type));
  assert.deepEqual([...kinds].sort(), ['heartbeat', 'heartbeat-resp']);
  assert.equal(seen.length, 20 * 2 * 2);
});

test('raft storage fault: a follower emptied entirely gets everything again', () => {
  const net = clusterWithWrites(10);
  const leaderLast = net.core('a').status().lastIndex;
  addNode(net, 'b', rolledBack(net, net.node('b').storage.entries.length));
  net.tickAll(1);
  assert.equal(net.core('b').status().lastIndex, leaderLast);
});

test('raft storage fault: a rolled-back follower refuses to elect a candidate that lacks a commit a leader told it about', () => {
  const infos: string[] = [];
  const logger = {
    debug: () => undefined,
    info: (m: string) => infos.push(m),
    warn: () => undefined,
  };
  const net = durableNetwork(new Network([]), ABC, { logger });
  net.campaign('a');
  for (let i = 0; i < 10; i++) net.propose('a', `w${i}`);
  net.isolate('c');
  for (let i = 10; i < 30; i++) net.propose('a', `w${i}`);
  const committed = net.core('a').status().commit;
  const cLast = net.core('c').status().lastIndex;
  addNode(net, 'b', rolledBack(net, 25), { logger });
  const bLast = net.core('b').status().lastIndex;
  assert.ok(bLast < cLast && cLast < committed, `b ${bLast} < c ${cLast} < commit ${committed}`);
  // b hears the leader's heartbeat (the commit) but none of the appends that would repair it.
  net.hook = (m) => m.type !== 'app';
  net.tickAll(1);
  assert.equal(net.core('b').status().lastIndex, bLast, 'not repaired yet');
  // The leader dies; c, whose log is longer than b's but lacks committed entries, campaigns.
  net.recover();
  net.isolate('a');
  net.campaign('c');
  assert.notEqual(net.core('c').status().role, 'leader', 'c was elected without committed entries');
  assert.ok(
    infos.some((m) => m.startsWith('refused a vote')),
    infos.join('\n'),
  );
});

test('raft storage fault: a restarted node grants no vote within one election timeout, then votes again', () => {
  const net = durableNetwork(new Network([]), ABC);
  net.campaign('a');
  for (let i = 0; i < 5; i++) net.propose('a', `w${i}`);
  addNode(net, 'c', net.node('c').storage.initialState(), { bootLease: true });
  net.isolate('a');
  const granted = (): boolean =>
    net.delivered.some((m) => m.type === 'vote-resp' && m.from === 'c' && !m.reject);
  net.delivered.length = 0;
  net.campaign('b');
  assert.equal(granted(), false, 'c voted right after its restart');
  assert.notEqual(net.core('b').status().role, 'leader');
  for (let i = 0; i < 10; i++) net.core('c').tick(); // one election timeout (electionTick 10)
  net.delivered.length = 0;
  net.campaign('b');
  assert.equal(granted(), true, 'c votes once its boot lease is over');
  assert.equal(net.core('b').status().role, 'leader');
});
