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
