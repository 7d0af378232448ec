import type { Topology__Output } from '../gen/fabric/v1/Topology.js';
import { RoutingView } from './routing-view.js';

interface Waiter {
  readonly above: number;
  readonly wake: () => void;
}

/**
 * The last topology the connector knows, kept in memory so routing goes on
 * while every Fabric node is down, and the callers waiting for a newer one.
 *
 * Invariant: `view.epoch` never decreases (a stale node's older topology is
 * ignored; one at the same epoch only refreshes the Fabric node list).
 */
export class TopologyState {
  #view: RoutingView | undefined;
  #waiters: Waiter[] = [];

  /** The current view; undefined until the first topology. */
  get view(): RoutingView | undefined {
    return this.#view;
  }

  /**
   * Takes a topology from a Fabric node. Returns the view it replaced
   * (undefined for the first) when the epoch moved on, 'same' when it
   * only refreshed an equal epoch, 'stale' when it was ignored.
   */
  accept(t: Topology__Output): { readonly previous: RoutingView | undefined } | 'same' | 'stale' {
    const previous = this.#view;
    if (previous !== undefined && t.epoch < previous.epoch) return 'stale';
    this.#view = new RoutingView(t);
    if (t.epoch === previous?.epoch) return 'same';
    const ready = this.#waiters.filter((w) => t.epoch > w.above);
    this.#waiters = this.#waiters.filter((w) => t.epoch <= w.above);
    for (const w of ready) w.wake();
    return { previous };
  }

  /**
   * Resolves when the epoch is above `epoch` (at once if it already is), or
   * after `ms`, whichever comes first; true if the epoch moved on. Epoch -1
   * waits for the first topology.
   */
  waitAbove(epoch: number, ms: number): Promise<boolean> {
    if (this.#currentEpoch() > epoch) return Promise.resolve(true);
    if (ms <= 0) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        above: epoch,
        wake: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        resolve(this.#currentEpoch() > epoch);
      }, ms);
      this.#waiters.push(waiter);
    });
  }

  /** Wakes every waiter (the pool is closing: they see POOL_CLOSED). */
  wakeAll(): void {
    const all = this.#waiters;
    this.#waiters = [];
    for (const w of all) w.wake();
  }

  #currentEpoch(): number {
    return this.#view?.epoch ?? -1;
  }
}
