/**
 * Frames of RaftService.InstallSnapshot: one header, then data chunks, then
 * a single response from the receiver.
 */
import type { Message } from '../raft/index.js';
import { toWireMessage } from './codec.js';
import { WIRE } from './proto.js';
import { bool, decodeBytes, malformed, record, str, u64 } from './wire-fields.js';

export type SnapshotMessage = Extract<Message, { readonly type: 'snap' }>;

export type SnapshotPart =
  | {
      readonly kind: 'header';
      readonly clusterId: string;
      /** The undecoded raft.v1.Message announcing the snapshot. */
      readonly message: unknown;
      readonly totalBytes: number;
    }
  | { readonly kind: 'chunk'; readonly offset: number; readonly data: Uint8Array };

export interface SnapshotResult {
  readonly accepted: boolean;
  readonly receivedBytes: number;
  readonly reason: string;
}

/** Throws MALFORMED_MESSAGE when the core message cannot be encoded. */
export function encodeSnapshotHeader(clusterId: string, m: SnapshotMessage): Buffer {
  return WIRE.installSnapshotRequest.serialize({
    header: {
      cluster_id: clusterId,
      message: toWireMessage(m),
      total_bytes: m.snapshot.data.byteLength,
    },
  });
}

export function encodeSnapshotChunk(offset: number, data: Uint8Array): Buffer {
  return WIRE.installSnapshotRequest.serialize({ chunk: { offset, data } });
}

/** Throws MALFORMED_MESSAGE. */
export function decodeSnapshotPart(b: Buffer): SnapshotPart {
  const r = record(decodeBytes(WIRE.installSnapshotRequest, b, 'part'), 'part');
  if (r.part === 'header') {
    const h = record(r.header, 'header');
    return {
      kind: 'header',
      clusterId: str(h.cluster_id, 'header.cluster_id'),
      message: record(h.message, 'header.message'),
      totalBytes: u64(h.total_bytes, 'header.total_bytes'),
    };
  }
  if (r.part === 'chunk') {
    const c = record(r.chunk, 'chunk');
    const data = c.data;
    if (!(data instanceof Uint8Array)) malformed('chunk.data', 'not bytes');
    return { kind: 'chunk', offset: u64(c.offset, 'chunk.offset'), data };
  }
  return malformed('part', 'neither header nor chunk');
}

export function encodeSnapshotResult(r: SnapshotResult): Buffer {
  return WIRE.installSnapshotResponse.serialize({
    accepted: r.accepted,
    received_bytes: r.receivedBytes,
    reason: r.reason,
  });
}

/** Throws MALFORMED_MESSAGE. */
export function decodeSnapshotResult(b: Buffer): SnapshotResult {
  const r = record(decodeBytes(WIRE.installSnapshotResponse, b, 'result'), 'result');
  return {
    accepted: bool(r.accepted, 'accepted'),
    receivedBytes: u64(r.received_bytes, 'received_bytes'),
    reason: str(r.reason, 'reason'),
  };
}
