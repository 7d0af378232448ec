/**
 * close(): ends streams, calls and timers so the process can exit, and the
 * handler hears nothing afterwards.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { heartbeat, sleep, startNode, waitFor } from './harness.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/exit-after-close.ts', import.meta.url));

test('transport: close() ends streams and timers so the process can exit', async () => {
  const out = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', FIXTURE],
      { timeout: 20_000, killSignal: 'SIGKILL' },
      (err, stdout, stderr) => {
        if (err !== null) reject(new Error(`${err.message}\n${stderr}`));
        else resolve(`${stdout}exited at ${Date.now()}\n`);
      },
    );
  });
  const closedAt = Number(/^closed at (\d+); handler calls after close: 0$/m.exec(out)?.[1]);
  const exitedAt = Number(/^exited at (\d+)$/m.exec(out)?.[1]);
  // Node's own exit and the callback take a few ms; a leaked retry timer takes ~1.6 s.
  assert.ok(exitedAt - closedAt < 700, `exited ${exitedAt - closedAt} ms after close`);
});

test('transport: close() ends the streams peers opened to this node', async (t) => {
  const [a, b] = await Promise.all([startNode('a'), startNode('b')]);
  t.after(() => Promise.all([a.close(), b.close()]));
  a.transport.setPeer('b', b.address);
  a.transport.send([heartbeat('a', 'b', 1)]);
  await waitFor('the stream', () => b.inbox.length === 1);
  await b.transport.close(); // b's server keeps running
  await waitFor('a to see its stream end', () => a.unreachable.includes('b'));
});

test('transport: after close() the handler hears nothing and send() is a no-op', async (t) => {
  const [a, b] = await Promise.all([startNode('a'), startNode('b')]);
  t.after(() => b.close());
  a.transport.setPeer('b', b.address);
  a.transport.send([heartbeat('a', 'zz', 1)]); // would report 'zz' unreachable in a microtask
  await a.close();
  await a.close(); // idempotent
  a.transport.send([heartbeat('a', 'b', 2)]);
  a.transport.setPeer('c', b.address);
  await sleep(50);
  assert.deepEqual(a.unreachable, []);
  assert.deepEqual(b.inbox, []);
});
