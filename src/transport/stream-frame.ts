/**
 * Frames on RaftService.Stream: a StreamRequest is a batch of messages, a
 * StreamResponse acks batches.
 *
 * A batch is built by hand from messages encoded once each: the serialized
 * header fields, then one length-delimited `messages` field (number 5) per
 * message. Protobuf parses concatenated fields as one message, so this is a
 * valid StreamRequest, and its exact size is known before it is built: the
 * sender can cut batches at maxMessageBytes without encoding anything twice.
 */
import type { NodeId } from '../raft/index.js';
import { WIRE } from './proto.js';
import { decodeBytes, list, malformed, record, str, u64 } from './wire-fields.js';

/** Key of StreamRequest.messages: field 5, wire type 2 (length-delimited). */
const MESSAGES_KEY = (5 << 3) | 2;

/** Who a stream runs between; repeated in every batch (see StreamRequest). */
export interface StreamEnds {
  readonly clusterId: string;
  readonly sender: NodeId;
  readonly recipient: NodeId;
}

export interface DecodedBatch extends StreamEnds {
  readonly seq: number;
  /** Still-undecoded raft.v1.Message objects: each is checked on its own. */
  readonly messages: readonly unknown[];
}

function varintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    size++;
  }
  return size;
}

function varint(n: number): Buffer {
  const out = Buffer.allocUnsafe(varintSize(n));
  let i = 0;
  while (n >= 0x80) {
    out[i++] = (n % 0x80) | 0x80;
    n = Math.floor(n / 0x80);
  }
  out[i] = n;
  return out;
}

/** Bytes one encoded message adds to a batch. */
export function batchFieldSize(encoded: Uint8Array): number {
  return 1 + varintSize(encoded.byteLength) + encoded.byteLength;
}

function encodeHeader(ends: StreamEnds, seq: number): Buffer {
  return WIRE.streamRequest.serialize({
    cluster_id: ends.clusterId,
    sender_node_id: ends.sender,
    recipient_node_id: ends.recipient,
    seq,
  });
}

/** An upper bound on a batch's header size, whatever its seq. */
export function batchHeaderBound(ends: StreamEnds): number {
  return encodeHeader(ends, Number.MAX_SAFE_INTEGER).byteLength;
}

export function encodeBatch(ends: StreamEnds, seq: number, messages: readonly Buffer[]): Buffer {
  const parts = [encodeHeader(ends, seq)];
  for (const m of messages) parts.push(Buffer.of(MESSAGES_KEY), varint(m.byteLength), m);
  return Buffer.concat(parts);
}

/** Throws MALFORMED_MESSAGE. */
export function decodeBatch(b: Buffer): DecodedBatch {
  const r = record(decodeBytes(WIRE.streamRequest, b, 'batch'), 'batch');
  return {
    clusterId: str(r.cluster_id, 'cluster_id'),
    sender: str(r.sender_node_id, 'sender_node_id'),
    recipient: str(r.recipient_node_id, 'recipient_node_id'),
    seq: u64(r.seq, 'seq'),
    messages: list(r.messages, 'messages'),
  };
}

export interface Ack {
  readonly ackedSeq: number;
  readonly windowBatches: number;
}

export function encodeAck(ack: Ack): Buffer {
  return WIRE.streamResponse.serialize({
    acked_seq: ack.ackedSeq,
    window_batches: ack.windowBatches,
  });
}

/** Throws MALFORMED_MESSAGE. */
export function decodeAck(b: Buffer): Ack {
  const r = record(decodeBytes(WIRE.streamResponse, b, 'ack'), 'ack');
  const window = r.window_batches;
  if (typeof window !== 'number') malformed('ack.window_batches', 'not a number');
  return { ackedSeq: u64(r.acked_seq, 'ack.acked_seq'), windowBatches: window };
}
