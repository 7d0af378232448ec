/**
 * Snapshots: InstallSnapshot streams a header and data chunks; the receiver
 * reassembles them within its size limit, checks offsets and the total, and
 * delivers one 'snap' message; the sender reports the outcome.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';

import * as grpc from '@grpc/grpc-js';

import type { Message } from '../../src/raft/index.js';
import {
  ERROR_CODE_KEY,
  INSTALL_SNAPSHOT_PATH,
  decodeSnapshotResult,
  encodeSnapshotChunk,
  encodeSnapshotHeader,
  rawBytes,
} from '../../src/transport/internal.js';
import { CLUSTER, connectAll, deadPort, heartbeat, startNode, tags, waitFor } from './harness.js';

type Snap = Extract<Message, { type: 'snap' }>;

function snap(from: string, to: string, data: Uint8Array): Snap {
  return {
    type: 'snap',
    from,
    to,
    term: 3,
    snapshot: {
      metadata: { index: 500, term: 3, conf: { voters: ['a', 'b', 'c'], learners: [] } },
      data,
    },
  };
}

test('transport: a multi-MiB snapshot arrives whole through small chunks', async (t) => {
  const [a, b] = await Promise.all([
    startNode('a', { snapshotChunkBytes: 64 * 1024 }),
    startNode('b'),
  ]);
  t.after(() => Promise.all([a.close(), b.close()]));
  connectAll([a, b]);
  const m = snap('a', 'b', new Uint8Array(randomBytes(6 * 1024 * 1024 + 123)));
  a.transport.send([heartbeat('a', 'b', 'before'), m, heartbeat('a', 'b', 'after')]);
  await waitFor('the snapshot status', () => a.snapshotStatus.length === 1, 10_000);
  assert.deepEqual(a.snapshotStatus, [{ peer: 'b', ok: true }]);
  const got = b.inbox.filter((x) => x.type === 'snap');
  assert.equal(got.length, 1);
  assert.deepStrictEqual(got[0], m);
  await waitFor('the heartbeats', () => tags(b.inbox).length === 2);
  assert.equal(b.transport.stats().snapshotsReceived, 1);
  assert.equal(a.transport.stats().snapshotsSent, 1);
});

test('transport: an empty snapshot is delivered too', async (t) => {
  const [a, b] = await Promise.all([startNode('a'), startNode('b')]);
  t.after(() => Promise.all([a.close(), b.close()]));
  connectAll([a, b]);
  const m = snap('a', 'b', new Uint8Array(0));
  a.transport.send([m]);
  await waitFor('the snapshot', () => b.inbox.length === 1);
  assert.deepStrictEqual(b.inbox[0], m);
  await waitFor('the status', () => a.snapshotStatus.length === 1);
  assert.deepEqual(a.snapshotStatus, [{ peer: 'b', ok: true }]);
});

test('transport: a snapshot above the receiver limit is refused and reported failed', async (t) => {
  const [a, b] = await Promise.all([
    startNode('a'),
    startNode('b', { maxSnapshotBytes: 1024 * 1024 }),
  ]);
  t.after(() => Promise.all([a.close(), b.close()]));
  connectAll([a, b]);
  a.transport.send([snap('a', 'b', new Uint8Array(2 * 1024 * 1024))]);
  await waitFor('the snapshot status', () => a.snapshotStatus.length === 1);
  assert.deepEqual(a.snapshotStatus, [{ peer: 'b', ok: false }]);
  assert.deepEqual(b.inbox, []);
  assert.ok(b.lines.some((l) => String(l.reason).includes('exceeds the limit')));
  assert.ok(a.lines.some((l) => l.msg.includes('peer refused a snapshot')));
});

test('transport: a snapshot to a down peer is reported failed', async (t) => {
  const a = await startNode('a');
  t.after(() => a.close());
  a.transport.setPeer('b', `127.0.0.1:${await deadPort()}`);
  a.transport.send([snap('a', 'b', new Uint8Array(1000))]);
  await waitFor('the snapshot status', () => a.snapshotStatus.length === 1);
  assert.deepEqual(a.snapshotStatus, [{ peer: 'b', ok: false }]);
});

/** Uploads raw parts with a plain client; resolves with the status or the decoded answer. */
function upload(address: string, parts: Buffer[]) {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  return new Promise<{ err: grpc.ServiceError | null; accepted?: boolean; reason?: string }>(
    (resolve) => {
      const call = client.makeClientStreamRequest(
        INSTALL_SNAPSHOT_PATH,
        rawBytes,
        rawBytes,
        (err, res) => {
          client.close();
          if (err !== null || res === undefined) resolve({ err });
          else resolve({ err: null, ...decodeSnapshotResult(res) });
        },
      );
      call.on('error', () => undefined);
      for (const p of parts) call.write(p);
      call.end();
    },
  );
}

test('transport: malformed snapshot uploads are refused without reaching the node', async (t) => {
  const b = await startNode('b');
  t.after(() => b.close());
  const m = snap('x', 'b', new Uint8Array(10));
  const header = encodeSnapshotHeader(CLUSTER, m);
  const cases: [Buffer[], RegExp][] = [
    [[encodeSnapshotChunk(0, new Uint8Array(10))], /a chunk before the header/],
    [[header, encodeSnapshotChunk(5, new Uint8Array(5))], /chunk\.offset: 5, expected 0/],
    [[header, encodeSnapshotChunk(0, new Uint8Array(11))], /runs past the announced 10 bytes/],
    [[header, encodeSnapshotChunk(0, new Uint8Array(4))], /got 4 of 10 bytes/],
    [[header, header], /a second header/],
    [[Buffer.from([0xff, 0xff])], /undecodable/],
    [[encodeSnapshotHeader(CLUSTER, { ...m, from: 'b' })], /bad sender/],
  ];
  for (const [parts, reason] of cases) {
    const r = await upload(b.address, parts);
    assert.equal(r.err, null);
    assert.equal(r.accepted, false);
    assert.match(r.reason ?? '', reason);
  }
  assert.equal(b.transport.stats().malformed, cases.length);
  const foreign = await upload(b.address, [encodeSnapshotHeader('intruders', m)]);
  assert.equal(foreign.err?.code, grpc.status.FAILED_PRECONDITION);
  assert.deepEqual(foreign.err.metadata.get(ERROR_CODE_KEY), ['PEER_REJECTED']);
  const good = await upload(b.address, [header, encodeSnapshotChunk(0, new Uint8Array(10))]);
  assert.equal(good.accepted, true);
  assert.deepStrictEqual(b.inbox, [m]);
});
