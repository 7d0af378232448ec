/**
 * Liveness of peer streams: a peer that stays connected but stops reading is
 * caught by the acknowledgement timeout; a node greets the peers it learns,
 * and a peer it hears from is redialed at once, whatever the backoff said.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { startFakeReceiver } from './fake-receiver.js';
import { WARN, deadPort, heartbeat, sleep, startNode, tags, waitFor } from './harness.js';

test('transport: a peer that stops reading is detected by the ack timeout and its stream reset', async (t) => {
  const fake = await startFakeReceiver({ read: false });
  const a = await startNode('a', { ackTimeoutMs: 200 });
  t.after(async () => {
    await a.close();
    fake.close();
  });
  a.transport.setPeer('b', fake.address);
  a.transport.send([heartbeat('a', 'b', 'never-acked')]);
  await waitFor('the timeout to report b', () => a.unreachable.includes('b'));
  const line = a.lines.find((l) => l.msg.includes('no acknowledgement'));
  assert.equal(line?.level, WARN, 'said at warn');
  assert.equal(line.peer, 'b');
  assert.ok(a.transport.stats().dropped['in-flight-lost'] >= 1, 'the unacked batch is lost');
  // The next message goes out on a new stream, not behind the wedged one.
  a.transport.send([heartbeat('a', 'b', 'next')]);
  await waitFor('a second stream', () => fake.streams() >= 2);
});

test('transport: a peer that comes back is redialed at once when it greets us, whatever the backoff', async (t) => {
  const port = await deadPort();
  // Without the redial, the queued message would wait a minute for the next attempt.
  const a = await startNode('a', { reconnectBackoff: { initialMs: 60_000, maxMs: 60_000 } });
  t.after(() => a.close());
  a.transport.setPeer('b', `127.0.0.1:${port}`);
  a.transport.send([heartbeat('a', 'b', 'queued-while-down')]);
  await waitFor('the first failure', () => a.unreachable.includes('b'));

  const b = await startNode('b', { port });
  t.after(() => b.close());
  // b has nothing to send: learning its peer is enough for it to say hello.
  b.transport.setPeer('a', a.address);
  await waitFor('the queued message', () => b.inbox.length === 1);
  assert.deepEqual(tags(b.inbox), ['queued-while-down']);
  assert.deepEqual(a.inbox, [], 'the greeting carries no message');
});

test('transport: a greeting to a peer that is down is not retried (no flood)', async (t) => {
  const port = await deadPort();
  const a = await startNode('a');
  t.after(() => a.close());
  a.transport.setPeer('b', `127.0.0.1:${port}`);
  await waitFor('the failed greeting', () => a.unreachable.includes('b'));
  await sleep(500);
  assert.deepEqual(a.unreachable, ['b'], 'one dial, then silence until there is something to send');
});
