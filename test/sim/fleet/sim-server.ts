import type { MariadbGtid } from '../../../src/mysql/mariadb-gtid.js';
import type { ReplicaStatus } from '../../../src/mysql/types.js';
import { GtidLog } from './gtid-log.js';
import type { Txn } from './gtid-log.js';

/** What a simulated server is doing as a replica (SHOW ALL SLAVES STATUS, default connection). */
export interface SimReplication {
  source: string;
  io: 'Yes' | 'No' | 'Connecting';
  sql: boolean;
  ioErrno: number;
  ioError: string;
  sqlErrno: number;
  sqlError: string;
  /** Received, not yet applied (the relay log). */
  relay: Txn[];
  /** Last GTID received per domain (Gtid_IO_Pos). */
  received: Map<number, MariadbGtid>;
  heartbeats: number;
  /** Events read from the source so far (the read position moves with each). */
  readEvents: number;
  /** Where in the source's log the IO thread continues; undefined until it connects. */
  cursor: number | undefined;
  /** When the IO thread last received anything (an event or a heartbeat). */
  lastReceiveAt: number;
}

/** Liveness of a simulated server process. */
export type SimPower = 'up' | 'crashed' | 'hung';

/**
 * One simulated MariaDB 10.11 server: its binlog and GTID state, read_only,
 * semi-sync settings and replication threads. The fleet (sim-fleet.ts)
 * moves the threads; handles (sim-handle.ts) answer fabric-ha's calls.
 */
export class SimServer {
  readonly address: string;
  readonly serverId: number;
  power: SimPower = 'up';
  readOnly: boolean;
  /** What read_only is after a restart (the server's option file). */
  readonly readOnlyAtStart: boolean;
  uuid: string | undefined;
  readonly log = new GtidLog();
  replication: SimReplication | undefined;
  semiSyncSource = false;
  /** rpl_semi_sync_slave_enabled: off by default, as in MariaDB. */
  semiSyncReplica = false;
  semiSyncTimeoutMs = 10_000;
  /** GTIDs a replica has acknowledged (semi-sync), per source commit. */
  readonly acked = new Set<string>();
  /** Client sessions that may still commit; a kill ends them. */
  clientSessions = 0;
  /** Test switch: the SQL thread fails on the next transaction (broken replication). */
  failNextApply = false;

  constructor(address: string, serverId: number, readOnlyAtStart: boolean) {
    this.address = address;
    this.serverId = serverId;
    this.readOnly = readOnlyAtStart;
    this.readOnlyAtStart = readOnlyAtStart;
  }

  /** A client's transaction, committed to the binlog (not yet acknowledged under semi-sync). */
  commit(key: string): MariadbGtid {
    const gtid = this.log.next(0, this.serverId);
    this.log.append({ gtid, key });
    return gtid;
  }

  crash(): void {
    this.power = 'crashed';
    this.clientSessions = 0;
    // The relay log survives (relay_log_recovery would refetch it; either
    // way nothing applied is lost); the threads are stopped by the crash.
    if (this.replication !== undefined) this.replication.cursor = undefined;
  }

  restart(): void {
    this.power = 'up';
    this.readOnly = this.readOnlyAtStart;
    // MariaDB restarts replication threads unless skip_slave_start.
    if (this.replication !== undefined) {
      this.replication.io = this.replication.io === 'No' ? 'No' : 'Connecting';
    }
  }

  replicaStatus(heartbeatPeriodMs: number): ReplicaStatus | undefined {
    const r = this.replication;
    if (r === undefined) return undefined;
    const [host, port] = splitHostPort(r.source);
    const applied = !r.sql || r.relay.length === 0;
    return {
      sourceHost: host,
      sourcePort: port,
      ioRunning: r.io,
      sqlRunning: r.sql,
      ioErrno: r.ioErrno,
      ioError: r.ioError,
      sqlErrno: r.sqlErrno,
      sqlError: r.sqlError,
      secondsBehind: r.sql ? 0 : null,
      receivedGtids: [...r.received.values()]
        .map((g) => `${g.domain}-${g.serverId}-${g.seq}`)
        .join(','),
      receivedHeartbeats: r.heartbeats,
      heartbeatPeriodMs,
      readPosition: `sim-bin.000001:${r.readEvents}`,
      relayLogApplied: applied,
      sqlState: r.sql
        ? applied
          ? 'Slave has read all relay log; waiting for more updates'
          : 'Reading event from the relay log'
        : '',
    };
  }
}

function splitHostPort(address: string): [string, number] {
  const i = address.lastIndexOf(':');
  return [address.slice(0, i), Number(address.slice(i + 1))];
}
