import * as grpc from '@grpc/grpc-js';
import type { Topology__Output } from '../gen/fabric/v1/Topology.js';
import type { TopologyServiceWatchResponse__Output } from '../gen/fabric/v1/TopologyServiceWatchResponse.js';
import { fromServiceError } from '../wire/errors.js';
import type { FabricCallError } from '../wire/errors.js';

/** Opens one Watch stream from an epoch. */
export type OpenWatch = (
  fromEpoch: number,
) => grpc.ClientReadableStream<TopologyServiceWatchResponse__Output>;

/** Called with each newer topology, in epoch order. */
export type TopologyListener = (topology: Topology__Output) => void;

/** Called when a stream fails; `retrying` is false when the watch gives up (done rejects). */
export type WatchErrorListener = (error: FabricCallError, retrying: boolean) => void;

export interface WatchOptions {
  /** First reconnect delay (default 100 ms); doubles per failed attempt. */
  readonly initialBackoffMs?: number;
  /** Longest reconnect delay (default 5000 ms). */
  readonly maxBackoffMs?: number;
}

/**
 * Answers that retrying cannot change: the request or the caller is wrong,
 * or the server has no such service. Anything else (the node went away,
 * shut down, lost its leader) is retried.
 */
const FINAL: ReadonlySet<grpc.status> = new Set([
  grpc.status.INVALID_ARGUMENT,
  grpc.status.UNIMPLEMENTED,
  grpc.status.UNAUTHENTICATED,
  grpc.status.PERMISSION_DENIED,
]);

/**
 * A topology watch that survives disconnects: after a failed or ended
 * stream it reconnects with jittered exponential backoff, asking for
 * epochs after the last one it delivered, so the listener sees each
 * topology once, in epoch order, and never has to poll.
 */
export class TopologyWatch {
  /** Settles when the watch stops: resolves on close(), rejects with a final error. */
  readonly done: Promise<void>;
  readonly #open: OpenWatch;
  readonly #onTopology: TopologyListener;
  readonly #onError: WatchErrorListener;
  readonly #initialMs: number;
  readonly #maxMs: number;
  /**
   * The last epoch delivered (or the caller's start). Epoch 0 is delivered
   * at most once: a server resends it to a from_epoch of 0.
   */
  #epoch: number;
  #delivered = false;
  #backoffMs: number;
  #call: grpc.ClientReadableStream<TopologyServiceWatchResponse__Output> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #resolve: () => void = () => undefined;
  #reject: (e: Error) => void = () => undefined;

  constructor(
    open: OpenWatch,
    fromEpoch: number,
    onTopology: TopologyListener,
    onError: WatchErrorListener = () => undefined,
    opts: WatchOptions = {},
  ) {
    this.#open = open;
    this.#epoch = fromEpoch;
    this.#onTopology = onTopology;
    this.#onError = onError;
    this.#initialMs = opts.initialBackoffMs ?? 100;
    this.#maxMs = opts.maxBackoffMs ?? 5_000;
    this.#backoffMs = this.#initialMs;
    this.done = new Promise<void>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.#connect();
  }

  /** The last epoch delivered (the start epoch before any). */
  get epoch(): number {
    return this.#epoch;
  }

  /** Stops watching; `done` resolves. */
  close(): void {
    if (this.#stopped) return;
    this.#stop();
    this.#resolve();
  }

  #stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    const call = this.#call;
    this.#call = undefined;
    call?.cancel();
  }

  #connect(): void {
    this.#timer = undefined;
    let call: grpc.ClientReadableStream<TopologyServiceWatchResponse__Output>;
    try {
      call = this.#open(this.#epoch);
    } catch (e) {
      // A closed channel throws at once; no retry can help.
      this.#stop();
      this.#reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    this.#call = call;
    call.on('data', (m: TopologyServiceWatchResponse__Output) => {
      if (this.#call !== call) return;
      this.#backoffMs = this.#initialMs;
      this.#deliver(m.topology);
    });
    // 'error' carries every non-OK end; 'status' alone an OK one (the server ended the stream).
    call.on('error', (e: grpc.ServiceError) => {
      if (this.#call !== call) return;
      this.#call = undefined;
      const err = fromServiceError(e);
      const retrying = !FINAL.has(e.code);
      this.#onError(err, retrying);
      if (retrying) this.#retry();
      else {
        this.#stop();
        this.#reject(err);
      }
    });
    call.on('status', (s: grpc.StatusObject) => {
      if (this.#call !== call || s.code !== grpc.status.OK) return;
      this.#call = undefined;
      this.#retry();
    });
  }

  #deliver(t: Topology__Output | null): void {
    if (t === null || (this.#delivered && t.epoch <= this.#epoch)) return;
    this.#epoch = t.epoch;
    this.#delivered = true;
    this.#onTopology(t);
  }

  #retry(): void {
    if (this.#stopped) return;
    // Full jitter in the upper half: many connectors losing the same node must not reconnect in step.
    const delay = this.#backoffMs * (0.5 + Math.random() / 2);
    this.#backoffMs = Math.min(this.#backoffMs * 2, this.#maxMs);
    this.#timer = setTimeout(() => {
      this.#connect();
    }, delay);
  }
}
