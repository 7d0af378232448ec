/**
 * How long a replica has received nothing from its source, as one node's
 * probes see it (src/detector/runtime/receipts.ts): the heartbeat count and
 * the read position are compared between probes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReceiptClock } from '../../src/detector/runtime/receipts.js';
import { replicaStatus } from '../mysql/replica-status-fixture.js';

const status = replicaStatus;

test('detector receipts: unknown at first, zero when heartbeats or events arrive, growing while nothing does', () => {
  const c = new ReceiptClock();
  assert.equal(c.ageMs('s2', status(), 1_000), null, 'one probe cannot tell');
  assert.equal(c.ageMs('s2', status(), 1_200), 200, 'nothing arrived for at least 200 ms');
  assert.equal(c.ageMs('s2', status({ receivedHeartbeats: 11 }), 1_400), 0, 'a heartbeat');
  assert.equal(c.ageMs('s2', status({ receivedHeartbeats: 11 }), 1_900), 500);
  assert.equal(
    c.ageMs('s2', status({ receivedHeartbeats: 11, readPosition: 'mysql-bin.000001:900' }), 2_000),
    0,
    'an event (a busy source sends no heartbeats)',
  );
  assert.equal(c.ageMs('s3', status(), 2_000), null, 'each replica has its own clock');
});

test('detector receipts: a new source starts afresh; forgotten replicas are dropped', () => {
  const c = new ReceiptClock();
  c.ageMs('s2', status(), 0);
  assert.equal(c.ageMs('s2', status(), 900), 900);
  assert.equal(
    c.ageMs('s2', status({ sourcePort: 3311 }), 1_000),
    0,
    'repointed: its counters reset',
  );
  c.retain(new Set());
  assert.equal(c.ageMs('s2', status({ sourcePort: 3311 }), 1_100), null);
});
