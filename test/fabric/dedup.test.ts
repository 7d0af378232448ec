/** Request de-duplication: a retried submit gets the original procedure. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FabricModel } from '../../src/fabric/index.js';
import { ok, refused, step, submit, submitCmd } from './helpers.js';

test('fabric: a submit with a known request id returns the ORIGINAL procedure id and changes nothing', () => {
  const m = new FabricModel();
  const first = submit(m, { id: 'p-orig', requestId: 'r1', lockKeys: ['group:g1'] });
  assert.deepEqual(first, {
    type: 'submit',
    procedureId: 'p-orig',
    duplicate: false,
    state: 'RUNNING',
    started: ['p-orig'],
  });
  const before = m.snapshot();
  // The client timed out and retried through a new leader, which minted a new procedure id.
  const retry = ok(m.apply(submitCmd({ id: 'p-retry', requestId: 'r1', term: 2, at: 5000 })));
  assert.deepEqual(retry, {
    type: 'submit',
    procedureId: 'p-orig',
    duplicate: true,
    state: 'RUNNING',
    started: [],
  });
  assert.deepEqual(m.snapshot(), before);
  assert.equal(m.procedure('p-retry'), undefined);
  assert.equal(m.procedureIdForRequest('r1'), 'p-orig');
});

test('fabric: a duplicate submit reports the original procedure state once it is done', () => {
  const m = new FabricModel();
  submit(m, { id: 'p1', requestId: 'r1' });
  step(m, 'p1', [], { answer: 42 });
  const retry = ok(m.apply(submitCmd({ id: 'p2', requestId: 'r1' })));
  assert.equal(retry.type === 'submit' && retry.state, 'DONE');
  assert.deepEqual(m.procedure('p1')?.result, { answer: 42 });
});

test('fabric: a new request id reusing a procedure id is refused (PROCEDURE_EXISTS)', () => {
  const m = new FabricModel();
  submit(m, { id: 'p1', requestId: 'r1' });
  const r = refused(m, submitCmd({ id: 'p1', requestId: 'r2' }), 'PROCEDURE_EXISTS');
  assert.match(r.message, /procedure:p1/);
});

test('fabric: a request id outlives its pruned procedure within the window, then is forgotten', () => {
  const m = new FabricModel();
  submit(m, { id: 'p1', requestId: 'r1', at: 1000 });
  step(m, 'p1');
  ok(m.apply({ type: 'prune', at: 2000, maxCompleted: 0, maxAgeMs: 0, dedupWindowMs: 10_000 }));
  assert.equal(m.procedure('p1'), undefined);
  const retry = ok(m.apply(submitCmd({ id: 'p9', requestId: 'r1' })));
  assert.deepEqual(retry, { type: 'submit', procedureId: 'p1', duplicate: true, started: [] });
  ok(m.apply({ type: 'prune', at: 20_000, maxCompleted: 0, maxAgeMs: 0, dedupWindowMs: 10_000 }));
  const fresh = ok(m.apply(submitCmd({ id: 'p9', requestId: 'r1', at: 20_001 })));
  assert.equal(fresh.type === 'submit' && fresh.duplicate, false);
  assert.equal(m.procedureIdForRequest('r1'), 'p9');
});
