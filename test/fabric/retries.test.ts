/** Step failures: retryable ones go back to pending until attempts run out, then FAILED. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FabricModel, groupLockKey } from '../../src/fabric/index.js';
import { doneCmd, failCmd, ok, sound, startCmd, submit } from './helpers.js';

test('fabric: a retryable failure puts the step back to pending; the next start is attempt + 1', () => {
  const m = new FabricModel();
  submit(m, { id: 'p', steps: ['connect'] });
  ok(m.apply(startCmd(m, 'p')));
  const r = ok(m.apply(failCmd(m, 'p', { maxAttempts: 3 })));
  assert.deepEqual(r, {
    type: 'step-failed',
    procedureId: 'p',
    state: 'RUNNING',
    retry: true,
    started: [],
  });
  const rec = m.procedure('p')!.steps[0]!;
  assert.equal(rec.state, 'pending');
  assert.equal(rec.attempts, 1);
  assert.deepEqual(rec.error, { code: 'MYSQL_DOWN', message: 'connection refused' });
  const again = ok(m.apply(startCmd(m, 'p')));
  assert.equal(again.type === 'step-start' && again.attempts, 2);
  ok(m.apply(doneCmd(m, 'p')));
  const done = m.procedure('p')!;
  assert.equal(done.state, 'DONE');
  assert.equal(done.steps[0]!.error, undefined, 'a done step drops its last error');
  assert.equal(done.steps[0]!.attempts, 2);
});

test('fabric: retryable failures end FAILED after maxAttempts attempts, naming the step', () => {
  const m = new FabricModel();
  submit(m, { id: 'p', steps: ['prepare', 'switch'], lockKeys: [groupLockKey('g1')] });
  submit(m, { id: 'next', lockKeys: [groupLockKey('g1')] });
  ok(m.apply(startCmd(m, 'p')));
  ok(m.apply(doneCmd(m, 'p')));
  for (let attempt = 1; attempt <= 3; attempt++) {
    ok(m.apply(startCmd(m, 'p')));
    const r = ok(m.apply(failCmd(m, 'p', { maxAttempts: 3, code: `E${attempt}` })));
    assert.equal(r.type === 'step-failed' && r.retry, attempt < 3);
  }
  const p = m.procedure('p')!;
  assert.equal(p.state, 'FAILED');
  assert.deepEqual(p.error, { step: 'switch', code: 'E3', message: 'connection refused' });
  assert.equal(p.steps[1]!.state, 'failed');
  assert.equal(p.steps[1]!.attempts, 3);
  assert.equal(p.finishedAt, 4000);
  assert.equal(p.current, 1);
  assert.equal(m.procedure('next')?.state, 'RUNNING', 'the FAILED procedure released its lock');
  sound(m);
});

test('fabric: a non-retryable failure ends the procedure FAILED at once', () => {
  const m = new FabricModel();
  submit(m, { id: 'p', steps: ['a', 'b'] });
  ok(m.apply(startCmd(m, 'p')));
  ok(
    m.apply({
      type: 'step-failed',
      procedureId: 'p',
      step: 0,
      term: 1,
      at: 9,
      error: { code: 'BAD_INPUT', message: 'no such group', cause: 'lookup' },
      retryable: false,
      maxAttempts: 5,
    }),
  );
  assert.deepEqual(m.procedure('p')?.error, {
    step: 'a',
    code: 'BAD_INPUT',
    message: 'no such group',
    cause: 'lookup',
  });
  assert.deepEqual(m.runnable(), []);
});
