import type { NodeId } from '../raft/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { Logger } from '../util/logger.js';
import type { TransportSecurity } from './credentials.js';
import type { FaultInjector } from './fault-injector.js';
import { DEFAULT_MAX_MESSAGE_BYTES, RECONNECT_BACKOFF } from './grpc-options.js';
import type { TransportHandler } from './handler-dispatch.js';

export interface PeerTransportOptions {
  readonly nodeId: NodeId;
  readonly clusterId: string;
  readonly security: TransportSecurity;
  readonly logger: Logger;
  readonly handler: TransportHandler;
  /**
   * gRPC receive/send limit, and the largest batch the sender builds; default
   * 16 MiB. Build the node's server with peerServerOptions(the same value).
   * Must exceed the core's maxSizePerMsg, or full-size appends are dropped.
   */
  readonly maxMessageBytes?: number;
  /** Snapshot chunk size; default 1 MiB. */
  readonly snapshotChunkBytes?: number;
  /** Largest snapshot this node accepts; default 1 GiB. */
  readonly maxSnapshotBytes?: number;
  /** Unacked batches per peer stream; default 8. */
  readonly maxInflightBatches?: number;
  /**
   * Bytes queued per peer before the newest messages are dropped; default
   * 32 MiB (at least maxMessageBytes). A safety net: the core already bounds
   * what it has in flight to a follower (maxInflightBytes, 4 MiB by default).
   */
  readonly maxQueuedBytes?: number;
  /** Messages queued per peer before the newest are dropped; default 10,000. */
  readonly maxQueuedMessages?: number;
  /**
   * A stream with batches in flight (or not yet answered with headers) that
   * gets no acknowledgement for this long is reset: its peer is connected
   * but not reading. Default 5 s, far above any healthy ack round trip.
   */
  readonly ackTimeoutMs?: number;
  /** Reconnect backoff; default 50 ms doubling to 2 s (RECONNECT_BACKOFF). */
  readonly reconnectBackoff?: { readonly initialMs: number; readonly maxMs: number };
  /** Source of reconnect jitter, a number in [0, 1); default Math.random. */
  readonly random?: () => number;
  /** Tests only. */
  readonly faults?: FaultInjector;
}

export type ResolvedOptions = Required<Omit<PeerTransportOptions, 'faults'>> & {
  readonly faults: FaultInjector | undefined;
};

const DEFAULT_MAX_QUEUED_BYTES = 32 * 1024 * 1024;
const DEFAULT_ACK_TIMEOUT_MS = 5_000;

/** Room for a chunk's framing inside maxMessageBytes. */
const CHUNK_OVERHEAD = 64;

function positiveInt(name: string, v: number, min = 1): number {
  if (!Number.isSafeInteger(v) || v < min) {
    throw new FabricError(
      'INVALID_ARGUMENT',
      `transport: ${name} must be an integer >= ${min}, got ${v}`,
      {
        field: name,
      },
    );
  }
  return v;
}

/** Fills in defaults and checks bounds. Throws INVALID_ARGUMENT. */
export function resolveOptions(o: PeerTransportOptions): ResolvedOptions {
  if (o.nodeId === '') throw new FabricError('INVALID_ARGUMENT', 'transport: nodeId is empty');
  const maxMessageBytes = positiveInt(
    'maxMessageBytes',
    o.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    1024,
  );
  const chunk = positiveInt('snapshotChunkBytes', o.snapshotChunkBytes ?? 1024 * 1024);
  return {
    nodeId: o.nodeId,
    clusterId: o.clusterId,
    security: o.security,
    logger: o.logger,
    handler: o.handler,
    maxMessageBytes,
    snapshotChunkBytes: Math.min(chunk, maxMessageBytes - CHUNK_OVERHEAD),
    maxSnapshotBytes: positiveInt('maxSnapshotBytes', o.maxSnapshotBytes ?? 1024 ** 3, 0),
    maxInflightBatches: positiveInt('maxInflightBatches', o.maxInflightBatches ?? 8),
    maxQueuedBytes: positiveInt(
      'maxQueuedBytes',
      o.maxQueuedBytes ?? Math.max(DEFAULT_MAX_QUEUED_BYTES, maxMessageBytes),
    ),
    maxQueuedMessages: positiveInt('maxQueuedMessages', o.maxQueuedMessages ?? 10_000),
    ackTimeoutMs: positiveInt('ackTimeoutMs', o.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS),
    reconnectBackoff: o.reconnectBackoff ?? RECONNECT_BACKOFF,
    random: o.random ?? Math.random,
    faults: o.faults,
  };
}
