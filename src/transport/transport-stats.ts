/**
 * Counters of what the transport did and dropped, for tests, the bench and
 * (later) metrics. Raft tolerates loss, so every drop is counted here rather
 * than surfaced as an error.
 */
import type { Logger } from '../util/logger.js';
import { isFabricError } from '../util/fabric-error.js';

export const DROP_REASONS = [
  /** The peer's send queue was full; the newest message was dropped. */
  'overflow',
  /** A single message larger than maxMessageBytes could never be sent. */
  'oversized',
  /** The core handed over a value the wire cannot carry (a core bug). */
  'unencodable',
  /** No address is known for the recipient. */
  'unknown-peer',
  /** FaultInjector blocked the pair, on the sending side. */
  'blocked-outbound',
  /** FaultInjector blocked the pair, on the receiving side. */
  'blocked-inbound',
  /** Written to a stream that broke before the batch was acked: maybe delivered, maybe not. */
  'in-flight-lost',
  /** A second snapshot to a peer while one is still being sent. */
  'snapshot-busy',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface TransportStats {
  readonly batchesSent: number;
  readonly messagesSent: number;
  readonly largestBatchSent: number;
  readonly batchesReceived: number;
  readonly messagesReceived: number;
  readonly largestBatchReceived: number;
  /** Inbound frames or messages refused as malformed (each logged once). */
  readonly malformed: number;
  /** Dropped messages by reason. */
  readonly dropped: Readonly<Record<DropReason, number>>;
  readonly snapshotsSent: number;
  readonly snapshotsReceived: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Where a malformed input came from: the node id it claimed (if any) and the socket peer. */
export interface Origin {
  readonly peer: string;
  readonly remote: string;
}

export class StatsRecorder {
  readonly #s: Mutable<Omit<TransportStats, 'dropped'>> = {
    batchesSent: 0,
    messagesSent: 0,
    largestBatchSent: 0,
    batchesReceived: 0,
    messagesReceived: 0,
    largestBatchReceived: 0,
    malformed: 0,
    snapshotsSent: 0,
    snapshotsReceived: 0,
  };
  readonly #dropped = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<
    DropReason,
    number
  >;

  batchSent(bytes: number, messages: number): void {
    this.#s.batchesSent++;
    this.#s.messagesSent += messages;
    this.#s.largestBatchSent = Math.max(this.#s.largestBatchSent, bytes);
  }

  batchReceived(bytes: number): void {
    this.#s.batchesReceived++;
    this.#s.largestBatchReceived = Math.max(this.#s.largestBatchReceived, bytes);
  }

  messageReceived(): void {
    this.#s.messagesReceived++;
  }

  snapshotSent(): void {
    this.#s.snapshotsSent++;
  }

  snapshotReceived(): void {
    this.#s.snapshotsReceived++;
  }

  dropped(reason: DropReason, n = 1): void {
    this.#dropped[reason] += n;
  }

  /**
   * Counts and logs one malformed input, once, with who sent it and why.
   * Nothing else happens: the input is dropped and no state changes.
   */
  malformed(log: Logger, origin: Origin, err: unknown): void {
    this.#s.malformed++;
    const reason = isFabricError(err) ? err.message : String(err);
    log.warn(
      { peer: origin.peer, remote: origin.remote, reason, code: 'MALFORMED_MESSAGE' },
      'transport: dropped a malformed message from a peer',
    );
  }

  snapshot(): TransportStats {
    return Object.freeze({ ...this.#s, dropped: Object.freeze({ ...this.#dropped }) });
  }
}
