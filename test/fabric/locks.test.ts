/** Locks: per-key FIFO queues; disjoint keys run concurrently, shared keys in submission order. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FabricModel, groupLockKey, shardLockKey } from '../../src/fabric/index.js';
import { doneCmd, failCmd, ok, sound, startCmd, step, submit } from './helpers.js';

const G1 = groupLockKey('g1');
const G2 = groupLockKey('g2');

const state = (m: FabricModel, id: string): string | undefined => m.procedure(id)?.state;

test('fabric: lock keys name groups and shards', () => {
  assert.equal(G1, 'group:g1');
  assert.equal(shardLockKey(7), 'shard:7');
});

test('fabric: procedures on the same key run one at a time in submission order', () => {
  const m = new FabricModel();
  submit(m, { id: 'a', lockKeys: [G1] });
  const b = submit(m, { id: 'b', lockKeys: [G1] });
  const c = submit(m, { id: 'c', lockKeys: [G1] });
  assert.deepEqual([b.state, c.state], ['QUEUED', 'QUEUED']);
  assert.deepEqual(m.lockQueue(G1), ['a', 'b', 'c']);
  const done = step(m, 'a');
  assert.deepEqual(done.started, ['b']);
  assert.deepEqual([state(m, 'a'), state(m, 'b'), state(m, 'c')], ['DONE', 'RUNNING', 'QUEUED']);
  step(m, 'b');
  assert.equal(state(m, 'c'), 'RUNNING');
  step(m, 'c');
  assert.deepEqual(m.lockQueue(G1), []);
  sound(m);
});

test('fabric: procedures on disjoint keys (different groups) run concurrently', () => {
  const m = new FabricModel();
  const a = submit(m, { id: 'a', lockKeys: [G1] });
  const b = submit(m, { id: 'b', lockKeys: [G2] });
  const c = submit(m, { id: 'c', lockKeys: [] });
  assert.deepEqual([a.state, b.state, c.state], ['RUNNING', 'RUNNING', 'RUNNING']);
  assert.deepEqual(
    m.runnable().map((r) => r.procedure.id),
    ['a', 'b', 'c'],
  );
  sound(m);
});

test('fabric: a multi-key procedure waits until it heads every queue', () => {
  const m = new FabricModel();
  submit(m, { id: 'a', lockKeys: [G1] });
  submit(m, { id: 'b', lockKeys: [G2] });
  const both = submit(m, { id: 'both', lockKeys: [G2, G1] });
  const later = submit(m, { id: 'later', lockKeys: [G1] });
  assert.deepEqual([both.state, later.state], ['QUEUED', 'QUEUED']);
  assert.deepEqual(m.procedure('both')?.lockKeys, [G1, G2]);
  assert.deepEqual(step(m, 'a').started, []);
  // 'later' is behind 'both' on g1 even though g1 is free of running work: FIFO, no overtaking.
  assert.equal(state(m, 'later'), 'QUEUED');
  assert.deepEqual(step(m, 'b').started, ['both']);
  assert.deepEqual(step(m, 'both').started, ['later']);
  sound(m);
});

test('fabric: ending one procedure can start several waiters, reported in submission order', () => {
  const m = new FabricModel();
  submit(m, { id: 'big', lockKeys: [G1, G2] });
  submit(m, { id: 'w2', lockKeys: [G2] });
  submit(m, { id: 'w1', lockKeys: [G1] });
  assert.deepEqual(step(m, 'big').started, ['w2', 'w1']);
});

test('fabric: a FAILED procedure releases its locks and starts the next waiter', () => {
  const m = new FabricModel();
  submit(m, { id: 'a', lockKeys: [G1] });
  submit(m, { id: 'b', lockKeys: [G1] });
  ok(m.apply(startCmd(m, 'a')));
  const r = ok(m.apply(failCmd(m, 'a', { retryable: false })));
  assert.deepEqual(r, {
    type: 'step-failed',
    procedureId: 'a',
    state: 'FAILED',
    retry: false,
    started: ['b'],
  });
  assert.deepEqual(m.lockQueue(G1), ['b']);
  sound(m);
});

test('fabric: duplicate lock keys in a submit are taken once', () => {
  const m = new FabricModel();
  submit(m, { id: 'a', lockKeys: [G1, G1] });
  assert.deepEqual(m.lockQueue(G1), ['a']);
  step(m, 'a');
  assert.deepEqual(m.lockQueue(G1), []);
});

test('fabric: a QUEUED procedure accepts no step commands', () => {
  const m = new FabricModel();
  submit(m, { id: 'a', lockKeys: [G1] });
  submit(m, { id: 'b', lockKeys: [G1] });
  const r = m.apply({ type: 'step-start', procedureId: 'b', step: 0, term: 1, at: 1 });
  assert.ok(!r.ok && r.code === 'INVALID_TRANSITION', JSON.stringify(r));
  const d = m.apply(doneCmd(m, 'b'));
  assert.ok(!d.ok && d.code === 'INVALID_TRANSITION');
});
