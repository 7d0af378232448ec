/**
 * The outbound half of RaftService.Stream to one peer: a queue, one
 * long-lived bidi call carrying batches, and a window of unacked batches.
 *
 * - The call is opened lazily, when there is something to send, and re-opened
 *   after a failure once the backoff delay has passed.
 * - Nothing is written until the receiver's response headers arrive, so a
 *   peer that is down costs no messages: they wait in the queue.
 * - A flush runs once per event-loop turn (setImmediate), after an ack and
 *   after 'drain': every message queued in the meantime (several send()
 *   calls, or a full window) leaves together, in batches cut at
 *   maxMessageBytes.
 * - At most `maxInflightBatches` batches are unacked (fewer if the receiver
 *   advertises a smaller window). When the stream breaks, unacked batches are
 *   counted lost, not resent: Raft tolerates loss and duplicates, but a
 *   resend could reorder them behind newer messages.
 * - A peer that stays connected but stops reading never acks: when batches
 *   are in flight (or the call's headers are awaited) and no ack arrives
 *   within ackTimeoutMs, the call is reset like a broken one. Keepalive
 *   pings cannot see this: the peer's HTTP/2 layer still answers them.
 * - greet() says hello to a peer we just learned: an empty batch, so a
 *   restarted node makes its peers redial it at once (they hear from it on
 *   their server and reset their backoff) instead of after their backoff.
 *   A greeting is never retried: a peer that stays down is not dialed
 *   again until there is something to send.
 */
import * as grpc from '@grpc/grpc-js';

import type { NodeId } from '../raft/index.js';
import type { Logger } from '../util/logger.js';
import type { Backoff } from './backoff.js';
import type { HandlerDispatch } from './handler-dispatch.js';
import { OutboundQueue } from './outbound-queue.js';
import { peerError } from './peer-rejection.js';
import { STREAM_PATH, rawBytes } from './proto.js';
import type { StreamEnds } from './stream-frame.js';
import { batchFieldSize, batchHeaderBound, decodeAck, encodeBatch } from './stream-frame.js';
import type { StatsRecorder } from './transport-stats.js';

export interface StreamLimits {
  readonly maxMessageBytes: number;
  readonly maxInflightBatches: number;
  readonly maxQueuedBytes: number;
  readonly maxQueuedMessages: number;
  /** No ack for this long while one is due resets the call. */
  readonly ackTimeoutMs: number;
}

export interface PeerStreamDeps {
  readonly ends: StreamEnds;
  readonly log: Logger;
  readonly stats: StatsRecorder;
  readonly dispatch: HandlerDispatch;
  readonly limits: StreamLimits;
  readonly backoff: Backoff;
}

type Call = grpc.ClientDuplexStream<Buffer, Buffer>;

export class PeerStream {
  readonly #d: PeerStreamDeps;
  readonly #peer: NodeId;
  readonly #queue: OutboundQueue;
  /** Largest total of batch fields that fits in one frame. */
  readonly #budget: number;
  #client: grpc.Client;
  #address: string;
  /** The open call, if any. Events from an older call are ignored. */
  #call: Call | undefined;
  /** The receiver sent its headers: the call is established and may be written. */
  #ready = false;
  /** call.write() returned false; wait for 'drain'. */
  #blocked = false;
  /** Message counts of unacked batches; the first is batch #acked + 1. */
  #inflight: number[] = [];
  #acked = 0;
  #window: number;
  #retry: NodeJS.Timeout | undefined;
  #flush: NodeJS.Immediate | undefined;
  /** Armed while an ack (or the call's headers) is due. */
  #ackTimer: NodeJS.Timeout | undefined;
  /** Send an empty batch if nothing else goes out first. */
  #greeting = false;
  /** The queue overflowed and the core was told; cleared once the queue empties. */
  #overflowing = false;
  #closed = false;

  constructor(deps: PeerStreamDeps, client: grpc.Client, address: string) {
    this.#d = deps;
    this.#peer = deps.ends.recipient;
    this.#client = client;
    this.#address = address;
    const l = deps.limits;
    this.#queue = new OutboundQueue(l.maxQueuedBytes, l.maxQueuedMessages);
    this.#budget = l.maxMessageBytes - batchHeaderBound(deps.ends);
    this.#window = l.maxInflightBatches;
  }

  /** Queues one encoded message; non-blocking. */
  enqueue(encoded: Buffer): void {
    if (this.#closed) return;
    if (batchFieldSize(encoded) > this.#budget) {
      this.#d.stats.dropped('oversized');
      this.#d.log.error(
        {
          peer: this.#peer,
          bytes: encoded.byteLength,
          maxMessageBytes: this.#d.limits.maxMessageBytes,
        },
        'transport: dropped a message larger than maxMessageBytes (raise it above the core maxSizePerMsg)',
      );
      return;
    }
    if (!this.#queue.push(encoded)) {
      this.#overflow();
      return;
    }
    this.#scheduleFlush();
  }

  /** Says hello to the peer: an empty batch unless something else goes out first. */
  greet(): void {
    if (this.#closed) return;
    this.#greeting = true;
    this.#scheduleFlush();
  }

  /**
   * The last attempt to reach the peer failed and no call is established
   * since: worth redialing (on a fresh channel) when the peer shows up.
   */
  get failing(): boolean {
    return this.#d.backoff.failures > 0 && (this.#call === undefined || !this.#ready);
  }

  /** Points the stream at a new address; queued messages are kept. */
  retarget(client: grpc.Client, address: string): void {
    this.#endCall();
    this.#client = client;
    this.#address = address;
    this.#d.backoff.reset();
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#scheduleFlush();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#retry);
    clearTimeout(this.#ackTimer);
    clearImmediate(this.#flush);
    this.#endCall();
    this.#queue.clear();
  }

  #overflow(): void {
    this.#d.stats.dropped('overflow');
    if (this.#overflowing) return;
    this.#overflowing = true;
    this.#d.log.warn(
      { peer: this.#peer, queued: this.#queue.length, queuedBytes: this.#queue.bytes },
      'transport: send queue full; dropping the newest messages until it drains',
    );
    this.#d.dispatch.unreachable(this.#peer);
  }

  #scheduleFlush(): void {
    this.#flush ??= setImmediate(() => {
      this.#flush = undefined;
      this.#pump();
    });
  }

  /** Opens the call if needed, then writes batches while the window and the socket allow. */
  #pump(): void {
    if (this.#closed || (this.#queue.length === 0 && !this.#greeting)) return;
    if (this.#call === undefined) {
      if (this.#retry === undefined) this.#open();
      return;
    }
    if (!this.#ready) return;
    while (
      !this.#blocked &&
      (this.#queue.length > 0 || this.#greeting) &&
      this.#inflight.length < this.#window
    ) {
      const batch = this.#queue.take(this.#budget);
      const frame = encodeBatch(this.#d.ends, this.#acked + this.#inflight.length + 1, batch);
      if (this.#inflight.length === 0) this.#armAckTimer();
      this.#inflight.push(batch.length);
      this.#greeting = false;
      this.#d.stats.batchSent(frame.byteLength, batch.length);
      this.#blocked = !this.#call.write(frame);
    }
    if (this.#queue.length === 0) this.#overflowing = false;
  }

  #open(): void {
    const call = this.#client.makeBidiStreamRequest(
      STREAM_PATH,
      rawBytes,
      rawBytes,
      new grpc.Metadata(),
      {},
    );
    this.#call = call;
    this.#ready = false;
    this.#blocked = false;
    this.#inflight = [];
    this.#acked = 0;
    this.#window = this.#d.limits.maxInflightBatches;
    this.#armAckTimer();
    call.on('metadata', () => {
      if (call !== this.#call) return;
      this.#ready = true;
      this.#disarmAckTimer();
      this.#pump();
    });
    call.on('data', (b: Buffer) => {
      this.#onAck(call, b);
    });
    call.on('drain', () => {
      if (call !== this.#call) return;
      this.#blocked = false;
      this.#pump();
    });
    call.on('status', (s: grpc.StatusObject) => {
      this.#onEnd(call, s);
    });
    // Failures are handled on 'status'; without a listener 'error' would throw.
    call.on('error', () => undefined);
  }

  #onAck(call: Call, b: Buffer): void {
    if (call !== this.#call) return;
    let ack;
    try {
      ack = decodeAck(b);
    } catch (err) {
      this.#d.stats.malformed(this.#d.log, { peer: this.#peer, remote: this.#address }, err);
      return;
    }
    const freed = Math.min(Math.max(ack.ackedSeq - this.#acked, 0), this.#inflight.length);
    this.#inflight.splice(0, freed);
    this.#acked += freed;
    if (this.#inflight.length === 0) this.#disarmAckTimer();
    else if (freed > 0) this.#armAckTimer();
    const w = ack.windowBatches;
    this.#window = w > 0 ? Math.min(w, this.#d.limits.maxInflightBatches) : this.#window;
    // An ack proves the whole path works; only now is the backoff forgiven.
    this.#d.backoff.reset();
    this.#pump();
  }

  #armAckTimer(): void {
    clearTimeout(this.#ackTimer);
    this.#ackTimer = setTimeout(() => {
      this.#ackTimer = undefined;
      this.#onAckTimeout();
    }, this.#d.limits.ackTimeoutMs);
  }

  #disarmAckTimer(): void {
    clearTimeout(this.#ackTimer);
    this.#ackTimer = undefined;
  }

  /** The peer is connected but silent: reset the call as if it had broken. */
  #onAckTimeout(): void {
    const call = this.#call;
    if (call === undefined) return;
    const waited = this.#ready ? 'an acknowledgement' : 'the stream headers';
    this.#d.log.warn(
      {
        peer: this.#peer,
        address: this.#address,
        inflightBatches: this.#inflight.length,
        ackTimeoutMs: this.#d.limits.ackTimeoutMs,
      },
      `transport: no acknowledgement from peer: waited ${this.#d.limits.ackTimeoutMs} ms for ${waited}; resetting the stream`,
    );
    this.#onEnd(call, {
      code: grpc.status.DEADLINE_EXCEEDED,
      details: `no acknowledgement within ${this.#d.limits.ackTimeoutMs} ms`,
      metadata: new grpc.Metadata(),
    });
    call.cancel();
  }

  #onEnd(call: Call, s: grpc.StatusObject): void {
    if (call !== this.#call) return;
    this.#dropCall();
    // A greeting is not worth a retry: a peer that is down greets us when it is back.
    this.#greeting = false;
    const err = peerError(this.#peer, this.#address, s);
    const delay = this.#d.backoff.next();
    const first = this.#d.backoff.failures === 1;
    const log = { peer: this.#peer, address: this.#address, code: err.code, err, retryInMs: delay };
    if (err.code === 'PEER_REJECTED') this.#d.log.warn(log, 'transport: peer refused the stream');
    else if (first) this.#d.log.info(log, 'transport: stream to peer failed');
    else this.#d.log.debug(log, 'transport: stream to peer failed again');
    this.#d.dispatch.unreachable(this.#peer);
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.#pump();
    }, delay);
  }

  /** Forgets the current call; its unacked batches are lost. */
  #dropCall(): Call | undefined {
    const call = this.#call;
    this.#call = undefined;
    this.#disarmAckTimer();
    const lost = this.#inflight.reduce((a, n) => a + n, 0);
    if (lost > 0) this.#d.stats.dropped('in-flight-lost', lost);
    this.#inflight = [];
    return call;
  }

  /** Ends the current call on our own initiative: no failure is reported. */
  #endCall(): void {
    this.#dropCall()?.cancel();
  }
}
