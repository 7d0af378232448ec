/** Term fencing and step ordering: a deposed leader cannot finish a step its successor took over. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FabricModel } from '../../src/fabric/index.js';
import { doneCmd, failCmd, ok, refused, sound, startCmd, submit } from './helpers.js';

function twoSteps(term = 1): FabricModel {
  const m = new FabricModel();
  submit(m, { id: 'p', steps: ['first', 'second'], term });
  return m;
}

test('fabric: a newer leader takes over a started step; the old leader is fenced (STALE_TERM)', () => {
  const m = twoSteps(1);
  ok(m.apply(startCmd(m, 'p', 1)));
  // Leader of term 1 is deposed mid-step; the leader of term 3 restarts the step.
  const takeover = ok(m.apply(startCmd(m, 'p', 3)));
  assert.deepEqual(takeover, {
    type: 'step-start',
    procedureId: 'p',
    step: 0,
    attempts: 2,
    ownerTerm: 3,
  });
  const r = refused(m, doneCmd(m, 'p', [], { term: 1 }), 'STALE_TERM');
  assert.match(r.message, /term 1.*term 3/);
  refused(m, failCmd(m, 'p', { term: 2 }), 'STALE_TERM');
  refused(m, startCmd(m, 'p', 2), 'STALE_TERM');
  ok(m.apply(doneCmd(m, 'p', [], { term: 3 })));
  const p = m.procedure('p')!;
  assert.equal(p.steps[0]!.term, 3);
  assert.equal(p.current, 1);
  sound(m);
});

test('fabric: step-start with a higher term bumps the owner term', () => {
  const m = twoSteps(1);
  ok(m.apply(startCmd(m, 'p', 5)));
  assert.equal(m.procedure('p')?.ownerTerm, 5);
  ok(m.apply(doneCmd(m, 'p', [], { term: 5 })));
  refused(m, startCmd(m, 'p', 4), 'STALE_TERM');
});

test('fabric: a submit from a newer term fences step commands from older terms', () => {
  const m = twoSteps(7);
  refused(m, startCmd(m, 'p', 6), 'STALE_TERM');
  ok(m.apply(startCmd(m, 'p', 7)));
});

test('fabric: starting a step twice in the same term is refused (a re-delivered start is harmless)', () => {
  const m = twoSteps();
  ok(m.apply(startCmd(m, 'p', 1)));
  refused(m, startCmd(m, 'p', 1), 'INVALID_TRANSITION');
  assert.equal(m.procedure('p')?.steps[0]?.attempts, 1);
});

test('fabric: step-done must name the current, started step', () => {
  const m = twoSteps();
  refused(m, doneCmd(m, 'p'), 'INVALID_TRANSITION'); // not started
  ok(m.apply(startCmd(m, 'p')));
  refused(m, doneCmd(m, 'p', [], { step: 1 }), 'INVALID_TRANSITION'); // not the current step
  refused(m, doneCmd(m, 'p', [], { step: 9 }), 'INVALID_TRANSITION'); // no such step
  ok(m.apply(doneCmd(m, 'p', [], { step: 0 })));
  // Re-delivery of the same completion: already done, refused, nothing changes.
  refused(m, doneCmd(m, 'p', [], { step: 0 }), 'INVALID_TRANSITION');
  refused(m, failCmd(m, 'p'), 'INVALID_TRANSITION'); // step 1 not started yet
});

test('fabric: step commands for an unknown or finished procedure are refused', () => {
  const m = twoSteps();
  refused(
    m,
    { type: 'step-start', procedureId: 'nope', step: 0, term: 1, at: 1 },
    'PROCEDURE_NOT_FOUND',
  );
  ok(m.apply(startCmd(m, 'p')));
  ok(m.apply(doneCmd(m, 'p')));
  ok(m.apply(startCmd(m, 'p')));
  const last = ok(m.apply(doneCmd(m, 'p', [], { output: 'bye' })));
  assert.equal(last.type === 'step-done' && last.state, 'DONE');
  assert.equal(m.procedure('p')?.result, 'bye');
  assert.equal(m.procedure('p')?.current, 2);
  refused(
    m,
    { type: 'step-start', procedureId: 'p', step: 1, term: 1, at: 1 },
    'INVALID_TRANSITION',
  );
  refused(m, doneCmd(m, 'p', [], { step: 1 }), 'INVALID_TRANSITION');
});

test('fabric: step records keep attempts, times, term and output', () => {
  const m = twoSteps(2);
  ok(m.apply({ type: 'step-start', procedureId: 'p', step: 0, term: 2, at: 100 }));
  ok(m.apply(doneCmd(m, 'p', [], { term: 2, at: 150, output: { rows: 3 } })));
  assert.deepEqual(m.procedure('p')?.steps[0], {
    name: 'first',
    state: 'done',
    attempts: 1,
    startedAt: 100,
    finishedAt: 150,
    term: 2,
    output: { rows: 3 },
  });
  assert.equal(m.procedure('p')?.startedAt, 1000);
});
