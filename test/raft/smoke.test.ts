import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Network, appliedData } from './harness.js';

test('raft: three nodes elect a leader and replicate a proposal', () => {
  const net = new Network(['a', 'b', 'c']);
  net.campaign('a');
  assert.deepEqual(net.leaders(), ['a']);
  net.propose('a', 'x');
  for (const id of ['a', 'b', 'c']) assert.deepEqual(appliedData(net.node(id)), ['x']);
});
