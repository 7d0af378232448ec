import type { MariadbGtid } from '../../../src/mysql/mariadb-gtid.js';
import { formatMariadbPosition } from '../../../src/mysql/mariadb-gtid.js';

/** One committed transaction of the simulated fleet: a GTID and the row it wrote. */
export interface Txn {
  readonly gtid: MariadbGtid;
  readonly key: string;
}

export const gtidText = (g: MariadbGtid): string => `${g.domain}-${g.serverId}-${g.seq}`;

/**
 * A server's binary log and what follows from it, as MariaDB keeps them:
 * the log itself (with log_slave_updates, replicated transactions too),
 * @@gtid_current_pos (last GTID per domain) and @@gtid_binlog_state (last
 * sequence per domain and server_id, which shows branches).
 */
export class GtidLog {
  readonly #txns: Txn[] = [];
  readonly #index = new Map<string, number>();
  readonly #current = new Map<number, MariadbGtid>();
  readonly #state = new Map<string, MariadbGtid>();

  get length(): number {
    return this.#txns.length;
  }

  at(i: number): Txn | undefined {
    return this.#txns[i];
  }

  has(gtid: MariadbGtid): boolean {
    return this.#index.has(gtidText(gtid));
  }

  /** Where the transaction with this GTID sits in the log; -1 when absent. */
  indexOf(gtid: MariadbGtid): number {
    return this.#index.get(gtidText(gtid)) ?? -1;
  }

  append(txn: Txn): void {
    this.#index.set(gtidText(txn.gtid), this.#txns.length);
    this.#txns.push(txn);
    this.#current.set(txn.gtid.domain, txn.gtid);
    this.#state.set(`${txn.gtid.domain}-${txn.gtid.serverId}`, txn.gtid);
  }

  /** The next GTID a commit by `serverId` in `domain` gets (MariaDB: the domain's last seq + 1). */
  next(domain: number, serverId: number): MariadbGtid {
    const last = this.#current.get(domain);
    return { domain, serverId, seq: (last?.seq ?? 0n) + 1n };
  }

  position(): ReadonlyMap<number, MariadbGtid> {
    return this.#current;
  }

  currentPos(): string {
    return formatMariadbPosition(this.#current.values());
  }

  binlogState(): string {
    return [...this.#state.values()]
      .sort((a, b) => a.domain - b.domain || a.serverId - b.serverId)
      .map(gtidText)
      .join(',');
  }

  keys(): string[] {
    return this.#txns.map((t) => t.key);
  }
}
