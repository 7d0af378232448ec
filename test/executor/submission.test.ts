/** Procedure admission (src/executor/submission.ts): what a submit command is built from, and what is refused. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSubmission } from '../../src/executor/submission.js';
import type { SubmitRequest } from '../../src/executor/submission.js';
import { PermanentStepError, ProcedureRegistry } from '../../src/executor/procedure-definition.js';
import { FAIL_SECOND, TEN_STEPS } from '../../src/server/testing/test-procedures.js';
import { FabricModel } from '../../src/fabric/index.js';
import { isFabricError } from '../../src/util/fabric-error.js';

const GUARDED = {
  ...FAIL_SECOND,
  name: 'test.guarded',
  admit: (args: unknown) => {
    if ((args as { group?: unknown }).group !== 'g1') {
      throw new PermanentStepError('GROUP_NOT_FOUND', 'group g2 does not exist');
    }
  },
};

function registry(): ProcedureRegistry {
  return new ProcedureRegistry().register(TEN_STEPS).register(GUARDED);
}

const REQ: SubmitRequest = {
  name: 'test.ten-steps',
  args: { lock: 'a', dir: '/tmp' },
  requestId: 'r1',
  procedureId: 'p1',
  at: 1000,
  term: 3,
};

test('submission: builds the submit command with the definition lock keys and steps', () => {
  const s = buildSubmission(registry(), new FabricModel(), REQ);
  if (s.kind !== 'submit') assert.fail(`expected a submit command, got ${s.kind}`);
  assert.deepEqual(s.command, {
    type: 'submit',
    requestId: 'r1',
    procedureId: 'p1',
    name: 'test.ten-steps',
    args: { lock: 'a', dir: '/tmp' },
    lockKeys: ['test:a'],
    steps: TEN_STEPS.steps.map((st) => st.name),
    at: 1000,
    term: 3,
  });
});

test('submission: a retried request id answers with the procedure it already started', () => {
  const model = new FabricModel();
  const first = buildSubmission(registry(), model, REQ);
  if (first.kind !== 'submit') assert.fail(`expected a submit command, got ${first.kind}`);
  const r = model.apply(first.command);
  assert.ok(r.ok);
  const again = buildSubmission(registry(), model, { ...REQ, procedureId: 'p2' });
  assert.deepEqual(again, { kind: 'known', procedureId: 'p1' });
});

test('submission: an unknown name is INVALID_ARGUMENT naming the field and the registered names', () => {
  assert.throws(
    () => buildSubmission(registry(), new FabricModel(), { ...REQ, name: 'nope' }),
    (e: unknown) =>
      isFabricError(e, 'INVALID_ARGUMENT') &&
      e.details.field === 'name' &&
      e.message.includes('test.ten-steps'),
  );
});

test('submission: arguments that are not JSON are refused', () => {
  assert.throws(
    () => buildSubmission(registry(), new FabricModel(), { ...REQ, args: { n: () => 1 } }),
    (e: unknown) => isFabricError(e, 'INVALID_ARGUMENT'),
  );
});

test('submission: a refusal by the definition keeps its own code', () => {
  assert.throws(
    () =>
      buildSubmission(registry(), new FabricModel(), {
        ...REQ,
        name: 'test.guarded',
        args: { group: 'g2' },
      }),
    (e: unknown) => isFabricError(e, 'GROUP_NOT_FOUND') && e.message.startsWith('test.guarded:'),
  );
});
