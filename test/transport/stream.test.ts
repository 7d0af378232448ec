/**
 * Stream: one long-lived stream per peer carrying ordered batches, a bounded
 * window of unacked batches, a bounded queue that drops the newest messages
 * (and says so) when full, batches cut at maxMessageBytes, and refusal of a
 * stream from a foreign cluster.
 */
import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { test } from 'node:test';

import { startFakeReceiver } from './fake-receiver.js';
import { WARN, append, connectAll, heartbeat, sleep, startNode, tags, waitFor } from './harness.js';

test('transport: messages to a peer arrive once each, in order, over one stream', async (t) => {
  const [a, b] = await Promise.all([startNode('a'), startNode('b')]);
  t.after(() => Promise.all([a.close(), b.close()]));
  connectAll([a, b]);
  const sent: string[] = [];
  for (let turn = 0; turn < 50; turn++) {
    const batch = Array.from({ length: turn % 7 }, (_, i) => `${turn}.${i}`);
    sent.push(...batch);
    a.transport.send(batch.map((tag) => heartbeat('a', 'b', tag)));
    if (turn % 3 === 0) await nextTurn();
  }
  await waitFor('all heartbeats', () => b.inbox.length === sent.length);
  assert.deepEqual(tags(b.inbox), sent);
  assert.ok(b.inbox.every((m) => m.from === 'a' && m.to === 'b' && m.term === 1));
  assert.deepEqual(a.unreachable, []);
});

test('transport: messages sent within one turn leave as one batch (batching)', async (t) => {
  const [a, b] = await Promise.all([startNode('a'), startNode('b')]);
  t.after(() => Promise.all([a.close(), b.close()]));
  connectAll([a, b]);
  for (let i = 0; i < 200; i++) a.transport.send([heartbeat('a', 'b', i)]);
  await waitFor('200 heartbeats', () => b.inbox.length === 200);
  assert.equal(a.transport.stats().batchesSent, 1);
  assert.equal(b.transport.stats().batchesReceived, 1);
});

test('transport: at most maxInflightBatches are unacked; messages queued meanwhile go out together', async (t) => {
  const fake = await startFakeReceiver();
  const a = await startNode('a', { maxInflightBatches: 8 });
  t.after(async () => {
    await a.close();
    fake.close();
  });
  a.transport.setPeer('b', fake.address);
  for (let i = 0; i < 8; i++) {
    a.transport.send([heartbeat('a', 'b', i)]);
    await waitFor(`batch ${i + 1}`, () => fake.batches.length === i + 1);
  }
  // The window is full: these wait in the queue, whatever turns they arrive in.
  for (let i = 8; i < 28; i++) {
    a.transport.send([heartbeat('a', 'b', i)]);
    await nextTurn();
  }
  await sleep(50);
  assert.equal(fake.batches.length, 8);
  fake.ack(8);
  await waitFor('the next batch', () => fake.batches.length === 9);
  assert.equal(fake.batches[8]!.seq, 9);
  assert.equal(fake.batches[8]!.messages.length, 20);
  assert.deepEqual(a.unreachable, []);
});

test('transport: a full send queue drops the newest messages and reports the peer unreachable (backpressure)', async (t) => {
  const fake = await startFakeReceiver();
  const a = await startNode('a', { maxInflightBatches: 1, maxQueuedBytes: 64 * 1024 });
  t.after(async () => {
    await a.close();
    fake.close();
  });
  a.transport.setPeer('b', fake.address);
  a.transport.send([heartbeat('a', 'b', 'first')]);
  await waitFor('the first batch', () => fake.batches.length === 1);
  // 40 x 4 KiB appends against a 64 KiB queue while the window is full.
  a.transport.send(Array.from({ length: 40 }, (_, i) => append('a', 'b', i + 1, 4096)));
  await nextTurn();
  const dropped = a.transport.stats().dropped.overflow;
  assert.ok(dropped > 20 && dropped < 40, `dropped ${dropped}`);
  assert.deepEqual(a.unreachable, ['b'], 'reported once per overflow episode');
  assert.ok(a.lines.some((l) => l.level === WARN && l.msg.includes('send queue full')));
  fake.ack(1);
  await waitFor('the queued appends', () => fake.batches.length === 2);
  // The oldest survive: what is delivered is the contiguous prefix 1..k.
  const indexes = fake.batches[1]!.messages.map((w) => {
    const app = (w as { append: { entries: { index: string }[] } }).append;
    return Number(app.entries[0]!.index);
  });
  assert.deepEqual(
    indexes,
    Array.from({ length: 40 - dropped }, (_, i) => i + 1),
  );
});

test('transport: a batch larger than maxMessageBytes is split into frames under the limit', async (t) => {
  const limit = 64 * 1024;
  const [a, b] = await Promise.all([
    startNode('a', { maxMessageBytes: limit }),
    startNode('b', { maxMessageBytes: limit }),
  ]);
  t.after(() => Promise.all([a.close(), b.close()]));
  connectAll([a, b]);
  const msgs = Array.from({ length: 100 }, (_, i) => append('a', 'b', i + 1, 3000));
  a.transport.send(msgs);
  await waitFor('100 appends', () => b.inbox.length === 100);
  assert.deepStrictEqual(b.inbox, msgs);
  const sa = a.transport.stats();
  const sb = b.transport.stats();
  assert.ok(sa.batchesSent >= 5, `${sa.batchesSent} batches`);
  assert.ok(sa.largestBatchSent <= limit && sb.largestBatchReceived <= limit);
  assert.ok(sa.largestBatchSent > limit * 0.9, 'batches are filled, not one message each');
});

test('transport: a single message above maxMessageBytes is dropped and logged, the stream carries on', async (t) => {
  const limit = 16 * 1024;
  const [a, b] = await Promise.all([
    startNode('a', { maxMessageBytes: limit }),
    startNode('b', { maxMessageBytes: limit }),
  ]);
  t.after(() => Promise.all([a.close(), b.close()]));
  connectAll([a, b]);
  a.transport.send([heartbeat('a', 'b', 1), append('a', 'b', 1, limit), heartbeat('a', 'b', 2)]);
  await waitFor('two heartbeats', () => b.inbox.length === 2);
  assert.deepEqual(tags(b.inbox), ['1', '2']);
  assert.equal(a.transport.stats().dropped.oversized, 1);
  assert.ok(a.lines.some((l) => l.msg.includes('larger than maxMessageBytes')));
});

test('transport: a stream from a foreign cluster is refused with PEER_REJECTED', async (t) => {
  const [a, b] = await Promise.all([startNode('a', { clusterId: 'other' }), startNode('b')]);
  t.after(() => Promise.all([a.close(), b.close()]));
  connectAll([a, b]);
  a.transport.send([heartbeat('a', 'b', 1)]);
  await waitFor('the refusal', () => a.unreachable.includes('b'));
  assert.deepEqual(b.inbox, []);
  const refused = a.lines.find((l) => l.code === 'PEER_REJECTED');
  assert.ok(refused, 'sender logs PEER_REJECTED');
  assert.match((refused.err as { message: string }).message, /foreign cluster 'other'/);
  assert.equal(b.transport.stats().malformed, 1);
});

test('transport: a stream meant for another node id (stale address) is refused with PEER_REJECTED', async (t) => {
  const [a, b] = await Promise.all([startNode('a'), startNode('b')]);
  t.after(() => Promise.all([a.close(), b.close()]));
  a.transport.setPeer('c', b.address); // c's old address, now b's
  a.transport.send([heartbeat('a', 'c', 1)]);
  await waitFor('the refusal', () => a.unreachable.includes('c'));
  assert.deepEqual(b.inbox, []);
  assert.ok(a.lines.some((l) => l.code === 'PEER_REJECTED'));
});

test('transport: setPeer to a new address moves the stream there', async (t) => {
  const [a, b, b2] = await Promise.all([startNode('a'), startNode('b'), startNode('b')]);
  t.after(() => Promise.all([a.close(), b.close(), b2.close()]));
  a.transport.setPeer('b', b.address);
  a.transport.send([heartbeat('a', 'b', 'old')]);
  await waitFor('old address', () => b.inbox.length === 1);
  a.transport.setPeer('b', b2.address);
  a.transport.send([heartbeat('a', 'b', 'new')]);
  await waitFor('new address', () => b2.inbox.length === 1);
  assert.deepEqual(tags(b2.inbox), ['new']);
  assert.equal(b.inbox.length, 1);
});

test('transport: messages to a peer with no address are dropped and reported unreachable', async (t) => {
  const a = await startNode('a');
  t.after(() => a.close());
  a.transport.send([heartbeat('a', 'zz', 1), heartbeat('a', 'zz', 2)]);
  await nextTurn();
  assert.deepEqual(a.unreachable, ['zz']);
  assert.equal(a.transport.stats().dropped['unknown-peer'], 2);
});
