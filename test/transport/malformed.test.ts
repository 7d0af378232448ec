/**
 * Malformed input: a plain gRPC client writes raw frames to a node. Each bad
 * frame or message is logged once with the peer and the reason, counted and
 * dropped; nothing reaches the node and the stream keeps working.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as grpc from '@grpc/grpc-js';

import {
  ERROR_CODE_KEY,
  STREAM_PATH,
  WIRE,
  encodeBatch,
  encodeMessage,
  rawBytes,
} from '../../src/transport/internal.js';
import { CLUSTER, WARN, heartbeat, startNode, waitFor } from './harness.js';

const ENDS = { clusterId: CLUSTER, sender: 'x', recipient: 'b' };
const wireMsg = (o: object): Buffer =>
  WIRE.message.serialize({ from_node_id: 'x', to_node_id: 'b', term: 1, ...o });

test('transport: malformed peer messages are logged once, counted, dropped and change nothing', async (t) => {
  const b = await startNode('b');
  const client = new grpc.Client(b.address, grpc.credentials.createInsecure());
  t.after(async () => {
    client.close();
    await b.close();
  });
  const call = client.makeBidiStreamRequest(STREAM_PATH, rawBytes, rawBytes);
  const acks: Buffer[] = [];
  call.on('data', (d: Buffer) => acks.push(d));
  call.on('error', () => undefined);

  const frames: [Buffer, RegExp][] = [
    [Buffer.from([0xff, 0xff, 0xff]), /^batch: undecodable bytes/],
    [encodeBatch(ENDS, 1, [wireMsg({})]), /^body: no known message type/],
    [
      encodeBatch(ENDS, 2, [
        wireMsg({
          append: { entries: [{ term: 1, index: 1, conf_change: { type: 7, node_id: 'q' } }] },
        }),
      ]),
      /conf_change\.type: unknown change type 7/,
    ],
    [
      encodeBatch(ENDS, 3, [encodeMessage(heartbeat('x', 'c', 1))]),
      /^to_node_id: addressed to node 'c'/,
    ],
    [encodeBatch(ENDS, 4, [wireMsg({ term: '9007199254740993', timeout_now: {} })]), /^term: /],
    [
      encodeBatch(ENDS, 5, [encodeMessage(heartbeat('y', 'b', 1))]),
      /^from_node_id: 'y' on a stream from 'x'/,
    ],
  ];
  for (const [frame] of frames) call.write(frame);
  call.write(encodeBatch(ENDS, 6, [encodeMessage(heartbeat('x', 'b', 'good'))]));
  await waitFor('the good message', () => b.inbox.length === 1);

  assert.deepEqual(b.inbox, [heartbeat('x', 'b', 'good')]);
  assert.deepEqual(b.unreachable, []);
  assert.equal(b.transport.stats().malformed, frames.length);
  const warned = b.lines.filter((l) => l.level === WARN && l.code === 'MALFORMED_MESSAGE');
  assert.equal(warned.length, frames.length, 'one log line per malformed input');
  warned.forEach((l, i) => {
    assert.match(String(l.reason), frames[i]![1]);
    assert.equal(l.peer, i === 0 ? '?' : 'x', 'the claimed sender, once known');
    assert.match(String(l.remote), /127\.0\.0\.1/);
  });
  await waitFor('acks', () => acks.length === 6);
  call.end();
});

test('transport: a batch from a foreign cluster ends the stream with FAILED_PRECONDITION / PEER_REJECTED', async (t) => {
  const b = await startNode('b');
  const client = new grpc.Client(b.address, grpc.credentials.createInsecure());
  t.after(async () => {
    client.close();
    await b.close();
  });
  const call = client.makeBidiStreamRequest(STREAM_PATH, rawBytes, rawBytes);
  const status = new Promise<grpc.StatusObject>((resolve) => call.on('status', resolve));
  call.on('error', () => undefined);
  call.on('data', () => undefined);
  call.write(
    encodeBatch({ ...ENDS, clusterId: 'intruders' }, 1, [encodeMessage(heartbeat('x', 'b', 1))]),
  );
  const s = await status;
  assert.equal(s.code, grpc.status.FAILED_PRECONDITION);
  assert.deepEqual(s.metadata.get(ERROR_CODE_KEY), ['PEER_REJECTED']);
  assert.match(s.details, /foreign cluster 'intruders'/);
  assert.deepEqual(b.inbox, []);
  assert.equal(b.transport.stats().malformed, 1);
});
