import type { Message, NodeId } from '../raft/index.js';
import type { Logger } from '../util/logger.js';

/** What the transport reports to the node driver. */
export interface TransportHandler {
  /** A decoded, validated inbound core message (incl. a reassembled 'snap' with full data). */
  onMessage(m: Message): void;
  /** Sending to `peer` failed (stream broken, connect failed, send queue full). */
  onUnreachable(peer: NodeId): void;
  /** Outcome of an outbound snapshot. */
  onSnapshotStatus(peer: NodeId, ok: boolean): void;
}

/**
 * Calls the handler on the transport's behalf. Failure reports are deferred
 * to a microtask, because they can arise inside send(): the driver is then in
 * the middle of handling a Ready and must not be re-entered. Unreachable
 * reports for one peer within a turn collapse into one. After close() the
 * handler hears nothing more, and a throwing handler never breaks a stream.
 */
export class HandlerDispatch {
  readonly #handler: TransportHandler;
  readonly #log: Logger;
  readonly #unreachable = new Set<NodeId>();
  #closed = false;

  constructor(handler: TransportHandler, log: Logger) {
    this.#handler = handler;
    this.#log = log;
  }

  deliver(m: Message): void {
    if (this.#closed) return;
    this.#guard('onMessage', () => {
      this.#handler.onMessage(m);
    });
  }

  unreachable(peer: NodeId): void {
    if (this.#closed || this.#unreachable.has(peer)) return;
    this.#unreachable.add(peer);
    queueMicrotask(() => {
      this.#unreachable.delete(peer);
      if (this.#closed) return;
      this.#guard('onUnreachable', () => {
        this.#handler.onUnreachable(peer);
      });
    });
  }

  snapshotStatus(peer: NodeId, ok: boolean): void {
    queueMicrotask(() => {
      if (this.#closed) return;
      this.#guard('onSnapshotStatus', () => {
        this.#handler.onSnapshotStatus(peer, ok);
      });
    });
  }

  close(): void {
    this.#closed = true;
  }

  #guard(what: string, f: () => void): void {
    try {
      f();
    } catch (err) {
      this.#log.error({ err }, `transport: the node's ${what} handler threw`);
    }
  }
}
