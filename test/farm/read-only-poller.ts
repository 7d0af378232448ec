/**
 * @@global.read_only of a set of servers, read over the admin account's
 * own long-lived connections (fencing kills client connections, not the
 * admin's), for the monitors that catch two writable servers at once.
 */
import { createConnection } from 'mysql2/promise';
import type { Connection } from 'mysql2/promise';
import type { ServerAccount } from '../../src/mysql/index.js';

/** A direct connection to a local server (no proxy), failing fast. */
export async function connectTo(
  port: number,
  account: ServerAccount,
  database?: string,
): Promise<Connection> {
  return createConnection({
    host: '127.0.0.1',
    port,
    user: account.user,
    password: account.password,
    connectTimeout: 1_000,
    ...(database === undefined ? {} : { database }),
  });
}

export interface PolledServer {
  readonly address: string;
  readonly port: number;
}

export class ReadOnlyPoller {
  readonly #conns = new Map<string, Connection>();
  readonly #servers: readonly PolledServer[];
  readonly #account: ServerAccount;

  constructor(servers: readonly PolledServer[], account: ServerAccount) {
    this.#servers = servers;
    this.#account = account;
  }

  /** The addresses writable now (unreachable servers count as not writable). */
  async writable(): Promise<string[]> {
    const flags = await Promise.all(this.#servers.map((s) => this.#readOnly(s)));
    return this.#servers.filter((_, i) => flags[i] === false).map((s) => s.address);
  }

  close(): void {
    for (const c of this.#conns.values()) c.destroy();
    this.#conns.clear();
  }

  async #readOnly(s: PolledServer): Promise<boolean | undefined> {
    try {
      let c = this.#conns.get(s.address);
      if (c === undefined) {
        c = await connectTo(s.port, this.#account);
        this.#conns.set(s.address, c);
      }
      const [rows] = await c.query('SELECT @@global.read_only AS ro');
      return (rows as { ro: number }[])[0]?.ro === 1;
    } catch {
      this.#conns.get(s.address)?.destroy();
      this.#conns.delete(s.address);
      return undefined;
    }
  }
}
