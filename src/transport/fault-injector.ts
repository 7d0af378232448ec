import type { NodeId } from '../raft/index.js';

/**
 * Test hook that partitions a real cluster: traffic on a blocked directed
 * pair is dropped by the sender before it is sent and by the receiver on
 * arrival, as a lossy network would drop it. Share one injector between the
 * nodes of an in-process cluster. Blocked messages are dropped silently (no
 * onUnreachable), like packets into a black hole; a blocked snapshot fails.
 */
export class FaultInjector {
  /** Directed pairs, keyed `${from}\u0000${to}`. */
  readonly #blocked = new Set<string>();

  static #key(from: NodeId, to: NodeId): string {
    return `${from}\u0000${to}`;
  }

  /** Drops traffic from `from` to `to` (one direction). */
  block(from: NodeId, to: NodeId): void {
    this.#blocked.add(FaultInjector.#key(from, to));
  }

  unblock(from: NodeId, to: NodeId): void {
    this.#blocked.delete(FaultInjector.#key(from, to));
  }

  /** Cuts `id` off from each of `peers`, both directions. */
  isolate(id: NodeId, peers: readonly NodeId[]): void {
    for (const p of peers) {
      this.block(id, p);
      this.block(p, id);
    }
  }

  /** Unblocks everything. */
  heal(): void {
    this.#blocked.clear();
  }

  isBlocked(from: NodeId, to: NodeId): boolean {
    return this.#blocked.has(FaultInjector.#key(from, to));
  }
}
