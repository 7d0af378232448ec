/**
 * Reconnect: capped exponential backoff with jitter (injectable random),
 * onUnreachable on every failed attempt, queued messages kept while the peer
 * is down, and the stream re-opened when it comes back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Backoff } from '../../src/transport/internal.js';
import { deadPort, heartbeat, sleep, startNode, tags, waitFor } from './harness.js';

const series = (b: Backoff, n: number): number[] => Array.from({ length: n }, () => b.next());

test('transport: backoff doubles from 50 ms to a 2 s cap, jittered into [d/2, d]', () => {
  const low = new Backoff({ initialMs: 50, maxMs: 2000, random: () => 0 });
  assert.deepEqual(series(low, 9), [25, 50, 100, 200, 400, 800, 1000, 1000, 1000]);
  const high = new Backoff({ initialMs: 50, maxMs: 2000, random: () => 0.999999 });
  assert.deepEqual(series(high, 8), [50, 100, 200, 400, 800, 1600, 2000, 2000]);
  const values = [0.5, 0.25];
  const mid = new Backoff({ initialMs: 50, maxMs: 2000, random: () => values.shift() ?? 0 });
  assert.deepEqual(series(mid, 2), [38, 63]);
});

test('transport: backoff resets after success and never overflows', () => {
  const b = new Backoff({ initialMs: 50, maxMs: 2000, random: () => 0 });
  series(b, 5000);
  assert.equal(b.next(), 1000);
  b.reset();
  assert.equal(b.failures, 0);
  assert.equal(b.next(), 25);
  assert.throws(() => new Backoff({ initialMs: 0, maxMs: 10, random: Math.random }), RangeError);
});

test('transport: a down peer is retried with growing delays, reported each time, and gets the queued messages when up', async (t) => {
  const port = await deadPort();
  const a = await startNode('a', { random: () => 0 });
  t.after(() => a.close());
  a.transport.setPeer('b', `127.0.0.1:${port}`);
  a.transport.send([heartbeat('a', 'b', 'queued-while-down')]);
  await sleep(1600);
  // random 0 gives delays 25, 50, 100, 200, 400, 800 ms: about 6 failures in 1.6 s.
  const at = a.unreachableAt;
  assert.ok(at.length >= 4 && at.length <= 8, `${at.length} failures`);
  assert.ok(a.unreachable.every((p) => p === 'b'));
  const gaps = at.slice(1).map((x, i) => x - at[i]!);
  assert.ok(gaps.at(-1)! > 4 * gaps[0]!, `gaps grow: ${gaps.map(Math.round).join(', ')}`);
  assert.ok(
    a.lines.some((l) => l.msg.includes('stream to peer failed') && l.code === 'PEER_UNREACHABLE'),
  );

  const b = await startNode('b', { port });
  t.after(() => b.close());
  await waitFor('the queued message', () => b.inbox.length === 1, 8000);
  assert.deepEqual(tags(b.inbox), ['queued-while-down']);
});

test('transport: a broken stream is reported and re-opened when the peer restarts', async (t) => {
  const a = await startNode('a');
  let b = await startNode('b');
  t.after(() => Promise.all([a.close(), b.close()]));
  const port = Number(b.address.split(':')[1]);
  a.transport.setPeer('b', b.address);
  a.transport.send([heartbeat('a', 'b', 1)]);
  await waitFor('first message', () => b.inbox.length === 1);

  await b.close();
  await waitFor('the break to be reported', () => a.unreachable.includes('b'));
  b = await startNode('b', { port });
  a.transport.send([heartbeat('a', 'b', 2)]);
  await waitFor('a message on the new stream', () => b.inbox.length === 1, 8000);
  assert.deepEqual(tags(b.inbox), ['2']);
});
