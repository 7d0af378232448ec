/**
 * The inbound half of RaftService.Stream: decodes each batch, checks who it
 * is from and for, hands the messages to the node and acks the batch.
 *
 * Two kinds of refusal:
 * - A stream from another cluster, or meant for another node (the sender's
 *   address book is stale), is ended with PEER_REJECTED: nothing on it can
 *   ever be delivered, and the sender should know.
 * - A malformed batch or message is dropped, counted and logged once; the
 *   stream stays up and nothing else changes. An undecodable batch is not
 *   acked, but the next good batch's cumulative ack covers it.
 *
 * The first good batch of a stream (an empty one is a greeting) tells the
 * node its sender is up, so a stream back to it that is waiting out a
 * backoff is redialed at once.
 */
import * as grpc from '@grpc/grpc-js';

import type { Message, NodeId } from '../raft/index.js';
import { isFabricError } from '../util/fabric-error.js';
import { decodeMessage } from './codec.js';
import type { InboundContext } from './inbound-context.js';
import { rejection } from './peer-rejection.js';
import type { DecodedBatch } from './stream-frame.js';
import { decodeBatch, encodeAck } from './stream-frame.js';
import { malformed } from './wire-fields.js';
import type { Origin } from './transport-stats.js';

type Call = grpc.ServerDuplexStream<Buffer, Buffer>;

export function handleStream(ctx: InboundContext, call: Call): void {
  if (ctx.isClosed()) {
    call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'SHUTTING_DOWN' });
    return;
  }
  const remote = call.getPeer();
  /** The sender, pinned by the first good batch. */
  let sender: NodeId | undefined;
  let acked = 0;
  let done = false;
  const stop = (): void => {
    if (done) return;
    done = true;
    ctx.openCalls.delete(stop);
    call.end();
  };
  ctx.openCalls.add(stop);
  // Headers tell the sender the stream is established; it writes only after them.
  call.sendMetadata(new grpc.Metadata());

  call.on('data', (b: Buffer) => {
    if (done) return;
    const origin = { peer: sender ?? '?', remote };
    let batch: DecodedBatch;
    try {
      batch = decodeBatch(b);
      checkEnds(ctx, batch, sender);
    } catch (err) {
      ctx.stats.malformed(ctx.log, origin, err);
      const refusal = refusalOf(err);
      if (refusal !== undefined) {
        done = true;
        ctx.openCalls.delete(stop);
        call.emit('error', rejection(refusal));
      }
      return;
    }
    if (sender === undefined) ctx.peerAlive(batch.sender);
    sender = batch.sender;
    ctx.stats.batchReceived(b.byteLength);
    deliverBatch(ctx, batch, { peer: sender, remote });
    acked = Math.max(acked, batch.seq);
    call.write(encodeAck({ ackedSeq: acked, windowBatches: ctx.windowBatches }));
  });
  call.on('end', stop);
  // The sender cancelled or the connection died: nothing to answer.
  call.on('error', () => {
    done = true;
    ctx.openCalls.delete(stop);
  });
}

/** Throws MALFORMED_MESSAGE when the batch does not belong on this stream. */
function checkEnds(ctx: InboundContext, b: DecodedBatch, sender: NodeId | undefined): void {
  if (b.clusterId !== ctx.clusterId) {
    malformed('cluster_id', `foreign cluster '${b.clusterId}' (this is '${ctx.clusterId}')`);
  }
  if (b.recipient !== ctx.nodeId) {
    malformed('recipient_node_id', `addressed to node '${b.recipient}', this is '${ctx.nodeId}'`);
  }
  if (b.sender === '' || b.sender === ctx.nodeId)
    malformed('sender_node_id', `bad sender '${b.sender}'`);
  if (sender !== undefined && b.sender !== sender) {
    malformed('sender_node_id', `changed from '${sender}' to '${b.sender}' mid-stream`);
  }
}

/** A reason to end the whole stream, for refusals that no later batch can fix. */
function refusalOf(err: unknown): string | undefined {
  if (!isFabricError(err, 'MALFORMED_MESSAGE')) return undefined;
  const field = err.details.field;
  return field === 'cluster_id' || field === 'recipient_node_id' ? err.message : undefined;
}

function deliverBatch(ctx: InboundContext, batch: DecodedBatch, origin: Origin): void {
  if (ctx.faults?.isBlocked(batch.sender, ctx.nodeId) === true) {
    ctx.stats.dropped('blocked-inbound', batch.messages.length);
    return;
  }
  for (const w of batch.messages) {
    let m: Message;
    try {
      m = decodeMessage(w);
      if (m.from !== batch.sender) {
        malformed('from_node_id', `'${m.from}' on a stream from '${batch.sender}'`);
      }
      if (m.to !== ctx.nodeId) malformed('to_node_id', `addressed to node '${m.to}'`);
    } catch (err) {
      ctx.stats.malformed(ctx.log, origin, err);
      continue;
    }
    ctx.stats.messageReceived();
    ctx.dispatch.deliver(m);
  }
}
