import { createPool } from 'mysql2/promise';
import type { Pool, PoolOptions } from 'mysql2/promise';
import type { RoutingView } from './routing-view.js';
import { parseHostPort } from './server-address.js';

/** What every per-server pool is created with (host and port come from the topology). */
export type ServerPoolSettings = Omit<PoolOptions, 'host' | 'port'>;

/**
 * One mysql2 pool per managed server, created on the first statement routed
 * there and ended when the server leaves the topology or becomes FAULTY.
 * A server that fails is not dropped (unlike mysql2's PoolCluster, which
 * removes a node for good by default): its pool stays and each new
 * statement routed there dials it again.
 */
export class ServerPools {
  readonly #settings: ServerPoolSettings;
  readonly #pools = new Map<string, Pool>();

  constructor(settings: ServerPoolSettings) {
    this.#settings = settings;
  }

  /** The pool of the server at `address`, created if needed. */
  get(address: string): Pool {
    let pool = this.#pools.get(address);
    if (pool === undefined) {
      const { host, port } = parseHostPort(address);
      pool = createPool({ ...this.#settings, host, port });
      // An idle connection whose server died emits 'error' through the pool; it is replaced on next use.
      pool.on('connection', (c) => {
        c.on('error', () => undefined);
      });
      this.#pools.set(address, pool);
    }
    return pool;
  }

  /** Whether `pool` is still the pool of `address` (not ended since). */
  isCurrent(address: string, pool: Pool): boolean {
    return this.#pools.get(address) === pool;
  }

  /**
   * Ends `pool`, the pool of `address` whose connection just broke, if it
   * is still the current one: its idle connections are most likely dead
   * too, and handing one out would turn the next write into one in doubt.
   * Statements in flight on it finish; the next one gets a fresh pool.
   */
  reset(address: string, pool: Pool): void {
    if (this.isCurrent(address, pool)) this.#end(address);
  }

  /** Addresses with a pool. */
  addresses(): string[] {
    return [...this.#pools.keys()];
  }

  /** Ends the pools of servers the view no longer routes to at all (gone, or FAULTY). */
  retain(view: RoutingView): void {
    for (const address of this.#pools.keys()) {
      const live = view.topology.servers.some(
        (s) => s.address === address && s.status !== 'SERVER_STATUS_FAULTY',
      );
      if (!live) this.#end(address);
    }
  }

  async closeAll(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
  }

  #end(address: string): void {
    const pool = this.#pools.get(address);
    this.#pools.delete(address);
    // Connections to a dead server may never answer a QUIT: end without waiting.
    pool?.end().catch(() => undefined);
  }
}
