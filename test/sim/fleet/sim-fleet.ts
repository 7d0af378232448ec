import type { MariadbGtid } from '../../../src/mysql/mariadb-gtid.js';
import { gtidText } from './gtid-log.js';
import type { SimClock } from './sim-clock.js';
import { SimServer } from './sim-server.js';
import type { SimReplication } from './sim-server.js';

export interface FleetOptions {
  readonly clock: SimClock;
  /** Every statement takes this long (an interleaving point for the seed). */
  readonly latencyMs?: number;
  /** MASTER_HEARTBEAT_PERIOD: how often step() should run, and a silent source's heartbeat. */
  readonly heartbeatPeriodMs?: number;
  /** slave_net_timeout: a replica whose source went silent (cut, hung) reconnects after this. */
  readonly slaveNetTimeoutMs?: number;
  /** read_only in the servers' option files (what a restarted server comes back with). */
  readonly readOnlyAtStart?: boolean;
  /**
   * How long a statement to a hung server waits before it fails, as
   * [servers] query_timeout_ms bounds every statement of src/mysql.
   */
  readonly queryTimeoutMs?: number;
}

/** A write the application got an acknowledgement for. */
export interface AckedWrite {
  readonly address: string;
  readonly key: string;
  readonly gtid: MariadbGtid;
  /** A replica acknowledged it before the commit returned (semi-sync, no fallback). */
  readonly replicated: boolean;
}

export type WriteOutcome = 'acked' | 'failed' | 'refused';

/** Who calls: a Fabric node id, the application ('app'), or a replica's address. */
export type Caller = string;

/**
 * A simulated fleet of MariaDB 10.11 servers for the whole-system
 * simulator: binlogs with GTIDs per domain, replication threads that fetch
 * (IO) and apply (SQL) with GTID auto-positioning and error 1236 on a
 * diverged replica, read_only, semi-synchronous acknowledgements, crash,
 * restart, hung servers and links cut per caller.
 */
export class SimFleet {
  readonly #servers = new Map<string, SimServer>();
  readonly #cuts = new Set<string>();
  readonly #o: Required<FleetOptions>;
  readonly acknowledged: AckedWrite[] = [];
  #killEpoch = new Map<string, number>();

  constructor(o: FleetOptions) {
    this.#o = {
      latencyMs: 1,
      heartbeatPeriodMs: 250,
      slaveNetTimeoutMs: 60_000,
      readOnlyAtStart: true,
      queryTimeoutMs: 5_000,
      ...o,
    };
  }

  get clock(): SimClock {
    return this.#o.clock;
  }

  get latencyMs(): number {
    return this.#o.latencyMs;
  }

  get queryTimeoutMs(): number {
    return this.#o.queryTimeoutMs;
  }

  get heartbeatPeriodMs(): number {
    return this.#o.heartbeatPeriodMs;
  }

  add(address: string): SimServer {
    const s = new SimServer(address, this.#servers.size + 1, this.#o.readOnlyAtStart);
    this.#servers.set(address, s);
    return s;
  }

  server(address: string): SimServer | undefined {
    return this.#servers.get(address);
  }

  servers(): SimServer[] {
    return [...this.#servers.values()];
  }

  cut(from: Caller, address: string): void {
    this.#cuts.add(`${from}|${address}`);
  }

  heal(from: Caller, address: string): void {
    this.#cuts.delete(`${from}|${address}`);
  }

  healAll(): void {
    this.#cuts.clear();
  }

  /** The caller can open a connection to the server (it may still be hung). */
  connects(from: Caller, address: string): boolean {
    const s = this.#servers.get(address);
    return s !== undefined && s.power !== 'crashed' && !this.#cuts.has(`${from}|${address}`);
  }

  killEpoch(address: string): number {
    return this.#killEpoch.get(address) ?? 0;
  }

  /** KILL of every client session: their pending commits end in an error. */
  killClients(address: string): number {
    const s = this.#servers.get(address);
    if (s === undefined) return 0;
    this.#killEpoch.set(address, this.killEpoch(address) + 1);
    const n = s.clientSessions;
    s.clientSessions = 0;
    return n;
  }

  /**
   * One application write to `address`. Under semi-sync the commit waits
   * for a replica's acknowledgement up to the server's timeout, then falls
   * back to asynchronous (acknowledged, not replicated) — as MariaDB does.
   */
  async write(address: string, key: string): Promise<WriteOutcome> {
    await this.clock.sleep(this.latencyMs);
    const s = this.#servers.get(address);
    if (s === undefined || !this.connects('app', address) || s.power === 'hung') return 'failed';
    if (s.readOnly) return 'refused';
    const epoch = this.killEpoch(address);
    s.clientSessions++;
    const gtid = s.commit(key);
    let replicated = false;
    if (s.semiSyncSource) {
      const deadline = this.clock.now() + s.semiSyncTimeoutMs;
      while (!s.acked.has(gtidText(gtid)) && this.clock.now() < deadline) {
        await this.clock.sleep(this.heartbeatPeriodMs / 5);
        if (s.power !== 'up' || this.killEpoch(address) !== epoch) return 'failed';
      }
      replicated = s.acked.has(gtidText(gtid));
    }
    s.clientSessions = Math.max(0, s.clientSessions - 1);
    if (s.power !== 'up' || !this.connects('app', address)) return 'failed';
    this.acknowledged.push({ address, key, gtid, replicated });
    return 'acked';
  }

  /** One replication round on every replica: the IO thread fetches, the SQL thread applies. */
  step(): void {
    for (const r of this.#servers.values()) {
      const rep = r.replication;
      if (rep === undefined || r.power !== 'up') continue;
      this.#io(r, rep);
      this.#sql(r, rep);
    }
  }

  #io(r: SimServer, rep: SimReplication): void {
    if (rep.io === 'No') return;
    const src = this.#servers.get(rep.source);
    const now = this.clock.now();
    if (src === undefined || src.power === 'crashed') {
      // The source's host answers with a refusal or a reset: reconnecting at once.
      lose(rep, 2003, `Can't connect to server on '${rep.source}' (111 "Connection refused")`);
      return;
    }
    const silent = src.power === 'hung' || this.#cuts.has(`${r.address}|${rep.source}`);
    if (silent) {
      // A half-open connection: Yes until slave_net_timeout passes without a byte.
      if (rep.io === 'Yes' && now - rep.lastReceiveAt >= this.#o.slaveNetTimeoutMs) {
        lose(rep, 2013, 'Lost connection to server during query');
      }
      return;
    }
    if (rep.cursor === undefined && !this.#connect(r, rep, src)) return;
    rep.io = 'Yes';
    rep.ioErrno = 0;
    rep.ioError = '';
    rep.lastReceiveAt = now;
    let fetched = false;
    for (let i = rep.cursor ?? 0; i < src.log.length; i++) {
      const t = src.log.at(i);
      if (t === undefined) break;
      rep.cursor = i + 1;
      const have = rep.received.get(t.gtid.domain) ?? r.log.position().get(t.gtid.domain);
      if (have !== undefined && t.gtid.seq <= have.seq) continue;
      rep.relay.push(t);
      rep.received.set(t.gtid.domain, t.gtid);
      rep.readEvents++;
      fetched = true;
      if (src.semiSyncSource && r.semiSyncReplica) src.acked.add(gtidText(t.gtid));
    }
    if (!fetched) rep.heartbeats++;
  }

  /**
   * GTID auto-positioning: the replica asks from its last GTID per domain;
   * one the source's binlog does not hold is error 1236 (a diverged or
   * errant replica), and the IO thread stops.
   */
  #connect(r: SimServer, rep: SimReplication, src: SimServer): boolean {
    for (const g of r.log.position().values()) {
      if (src.log.has(g)) continue;
      const sourceHasDomain = [...src.log.position().keys()].includes(g.domain);
      if (!sourceHasDomain && src.log.length === 0) continue;
      rep.io = 'No';
      rep.ioErrno = 1236;
      rep.ioError =
        "Got fatal error 1236 from master when reading data from binary log: 'Error: connecting slave " +
        `requested to start from GTID ${gtidText(g)}, which is not in the master's binlog'`;
      return false;
    }
    rep.cursor = 0;
    return true;
  }

  #sql(r: SimServer, rep: SimReplication): void {
    while (rep.sql && rep.relay.length > 0) {
      const t = rep.relay[0];
      if (t === undefined) break;
      if (r.failNextApply) {
        r.failNextApply = false;
        rep.sql = false;
        rep.sqlErrno = 1062;
        rep.sqlError = `Could not execute Write_rows event: Duplicate entry '${t.key}' for key 'PRIMARY'`;
        return;
      }
      rep.relay.shift();
      if (!r.log.has(t.gtid)) r.log.append(t);
    }
  }
}

function lose(rep: SimReplication, errno: number, error: string): void {
  rep.io = 'Connecting';
  rep.ioErrno = errno;
  rep.ioError = error;
  rep.cursor = undefined;
}
