import { formatMariadbPosition } from '../../../src/mysql/mariadb-gtid.js';
import type { MariadbGtid } from '../../../src/mysql/mariadb-gtid.js';
import type { SemiSyncSettings } from '../../../src/mysql/index.js';

/** "domain-server_id-seq", the identity of one transaction. */
export function gtidKey(g: MariadbGtid): string {
  return `${g.domain}-${g.serverId}-${g.seq}`;
}

/** Why a replica's IO thread stopped, as SHOW SLAVE STATUS words it. */
export interface IoFailure {
  readonly errno: number;
  readonly error: string;
}

/**
 * One simulated MariaDB server: its binlog (every transaction it executed,
 * its own writes and applied replicated ones, in order; durable), its relay
 * log (received, not yet applied), read_only, and its replication threads.
 * The fleet (sim-mariadb-fleet.ts) moves transactions between servers;
 * this class holds the state and the per-server rules.
 */
export class SimMariadbServer {
  readonly address: string;
  readonly serverId: number;
  /** fabric-ha's identity, stored on the server (ServerHandle.identity). */
  uuid: string | undefined;
  up = true;
  /** A server starts read-only, as fabric-ha's servers are configured to. */
  readOnly = true;
  readonly binlog: MariadbGtid[] = [];
  relay: MariadbGtid[] = [];
  /** Farm address of the source, or undefined when it replicates from nobody. */
  source: string | undefined;
  ioRunning = false;
  sqlRunning = false;
  /** The IO thread could not connect or was refused (error 1236: diverged histories). */
  ioFailure: IoFailure | undefined;
  semiSync: SemiSyncSettings = { source: false, replica: false, timeoutMs: 10_000 };
  readonly #has = new Set<string>();

  constructor(address: string, serverId: number) {
    this.address = address;
    this.serverId = serverId;
  }

  /** A client commit: refused while read-only or down. Returns the new GTID. */
  write(domain: number): MariadbGtid | undefined {
    if (!this.up || this.readOnly) return undefined;
    const last = this.lastInDomain(domain);
    const g = { domain, serverId: this.serverId, seq: (last?.seq ?? 0n) + 1n };
    this.#execute(g);
    return g;
  }

  #execute(g: MariadbGtid): void {
    this.binlog.push(g);
    this.#has.add(gtidKey(g));
  }

  has(g: MariadbGtid): boolean {
    return this.#has.has(gtidKey(g));
  }

  /** Received or executed: what the IO thread need not fetch again. */
  holds(g: MariadbGtid): boolean {
    return this.has(g) || this.relay.some((r) => gtidKey(r) === gtidKey(g));
  }

  lastInDomain(domain: number): MariadbGtid | undefined {
    for (let i = this.binlog.length - 1; i >= 0; i--) {
      const g = this.binlog[i];
      if (g?.domain === domain) return g;
    }
    return undefined;
  }

  /** @@gtid_current_pos: the last executed GTID per domain. */
  currentPos(): string {
    const last = new Map<number, MariadbGtid>();
    for (const g of this.binlog) last.set(g.domain, g);
    return formatMariadbPosition(last.values());
  }

  /** Gtid_IO_Pos: the last received (relay) or executed GTID per domain. */
  receivedPos(): string {
    const last = new Map<number, MariadbGtid>();
    for (const g of [...this.binlog, ...this.relay]) last.set(g.domain, g);
    return formatMariadbPosition(last.values());
  }

  /** @@gtid_binlog_state: the last GTID of every (domain, server_id). */
  binlogState(): string {
    const last = new Map<string, MariadbGtid>();
    for (const g of this.binlog) last.set(`${g.domain}-${g.serverId}`, g);
    return [...last.values()]
      .sort((x, y) => x.domain - y.domain || x.serverId - y.serverId)
      .map(gtidKey)
      .join(',');
  }

  /** The SQL thread applies up to `max` relay-log transactions, in order. */
  applyRelay(max: number): number {
    if (!this.up || !this.sqlRunning) return 0;
    let n = 0;
    while (n < max && this.relay.length > 0) {
      const g = this.relay.shift() as MariadbGtid;
      if (!this.has(g)) this.#execute(g);
      n++;
    }
    return n;
  }

  /** A crash: threads stop; binlog and relay log are on disk and survive. */
  crash(): void {
    this.up = false;
    this.ioRunning = false;
    this.sqlRunning = false;
  }

  /**
   * Restarts read-only (the option file says read_only = ON, so a primary
   * that comes back never takes writes until fabric-ha says so) with its
   * replication threads running again (no --skip-slave-start).
   */
  restart(): void {
    this.up = true;
    this.readOnly = true;
    this.ioFailure = undefined;
    if (this.source !== undefined) {
      this.ioRunning = true;
      this.sqlRunning = true;
    }
  }
}
