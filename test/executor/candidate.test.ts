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

/** A frozen failover candidate (IO thread stopped by the freeze) of server_id `serverId`. */
function frozen(
  address: string,
  serverId: number,
  history: string,
  weight = 1,
  over: Partial<NonNullable<CandidateView['probe']>> = {},
): CandidateView {
  const gtid = history
    .split(',')
    .filter((g) => g.startsWith('0-'))
    .sort((a, b) => Number(a.split('-')[2]) - Number(b.split('-')[2]))
    .at(-1);
  return replica(address, gtid ?? '', weight, {
    ioRunning: 'No',
    gtidHistory: history,
    serverId,
    sqlError: '',
    ...over,
  });
}

const LAST_SEEN = { engine: 'mariadb', gtidExecuted: '0-1-100', serverId: 1, at: 1 } as const;

test('candidate: a failover refuses a candidate with transactions the dead primary lacked when last seen, even with more weight', () => {
  const r = chooseCandidate({
    candidates: [
      frozen('127.0.0.1:3311', 11, '0-1-100,0-11-101', 9),
      frozen('127.0.0.1:3312', 12, '0-1-100', 1),
    ],
    deadPrimary: { address: OLD, lastSeen: LAST_SEEN },
    force: false,
  });
  assert.equal(r.chosen?.address, '127.0.0.1:3312');
  assert.match(
    r.considered.find((c) => c.address === '127.0.0.1:3311')?.reason ?? '',
    /errant transactions the dead primary 127\.0\.0\.1:3310 lacked when last seen: 0-11-101/,
  );
});

test('candidate: a failover accepts the dead primary’s own transactions written after it was last seen', () => {
  const r = chooseCandidate({
    candidates: [
      frozen('127.0.0.1:3311', 11, '0-1-104', 1),
      frozen('127.0.0.1:3312', 12, '0-1-102', 1),
    ],
    deadPrimary: { address: OLD, lastSeen: LAST_SEEN },
    force: false,
  });
  assert.equal(r.chosen?.address, '127.0.0.1:3311');
  assert.ok(r.considered.every((c) => c.eligible));
});

test('candidate: without a last-seen primary, a failover refuses transactions a candidate wrote itself that the others lack', () => {
  const r = chooseCandidate({
    candidates: [
      frozen('127.0.0.1:3311', 11, '0-1-100,0-11-101', 9),
      frozen('127.0.0.1:3312', 12, '0-1-100', 1),
    ],
    deadPrimary: { address: OLD },
    force: false,
  });
  assert.equal(r.chosen?.address, '127.0.0.1:3312');
  assert.match(
    r.considered.find((c) => c.address === '127.0.0.1:3311')?.reason ?? '',
    /errant transactions it wrote itself that other candidates lack: 0-11-101/,
  );
});

test('candidate: a failover refuses broken replication and other sources; none clean, none chosen', () => {
  const r = chooseCandidate({
    candidates: [
      frozen('127.0.0.1:3311', 11, '0-1-100', 1, {
        sqlRunning: false,
        sqlError: "Could not execute Write_rows_v1 event on table app.t; Duplicate entry '7'",
      }),
      frozen('127.0.0.1:3312', 12, '0-1-100', 1, { source: '127.0.0.1:9999' }),
      frozen('127.0.0.1:3313', 13, '0-1-100,0-13-101', 1),
    ],
    deadPrimary: { address: OLD, lastSeen: LAST_SEEN },
    force: false,
  });
  assert.equal(r.chosen, undefined);
  assert.deepEqual(
    r.considered.map((c) => c.reason.replace(/:.*/, '')),
    [
      'replication is broken',
      'replicates from 127.0.0.1',
      'has errant transactions the dead primary 127.0.0.1',
    ],
  );
  assert.match(
    r.considered[0]?.reason ?? '',
    /SQL thread is stopped \(Could not execute.*Duplicate entry/,
  );
});

test('candidate: a shard group’s failover takes the global domain’s transactions (relayed, written elsewhere) as expected, not errant', () => {
  // Domain 0 is the shard group's own, domain 7 the global group's: the
  // dead shard primary relayed 7-50-31 after the detector last saw it.
  const candidates = [
    frozen('127.0.0.1:3311', 11, '0-1-100,7-50-31', 1),
    frozen('127.0.0.1:3312', 12, '0-1-100,7-50-30', 1),
  ];
  const blind = chooseCandidate({
    candidates,
    deadPrimary: { address: OLD, lastSeen: LAST_SEEN },
    force: false,
  });
  assert.match(blind.considered[0]?.reason ?? '', /errant transactions .*7-50-31/);
  const r = chooseCandidate({
    candidates,
    deadPrimary: { address: OLD, lastSeen: LAST_SEEN },
    force: false,
    relayedDomains: [7],
  });
  assert.equal(r.chosen?.address, '127.0.0.1:3311', 'the one with more global transactions');
  assert.ok(r.considered.every((c) => c.eligible));
});

test('candidate: a shard group’s switchover does not count relayed global transactions as errant', () => {
  const r = chooseCandidate({
    candidates: [replica('127.0.0.1:3311', '0-1-9,7-50-4', 1, { gtidHistory: '0-1-9,7-50-4' })],
    oldPrimary: { address: OLD, gtidExecuted: '0-1-9,7-50-3', gtidHistory: '0-1-9,7-50-3' },
    force: false,
    relayedDomains: [7],
  });
  assert.equal(r.chosen?.address, '127.0.0.1:3311');
});
