import { splitAddress } from './address.js';
import { createPool } from 'mysql2/promise';
import type { Pool, PoolConnection } from 'mysql2/promise';

import { FabricError } from '../util/fabric-error.js';
import type { Logger } from '../util/logger.js';
import type { ConnectionState } from './connection-state.js';
import { dialectFor } from './dialect-for.js';
import { readIdentity } from './identity.js';
import { connectError } from './mysql-errors.js';
import { blockedError } from './mysql-faults.js';
import type { MysqlFaults } from './mysql-faults.js';
import { integer, text } from './row-fields.js';
import { Session } from './session.js';
import { statement } from './statement.js';
import type { MysqlSettings } from './types.js';

/**
 * At most this many connections per server. Waits hold one for their whole
 * timeout, and probes, fencing and a wait may overlap; more would only add
 * load on a server that is slow to answer.
 */
const CONNECTION_LIMIT = 6;
const MAX_IDLE = 2;
const IDLE_TIMEOUT_MS = 30_000;

/** Asked of every new connection: which engine, and which server. */
const CONNECT_QUERY = statement(
  'identify server',
  'SELECT VERSION() AS version, @@server_id AS server_id',
);

/** An operation on one server: a session plus what is known about its connection. */
export type Operation<T> = (session: Session, state: ConnectionState) => Promise<T>;

/** Where handles find the pool of their address (created on demand, dropped by forget()). */
export interface AddressPoolSource {
  poolFor(address: string): AddressPool;
}

/**
 * The mysql2 pool of one server address, with fabric-ha's identity check:
 * each new physical connection learns its server's engine and version
 * before first use, and, when the caller expects an identity, is verified
 * against it once (a server replaced at the same address is caught on its
 * first connection, as MySQL Fabric checked server_uuid on connect).
 */
export class AddressPool {
  readonly address: string;
  readonly #pool: Pool;
  readonly #settings: MysqlSettings;
  readonly #log: Logger;
  readonly #faults: MysqlFaults | undefined;
  /** Keyed by mysql2's core connection: the promise wrapper is new on every checkout. */
  readonly #states = new WeakMap<object, ConnectionState>();

  constructor(
    address: string,
    settings: MysqlSettings,
    logger: Logger,
    faults: MysqlFaults | undefined,
  ) {
    this.address = address;
    this.#settings = settings;
    this.#log = logger;
    this.#faults = faults;
    const { host, port } = splitAddress(address);
    this.#pool = createPool({
      host,
      port,
      user: settings.admin.user,
      password: settings.admin.password,
      connectTimeout: settings.connectTimeoutMs,
      connectionLimit: CONNECTION_LIMIT,
      maxIdle: MAX_IDLE,
      idleTimeout: IDLE_TIMEOUT_MS,
      enableKeepAlive: true,
      dateStrings: true,
      supportBigNumbers: true,
    });
  }

  /**
   * Runs `op` on a connection verified against `expectedUuid` (when given).
   * A connection that broke (lost, timed out, cut by MysqlFaults) is
   * destroyed, never returned to the pool. Connections the server closed
   * while idle (a restart) are dropped by mysql2 itself when the socket
   * ends, so the next checkout opens a new, re-verified one.
   */
  async run<T>(expectedUuid: string | undefined, op: Operation<T>): Promise<T> {
    const conn = await this.#acquire();
    const session = new Session(this.address, conn, this.#settings.queryTimeoutMs, this.#faults);
    try {
      const state = await this.#prepare(session, conn, expectedUuid);
      return await op(session, state);
    } finally {
      if (session.broken) conn.destroy();
      else conn.release();
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  async #acquire(): Promise<PoolConnection> {
    if (this.#faults?.isBlocked(this.address) === true) throw blockedError(this.address, 'connect');
    try {
      return await this.#pool.getConnection();
    } catch (e) {
      throw connectError(
        this.address,
        this.#settings.admin.user,
        this.#settings.connectTimeoutMs,
        e,
      );
    }
  }

  async #prepare(
    session: Session,
    conn: PoolConnection,
    expectedUuid: string | undefined,
  ): Promise<ConnectionState> {
    let state = this.#states.get(conn.connection);
    if (state === undefined) {
      state = await this.#identify(session);
      this.#states.set(conn.connection, state);
    }
    if (expectedUuid !== undefined && state.identity !== expectedUuid) {
      const found = await readIdentity(session, state.dialect);
      if (found !== expectedUuid) {
        this.#log.warn({ address: this.address, expectedUuid, found }, 'server identity changed');
        throw identityChanged(this.address, expectedUuid, found);
      }
      state.identity = found;
    }
    return state;
  }

  async #identify(session: Session): Promise<ConnectionState> {
    const [row = {}] = await session.rows(CONNECT_QUERY);
    const version = text(row, 'version');
    const dialect = dialectFor(version);
    const info = {
      address: this.address,
      engine: dialect.engine,
      version,
      serverId: integer(row, 'server_id'),
    };
    this.#log.debug({ address: this.address, version }, 'connected to managed server');
    return { dialect, info, identity: undefined };
  }
}

function identityChanged(
  address: string,
  expected: string,
  found: string | undefined,
): FabricError {
  const what = found === undefined ? 'it has no fabric-ha identity' : `its identity is ${found}`;
  return new FabricError(
    'SERVER_IDENTITY_CHANGED',
    `the server at ${address} is not the one that was added: expected identity ${expected}, but ${what} ` +
      '(another server now answers at this address, or its data was replaced)',
    { address, expectedUuid: expected, foundUuid: found ?? '' },
  );
}

/** "host:port" or "[v6]:port" (src/util/naming.ts ADDRESS_PATTERN) → mysql2's host and port. */
