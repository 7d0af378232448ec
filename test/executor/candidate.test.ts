import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseCandidate } from '../../src/executor/farm/index.js';
import type { CandidateView } from '../../src/executor/farm/index.js';

const OLD = '127.0.0.1:3310';

function replica(
  address: string,
  gtid: string,
  weight = 1,
  over: Partial<NonNullable<CandidateView['probe']>> = {},
): CandidateView {
  return {
    uuid: `u-${address}`,
    address,
    weight,
    probe: {
      engine: 'mariadb',
      gtidExecuted: gtid,
      source: OLD,
      ioRunning: 'Yes',
      sqlRunning: true,
      ...over,
    },
  };
}

test('candidate: the replica holding every other replica’s transactions wins over weight', () => {
  const r = chooseCandidate({
    candidates: [replica('127.0.0.1:3311', '0-1-200', 5), replica('127.0.0.1:3312', '0-1-215', 1)],
    force: false,
  });
  assert.equal(r.chosen?.address, '127.0.0.1:3312');
  assert.match(
    r.considered.find((c) => c.address === '127.0.0.1:3311')?.reason ?? '',
    /lacks transactions/,
  );
});

test('candidate: equal positions are broken by weight, then by address', () => {
  const byWeight = chooseCandidate({
    candidates: [replica('127.0.0.1:3311', '0-1-9', 1), replica('127.0.0.1:3312', '0-1-9', 2)],
    force: false,
  });
  assert.equal(byWeight.chosen?.address, '127.0.0.1:3312');
  const byAddress = chooseCandidate({
    candidates: [replica('127.0.0.1:3312', '0-1-9'), replica('127.0.0.1:3311', '0-1-9')],
    force: false,
  });
  assert.equal(byAddress.chosen?.address, '127.0.0.1:3311');
});

test('candidate: a switchover refuses replicas of another source, broken threads and errant transactions', () => {
  const r = chooseCandidate({
    candidates: [
      replica('127.0.0.1:3311', '0-1-9', 1, { source: '127.0.0.1:9999' }),
      replica('127.0.0.1:3312', '0-1-9', 1, { ioRunning: 'Connecting' }),
      replica('127.0.0.1:3313', '0-1-9,1-13-4', 1),
      { uuid: 'u4', address: '127.0.0.1:3314', weight: 1, error: 'connect ECONNREFUSED' },
    ],
    oldPrimary: { address: OLD, gtidExecuted: '0-1-9' },
    force: false,
  });
  assert.equal(r.chosen, undefined);
  const why = Object.fromEntries(r.considered.map((c) => [c.address, c.reason]));
  assert.match(why['127.0.0.1:3311'] ?? '', /replicates from 127\.0\.0\.1:9999/);
  assert.match(why['127.0.0.1:3312'] ?? '', /not healthy \(IO Connecting/);
  assert.match(why['127.0.0.1:3313'] ?? '', /errant transactions the primary lacks: 1-13-4/);
  assert.match(why['127.0.0.1:3314'] ?? '', /unreachable: connect ECONNREFUSED/);
});

test('candidate: force accepts a reachable server that breaks the rules, never an unreachable one', () => {
  const r = chooseCandidate({
    candidates: [
      replica('127.0.0.1:3313', '0-1-9,1-13-4', 1, { source: '' }),
      { uuid: 'u4', address: '127.0.0.1:3314', weight: 9, error: 'timeout' },
    ],
    oldPrimary: { address: OLD, gtidExecuted: '0-1-9' },
    force: true,
  });
  assert.equal(r.chosen?.address, '127.0.0.1:3313');
});

test('candidate: a failover ignores the dead primary and prefers the superset', () => {
  const r = chooseCandidate({
    candidates: [
      replica('127.0.0.1:3311', '0-1-215', 1, { ioRunning: 'Connecting' }),
      replica('127.0.0.1:3312', '0-1-205', 3, { ioRunning: 'Connecting' }),
    ],
    force: false,
  });
  assert.equal(r.chosen?.address, '127.0.0.1:3311');
  assert.equal(r.considered.filter((c) => c.eligible).length, 2);
});
