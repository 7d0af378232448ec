/** Snapshot and restore: the whole model, byte for byte, after long random command sequences. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FabricModel } from '../../src/fabric/index.js';
import { CommandFuzzer } from './command-fuzzer.js';
import { farm, sound, submit } from './helpers.js';

const SEEDS = [1, 7, 42, 2024, 99_991];
const STEPS = 1500;

test('fabric: snapshot → restore gives an identical model after a long random sequence', () => {
  for (const seed of SEEDS) {
    const m = new FabricModel();
    const fuzz = new CommandFuzzer(seed);
    for (let i = 0; i < STEPS; i++) {
      m.apply(fuzz.next(m));
      if (i % 250 !== 249) continue;
      const bytes = m.snapshot();
      const copy = new FabricModel();
      copy.restore(bytes);
      assert.deepEqual(copy.snapshot(), bytes, `seed ${seed} step ${i}: snapshot bytes differ`);
      assert.deepEqual(copy.procedures(), m.procedures());
      assert.deepEqual(copy.runnable(), m.runnable());
      assert.deepEqual(copy.servers(), m.servers());
      assert.deepEqual(copy.groups(), m.groups());
      assert.equal(copy.topologyEpoch, m.topologyEpoch);
      sound(copy);
    }
  }
});

test('fabric: a restored model continues exactly like the original (lock queues included)', () => {
  for (const seed of SEEDS) {
    const m = new FabricModel();
    const fuzz = new CommandFuzzer(seed);
    for (let i = 0; i < STEPS / 2; i++) m.apply(fuzz.next(m));
    const copy = new FabricModel();
    copy.restore(m.snapshot());
    for (let i = 0; i < STEPS / 2; i++) {
      const c = fuzz.next(m);
      assert.deepEqual(copy.apply(c), m.apply(c), `seed ${seed}: results diverged at ${i}`);
    }
    assert.deepEqual(copy.snapshot(), m.snapshot());
  }
});

test('fabric: the snapshot holds queued procedures and their lock order', () => {
  const m = new FabricModel();
  submit(m, { id: 'a', lockKeys: ['group:g1'] });
  submit(m, { id: 'b', lockKeys: ['group:g1', 'group:g2'] });
  submit(m, { id: 'c', lockKeys: ['group:g2'] });
  const copy = new FabricModel();
  copy.restore(m.snapshot());
  assert.deepEqual(copy.lockQueue('group:g1'), ['a', 'b']);
  assert.deepEqual(copy.lockQueue('group:g2'), ['b', 'c']);
  sound(copy);
});

test('fabric: restoring empty bytes gives the empty model', () => {
  const m = farm();
  m.restore(new Uint8Array());
  assert.deepEqual(m.snapshot(), new FabricModel().snapshot());
});

test('fabric: a malformed snapshot is refused and the current model kept', () => {
  const m = farm();
  const before = m.snapshot();
  const enc = new TextEncoder();
  for (const bad of ['{', '{"format":"other/9"}', '{"format":"fabric-model/1","groups":[]}'])
    assert.throws(
      () => {
        m.restore(enc.encode(bad));
      },
      { name: 'FabricError' },
    );
  assert.deepEqual(m.snapshot(), before);
});
