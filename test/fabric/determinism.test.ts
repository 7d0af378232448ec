/** Determinism: the same commands give the same results and the same snapshot, on any replica. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  COMMAND_TYPES,
  EFFECT_TYPES,
  FabricModel,
  FabricStateMachine,
  encodeCommand,
} from '../../src/fabric/index.js';
import type { ApplyResult } from '../../src/fabric/index.js';
import { CommandFuzzer } from './command-fuzzer.js';

const STEPS = 3000;

test('fabric: two models fed the same command sequence produce identical results and snapshots', () => {
  for (const seed of [3, 11, 123_456]) {
    const a = new FabricModel();
    const b = new FabricModel();
    const fuzz = new CommandFuzzer(seed);
    for (let i = 0; i < STEPS; i++) {
      const c = fuzz.next(a);
      assert.deepEqual(b.apply(c), a.apply(c));
    }
    assert.deepEqual(a.snapshot(), b.snapshot());
  }
});

test('fabric: the byte path (state machine) and the typed path agree, entry by entry', () => {
  const typed = new FabricModel();
  const sm = new FabricStateMachine();
  const fuzz = new CommandFuzzer(77);
  const dec = new TextDecoder();
  for (let i = 0; i < STEPS; i++) {
    const c = fuzz.next(typed);
    const want = typed.apply(c);
    let bytes: Uint8Array;
    try {
      bytes = encodeCommand(c);
    } catch {
      continue; // not encodable (e.g. a NaN the fuzzer planted): the typed path refused it too
    }
    const got = JSON.parse(dec.decode(sm.apply(i + 1, bytes))) as ApplyResult;
    assert.deepEqual(got, want, `entry ${i}`);
  }
  assert.deepEqual(sm.snapshot(), typed.snapshot());
});

test('fabric: invariants hold after every command of long random sequences, which exercise every path', () => {
  const accepted = new Map<string, number>();
  const effects = new Set<string>();
  const codes = new Set<string>();
  for (const seed of [1, 5, 7, 42, 2]) {
    const m = new FabricModel();
    const fuzz = new CommandFuzzer(seed);
    for (let i = 0; i < STEPS; i++) {
      const c = fuzz.next(m);
      const r = m.apply(c);
      if (r.ok) accepted.set(r.result.type, (accepted.get(r.result.type) ?? 0) + 1);
      else codes.add(r.code);
      if (r.ok && c.type === 'step-done') for (const e of c.effects) effects.add(e.type);
      const problems = m.invariantProblems();
      assert.deepEqual(problems, [], `seed ${seed}, after command ${i}: ${JSON.stringify(c)}`);
    }
    assert.ok(m.topologyEpoch > 50, `seed ${seed}: epoch only ${m.topologyEpoch}`);
  }
  // The fuzzer must actually reach the interesting paths, or this test proves little.
  for (const type of COMMAND_TYPES)
    assert.ok(
      (accepted.get(type) ?? 0) > 10,
      `too few accepted ${type}: ${accepted.get(type) ?? 0}`,
    );
  assert.deepEqual(
    [...EFFECT_TYPES].filter((t) => !effects.has(t)),
    [],
    'effect types never accepted',
  );
  for (const code of ['STALE_TERM', 'INVALID_TRANSITION', 'INVALID_ARGUMENT', 'PROCEDURE_EXISTS'])
    assert.ok(codes.has(code), `never saw ${code}`);
});
