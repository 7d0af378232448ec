import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stalledFailover } from '../../src/executor/farm/index.js';
import { FabricModel, groupLockKey } from '../../src/fabric/index.js';
import { commit, ok, startCmd, step, submit } from '../fabric/helpers.js';

const CANDIDATES = [
  { address: 'db-b:3306', uuid: 'uuid-b', reason: 'has errant transactions …' },
  { address: 'db-c:3306', uuid: 'uuid-c', reason: 'replication is broken …' },
];

/** A group.failover of g1 that ends FAILED with `code` at its choose-candidate step. */
function failedFailover(m: FabricModel, code: string, at: number): string {
  const { procedureId } = submit(m, {
    name: 'group.failover',
    lockKeys: [groupLockKey('g1')],
    steps: ['choose-candidate'],
    at,
  });
  ok(m.apply(startCmd(m, procedureId, 1, at + 1)));
  ok(
    m.apply({
      type: 'step-failed',
      procedureId,
      step: 0,
      term: 1,
      at: at + 2,
      error: {
        code,
        message: 'group g1 lost its primary and no SECONDARY can take over: …',
        cause: JSON.stringify({ candidates: CANDIDATES }),
      },
      retryable: false,
      maxAttempts: 3,
    }),
  );
  return procedureId;
}

test('failover: a NO_CANDIDATE failover that left its group without a primary is reported with each candidate', () => {
  const m = new FabricModel();
  commit(m, [{ type: 'group-create', groupId: 'g1', description: '' }]);
  assert.equal(stalledFailover(m, 'g1'), undefined);
  const id = failedFailover(m, 'NO_CANDIDATE', 10_000);
  const s = stalledFailover(m, 'g1');
  assert.equal(s?.procedureId, id);
  assert.deepEqual(s.candidates, CANDIDATES);
});

test('failover: a stalled failover is no longer reported once a later primary change ran, or when it failed otherwise', () => {
  const m = new FabricModel();
  commit(m, [{ type: 'group-create', groupId: 'g1', description: '' }]);
  failedFailover(m, 'NO_CANDIDATE', 100);
  // The helpers' step finishes at 3000, after the failover ended (102).
  const { procedureId } = submit(m, {
    name: 'group.demote',
    lockKeys: [groupLockKey('g1')],
    at: 1_000,
  });
  step(m, procedureId);
  assert.equal(stalledFailover(m, 'g1'), undefined);
  failedFailover(m, 'FENCE_FAILED', 30_000);
  assert.equal(stalledFailover(m, 'g1'), undefined);
});
