import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { TopologyWatch } from '../../src/client/index.js';
import type { OpenWatch } from '../../src/client/index.js';
import { Inbox } from './farm-harness.js';

/** A hang guard, not a timing assertion: a lost message fails the test instead of the suite. */
const GUARD = { timeout: 30_000 };

/** A client stream the test drives: data, errors and clean ends. */
class FakeStream extends EventEmitter {
  cancelled = false;
  cancel(): void {
    this.cancelled = true;
  }
  send(epoch: number): void {
    this.emit('data', {
      topology: { epoch, groups: [], servers: [], fabric_nodes: [] },
    });
  }
  fail(code: grpc.status, details: string): void {
    const md = new grpc.Metadata();
    this.emit('error', Object.assign(new Error(details), { code, details, metadata: md }));
    this.emit('status', { code, details, metadata: md });
  }
  end(): void {
    this.emit('status', { code: grpc.status.OK, details: 'OK', metadata: new grpc.Metadata() });
  }
}

/** Records each stream the watch opens, with the epoch it asked from. */
function opener(): { open: OpenWatch; opened: Inbox<{ from: number; stream: FakeStream }> } {
  const opened = new Inbox<{ from: number; stream: FakeStream }>();
  const open: OpenWatch = (from) => {
    const stream = new FakeStream();
    opened.push({ from, stream });
    return stream as unknown as ReturnType<OpenWatch>;
  };
  return { open, opened };
}

const fast = { initialBackoffMs: 1, maxBackoffMs: 2 };

test(
  'topology watch client: reconnects from the last epoch delivered, once per epoch',
  GUARD,
  async () => {
    const { open, opened } = opener();
    const seen: number[] = [];
    const errors: string[] = [];
    const w = new TopologyWatch(
      open,
      5,
      (t) => seen.push(t.epoch),
      (e, retrying) => errors.push(`${e.code}:${String(retrying)}`),
      fast,
    );
    const first = await opened.next();
    assert.equal(first.from, 5);
    first.stream.send(6);
    first.stream.send(7);
    first.stream.send(7); // a duplicate (or older) epoch is never delivered twice
    first.stream.fail(grpc.status.UNAVAILABLE, 'node went away');
    const second = await opened.next();
    assert.equal(second.from, 7, 'resumes after the last epoch delivered');
    second.stream.send(9);
    second.stream.end(); // the server ended the stream cleanly: reconnect too
    const third = await opened.next();
    assert.equal(third.from, 9);
    assert.equal(w.epoch, 9);
    w.close();
    await w.done;
    assert.ok(third.stream.cancelled, 'close cancels the open stream');
    assert.deepEqual(seen, [6, 7, 9]);
    assert.deepEqual(errors, ['PEER_UNREACHABLE:true']);
  },
);

test(
  'topology watch client: epoch 0 is delivered once even if a reconnect sends it again',
  GUARD,
  async () => {
    const { open, opened } = opener();
    const seen: number[] = [];
    const w = new TopologyWatch(open, 0, (t) => seen.push(t.epoch), undefined, fast);
    const first = await opened.next();
    first.stream.send(0);
    first.stream.fail(grpc.status.UNAVAILABLE, 'gone');
    const second = await opened.next();
    assert.equal(second.from, 0);
    second.stream.send(0);
    second.stream.send(1);
    w.close();
    assert.deepEqual(seen, [0, 1]);
  },
);

test('topology watch client: an error retrying cannot fix stops the watch', GUARD, async () => {
  const { open, opened } = opener();
  const errors: boolean[] = [];
  const w = new TopologyWatch(
    open,
    0,
    () => undefined,
    (_e, retrying) => errors.push(retrying),
    fast,
  );
  (await opened.next()).stream.fail(grpc.status.UNIMPLEMENTED, 'no TopologyService here');
  await assert.rejects(w.done, /no TopologyService here/);
  assert.deepEqual(errors, [false]);
  assert.equal(opened.pending, 0, 'no reconnect');
});
