import type * as grpc from '@grpc/grpc-js';
import type { TopologyServiceWatchRequest__Output } from '../gen/fabric/v1/TopologyServiceWatchRequest.js';
import type { TopologyServiceWatchResponse } from '../gen/fabric/v1/TopologyServiceWatchResponse.js';
import { FabricError } from '../util/fabric-error.js';
import { toServiceError } from './error-status.js';
import type { FarmApi } from './farm-api.js';
import { fabricNodesOf } from './fabric-nodes.js';
import { topologyToProto } from './farm-proto.js';
import type { NodeApi } from './node-api.js';
import { readFirst } from './server-lookup.js';

type WatchCall = grpc.ServerWritableStream<
  TopologyServiceWatchRequest__Output,
  TopologyServiceWatchResponse
>;

/**
 * One Watch call: sends the topology whenever this node has applied a
 * newer epoch than the last one sent. At most one message is in flight:
 * epochs applied meanwhile are coalesced into the next message, which is
 * built when it can be written, so a slow reader costs one buffered
 * message, not a backlog. Ends on cancel, or on `shutdown` with
 * SHUTTING_DOWN (UNAVAILABLE: the client reconnects elsewhere).
 */
export class WatchStream {
  readonly #call: WatchCall;
  readonly #node: NodeApi;
  readonly #farm: FarmApi;
  readonly #shutdown: AbortSignal | undefined;
  /** The last epoch sent, or the client's from_epoch before the first message. */
  #sent: number;
  /** from_epoch 0 asks for the current topology even at epoch 0. */
  #sendCurrent: boolean;
  /** A message is being written; the next one waits for it (coalescing). */
  #writing = false;
  #ended = false;
  #unsubscribe: (() => void) | undefined;
  readonly #onShutdown = (): void => {
    this.#fail(
      new FabricError('SHUTTING_DOWN', `node ${this.#node.id} is shutting down; reconnect`),
    );
  };

  constructor(call: WatchCall, node: NodeApi, farm: FarmApi, shutdown?: AbortSignal) {
    this.#call = call;
    this.#node = node;
    this.#farm = farm;
    this.#shutdown = shutdown;
    this.#sent = call.request.from_epoch;
    this.#sendCurrent = call.request.from_epoch === 0;
  }

  start(): void {
    if (this.#shutdown?.aborted === true) {
      this.#onShutdown();
      return;
    }
    this.#shutdown?.addEventListener('abort', this.#onShutdown, { once: true });
    this.#call.on('cancelled', () => {
      this.#end();
    });
    readFirst(this.#node, this.#call.request.allow_stale).then(
      () => {
        if (this.#ended) return;
        // Subscribe before the first pump: an epoch applied in between is not missed.
        this.#unsubscribe = this.#farm.onApplied(() => {
          this.#pump();
        });
        this.#pump();
      },
      (e: unknown) => {
        this.#fail(e);
      },
    );
  }

  #pump(): void {
    if (this.#ended || this.#writing) return;
    try {
      const view = this.#farm.view;
      const epoch = view.topologyEpoch;
      if (!(epoch > this.#sent || this.#sendCurrent)) return;
      this.#sent = epoch;
      this.#sendCurrent = false;
      this.#writing = true;
      this.#call.write({ topology: topologyToProto(view, fabricNodesOf(this.#node)) }, () => {
        this.#writing = false;
        this.#pump();
      });
    } catch (e) {
      this.#fail(e);
    }
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#unsubscribe?.();
    this.#shutdown?.removeEventListener('abort', this.#onShutdown);
  }

  #fail(e: unknown): void {
    if (this.#ended) return;
    this.#end();
    let leader: { id: string; address: string } | undefined;
    try {
      leader = this.#node.leader();
    } catch {
      leader = undefined;
    }
    // grpc-js ends a server stream with the status of an emitted 'error'.
    this.#call.emit('error', toServiceError(e, leader));
  }
}
