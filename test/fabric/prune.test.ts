/** prune: bounded history of finished procedures and of request ids. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FabricModel } from '../../src/fabric/index.js';
import { doneCmd, ok, sound, startCmd, submit } from './helpers.js';

/** Finishes procedure `id` at time `at`. */
function finishAt(m: FabricModel, id: string, at: number): void {
  ok(m.apply({ ...startCmd(m, id), at } as ReturnType<typeof startCmd>));
  ok(m.apply(doneCmd(m, id, [], { at })));
}

function history(): FabricModel {
  const m = new FabricModel();
  for (const [id, at] of [
    ['old', 100],
    ['mid', 200],
    ['new', 300],
  ] as const) {
    submit(m, { id, at });
    finishAt(m, id, at);
  }
  submit(m, { id: 'live', at: 50 });
  return m;
}

test('fabric: prune keeps only the newest maxCompleted finished procedures', () => {
  const m = history();
  const r = ok(
    m.apply({ type: 'prune', at: 400, maxCompleted: 1, maxAgeMs: 1e9, dedupWindowMs: 1e9 }),
  );
  assert.deepEqual(r, { type: 'prune', procedures: 2, requests: 0 });
  assert.deepEqual(
    m.procedures().map((p) => p.id),
    ['new', 'live'],
  );
  sound(m);
});

test('fabric: prune drops finished procedures older than maxAgeMs, never live ones', () => {
  const m = history();
  const r = ok(
    m.apply({ type: 'prune', at: 400, maxCompleted: 100, maxAgeMs: 150, dedupWindowMs: 1e9 }),
  );
  assert.equal(r.type === 'prune' && r.procedures, 2);
  assert.deepEqual(
    m.procedures().map((p) => p.id),
    ['new', 'live'],
  );
  ok(m.apply({ type: 'prune', at: 1e9, maxCompleted: 0, maxAgeMs: 0, dedupWindowMs: 1e9 }));
  assert.deepEqual(
    m.procedures().map((p) => p.id),
    ['live'],
  );
});

test('fabric: prune forgets request ids older than the window unless their procedure is live', () => {
  const m = history();
  // Request ids were recorded at submit time: live at 50, old 100, mid 200, new 300.
  const r = ok(
    m.apply({ type: 'prune', at: 400, maxCompleted: 100, maxAgeMs: 1e9, dedupWindowMs: 150 }),
  );
  assert.deepEqual(r, { type: 'prune', procedures: 0, requests: 2 });
  assert.equal(m.procedureIdForRequest('req-old'), undefined);
  assert.equal(m.procedureIdForRequest('req-mid'), undefined);
  assert.equal(m.procedureIdForRequest('req-new'), 'new');
  assert.equal(
    m.procedureIdForRequest('req-live'),
    'live',
    'a live procedure keeps its request id',
  );
  sound(m);
});

test('fabric: prune with nothing to drop changes nothing', () => {
  const m = history();
  const before = m.snapshot();
  ok(m.apply({ type: 'prune', at: 400, maxCompleted: 10, maxAgeMs: 1e9, dedupWindowMs: 1e9 }));
  assert.deepEqual(m.snapshot(), before);
});
