import type { Server__Output } from '../gen/fabric/v1/Server.js';
import type { Topology__Output } from '../gen/fabric/v1/Topology.js';
import type { TopologyServiceClient } from '../gen/fabric/v1/TopologyService.js';
import { FabricError } from '../util/fabric-error.js';
import type { ReadOptions } from './mutation.js';
import { lookupServers } from './server-query.js';
import type { ServerQuery } from './server-query.js';
import { TopologyWatch } from './topology-watch.js';
import type { TopologyListener, WatchErrorListener, WatchOptions } from './topology-watch.js';
import type { UnaryCaller } from './unary-caller.js';

/**
 * fabric.v1.TopologyService: the routing view connectors need, once
 * (dump, lookupServers) or pushed on every new epoch (watch).
 */
export class TopologyClient {
  readonly #stub: TopologyServiceClient;
  readonly #caller: UnaryCaller;
  readonly #watches = new Set<TopologyWatch>();

  constructor(stub: TopologyServiceClient, caller: UnaryCaller) {
    this.#stub = stub;
    this.#caller = caller;
  }

  async dump(o: ReadOptions = {}): Promise<Topology__Output> {
    const r = await this.#caller.call<{ topology: Topology__Output | null }>(
      (md, opts, cb) => this.#stub.Dump({ allow_stale: o.allowStale === true }, md, opts, cb),
      o.timeoutMs,
    );
    if (r.topology === null)
      throw new FabricError('INTERNAL', 'the server answered Dump without a topology');
    return r.topology;
  }

  /** Servers of every group ('' groupId) or of one, filtered. */
  lookupServers(groupId = '', q: ServerQuery = {}): Promise<Server__Output[]> {
    return lookupServers(this.#caller, this.#stub.LookupServers.bind(this.#stub), groupId, q);
  }

  /**
   * Calls `onTopology` with the current topology if its epoch is above
   * `fromEpoch` (always for 0), then with each newer one, reconnecting
   * after failures from the last epoch delivered. Stop it with close();
   * closing the client stops it too.
   */
  watch(
    fromEpoch: number,
    onTopology: TopologyListener,
    onError?: WatchErrorListener,
    opts: WatchOptions & { readonly allowStale?: boolean } = {},
  ): TopologyWatch {
    const w = new TopologyWatch(
      (from) =>
        this.#stub.Watch(
          { from_epoch: from, allow_stale: opts.allowStale === true },
          this.#caller.metadata,
        ),
      fromEpoch,
      onTopology,
      onError,
      opts,
    );
    this.#watches.add(w);
    const forget = (): void => {
      this.#watches.delete(w);
    };
    w.done.then(forget, forget);
    return w;
  }

  /** Stops every watch (the channel is about to close). */
  closeWatches(): void {
    for (const w of this.#watches) w.close();
  }
}
