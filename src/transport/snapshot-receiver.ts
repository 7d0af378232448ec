/**
 * The receiving side of InstallSnapshot: checks the header, reassembles the
 * chunks (in order, without gaps, up to the announced size and never past
 * maxSnapshotBytes), and hands the node one 'snap' message with the full data.
 *
 * Answers once: accepted after the last chunk, or refused as soon as
 * something is wrong (the rest of the upload is then ignored). A foreign
 * cluster or a snapshot meant for another node ends the call with
 * PEER_REJECTED, as on Stream.
 */
import * as grpc from '@grpc/grpc-js';

import type { Message, NodeId } from '../raft/index.js';
import { isFabricError } from '../util/fabric-error.js';
import { decodeMessage } from './codec.js';
import type { InboundContext } from './inbound-context.js';
import { rejection } from './peer-rejection.js';
import type { SnapshotMessage, SnapshotPart } from './snapshot-frame.js';
import { decodeSnapshotPart, encodeSnapshotResult } from './snapshot-frame.js';
import { malformed } from './wire-fields.js';

type Call = grpc.ServerReadableStream<Buffer, Buffer>;

/** Fields whose failure means no upload on this call could ever be accepted. */
const WHOLE_CALL_REFUSALS: ReadonlySet<unknown> = new Set(['header.cluster_id', 'to_node_id']);

interface Transfer {
  readonly header: SnapshotMessage;
  readonly total: number;
  readonly chunks: Uint8Array[];
  received: number;
}

export function handleInstallSnapshot(
  ctx: InboundContext,
  call: Call,
  callback: grpc.sendUnaryData<Buffer>,
): void {
  const remote = call.getPeer();
  let sender: NodeId = '?';
  let transfer: Transfer | undefined;
  let done = false;
  const answer = (accepted: boolean, reason: string): void => {
    if (done) return;
    done = true;
    ctx.openCalls.delete(stop);
    const receivedBytes = transfer?.received ?? 0;
    callback(null, encodeSnapshotResult({ accepted, receivedBytes, reason }));
  };
  const refuse = (err: unknown): void => {
    ctx.stats.malformed(ctx.log, { peer: sender, remote }, err);
    answer(false, (err as Error).message);
  };
  const stop = (): void => {
    if (done) return;
    done = true;
    ctx.openCalls.delete(stop);
    callback({ code: grpc.status.UNAVAILABLE, details: 'SHUTTING_DOWN' });
  };
  if (ctx.isClosed()) {
    stop();
    return;
  }
  ctx.openCalls.add(stop);

  call.on('data', (b: Buffer) => {
    if (done) return;
    try {
      const part = decodeSnapshotPart(b);
      if (part.kind === 'header') {
        if (transfer !== undefined) malformed('header', 'a second header');
        transfer = startTransfer(ctx, part);
        sender = transfer.header.from;
      } else {
        if (transfer === undefined) malformed('chunk', 'a chunk before the header');
        addChunk(transfer, part);
      }
    } catch (err) {
      if (isFabricError(err) && WHOLE_CALL_REFUSALS.has(err.details.field)) {
        ctx.stats.malformed(ctx.log, { peer: sender, remote }, err);
        done = true;
        ctx.openCalls.delete(stop);
        callback(rejection((err as Error).message));
      } else {
        refuse(err);
      }
    }
  });
  call.on('end', () => {
    if (done) return;
    try {
      const m = finishTransfer(transfer);
      if (ctx.faults?.isBlocked(m.from, ctx.nodeId) === true) {
        ctx.stats.dropped('blocked-inbound');
        answer(false, 'dropped by the fault injector');
        return;
      }
      ctx.stats.snapshotReceived();
      ctx.dispatch.deliver(m);
      answer(true, '');
    } catch (err) {
      refuse(err);
    }
  });
  call.on('error', () => {
    // The sender cancelled or the connection died: the partial snapshot is discarded.
    done = true;
    ctx.openCalls.delete(stop);
  });
}

function startTransfer(ctx: InboundContext, h: SnapshotPart & { kind: 'header' }): Transfer {
  if (h.clusterId !== ctx.clusterId) {
    malformed('header.cluster_id', `foreign cluster '${h.clusterId}' (this is '${ctx.clusterId}')`);
  }
  const m: Message = decodeMessage(h.message, new Uint8Array(0));
  if (m.type !== 'snap') malformed('header.message', `a '${m.type}' message, not a snapshot`);
  if (m.to !== ctx.nodeId) malformed('to_node_id', `addressed to node '${m.to}'`);
  if (m.from === '' || m.from === ctx.nodeId) malformed('from_node_id', `bad sender '${m.from}'`);
  if (h.totalBytes > ctx.maxSnapshotBytes) {
    malformed(
      'header.total_bytes',
      `${h.totalBytes} bytes exceeds the limit of ${ctx.maxSnapshotBytes}`,
    );
  }
  return { header: m, total: h.totalBytes, chunks: [], received: 0 };
}

function addChunk(t: Transfer, c: SnapshotPart & { kind: 'chunk' }): void {
  if (c.offset !== t.received) malformed('chunk.offset', `${c.offset}, expected ${t.received}`);
  if (t.received + c.data.byteLength > t.total) {
    malformed('chunk.data', `runs past the announced ${t.total} bytes`);
  }
  t.chunks.push(c.data);
  t.received += c.data.byteLength;
}

function finishTransfer(t: Transfer | undefined): Message {
  if (t === undefined) malformed('header', 'the upload ended before a header');
  if (t.received !== t.total) malformed('chunk', `got ${t.received} of ${t.total} bytes`);
  const data = new Uint8Array(t.total);
  let at = 0;
  for (const c of t.chunks) {
    data.set(c, at);
    at += c.byteLength;
  }
  return { ...t.header, snapshot: { metadata: t.header.snapshot.metadata, data } };
}
