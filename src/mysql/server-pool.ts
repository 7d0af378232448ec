import { FabricError } from '../util/fabric-error.js';
import type { Logger } from '../util/logger.js';
import { ADDRESS_PATTERN, ADDRESS_RULE } from '../util/naming.js';
import { AddressPool } from './address-pool.js';
import type { AddressPoolSource } from './address-pool.js';
import type { MysqlFaults } from './mysql-faults.js';
import { MysqlServer } from './mysql-server.js';
import type { MysqlSettings, ServerHandle } from './types.js';

/**
 * fabric-ha's connections to its managed servers: one small mysql2 pool
 * per address, logged in as the admin account of `settings`. The only way
 * the rest of fabric-ha speaks SQL to a managed server.
 */
export class ServerPool implements AddressPoolSource {
  readonly #settings: MysqlSettings;
  readonly #log: Logger;
  readonly #faults: MysqlFaults | undefined;
  readonly #pools = new Map<string, AddressPool>();
  #closed = false;

  constructor(settings: MysqlSettings, logger: Logger, faults?: MysqlFaults) {
    this.#settings = settings;
    this.#log = logger.child({ component: 'mysql' });
    this.#faults = faults;
  }

  /**
   * A handle on the server at `address` ("host:port"). With expectedUuid,
   * every new connection is first checked to reach that server, and
   * operations reject with SERVER_IDENTITY_CHANGED otherwise.
   */
  server(address: string, expectedUuid?: string): ServerHandle {
    if (!ADDRESS_PATTERN.test(address)) {
      throw new FabricError(
        'INVALID_ARGUMENT',
        `server address "${address}" is not ${ADDRESS_RULE}`,
        { address },
      );
    }
    return new MysqlServer(this, address, expectedUuid, this.#settings);
  }

  /** @internal The pool of `address`, created on first use (handles call this per operation). */
  poolFor(address: string): AddressPool {
    if (this.#closed)
      throw new FabricError('SHUTTING_DOWN', `the server pool is closed (server ${address})`, {
        address,
      });
    let pool = this.#pools.get(address);
    if (pool === undefined) {
      pool = new AddressPool(address, this.#settings, this.#log, this.#faults);
      this.#pools.set(address, pool);
    }
    return pool;
  }

  /** Closes the connections to `address` (a removed server); a later call opens new ones. */
  async forget(address: string): Promise<void> {
    const pool = this.#pools.get(address);
    this.#pools.delete(address);
    await pool?.close();
  }

  /** Closes every connection; operations afterwards reject with SHUTTING_DOWN. */
  async close(): Promise<void> {
    this.#closed = true;
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((p) => p.close()));
  }
}
