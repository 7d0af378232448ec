import { integer, nullableInteger, text } from './row-fields.js';
import type { Row } from './statement.js';
import type { ReplicaStatus } from './types.js';

/** The column names of SHOW ALL SLAVES STATUS (MariaDB) or SHOW REPLICA STATUS (MySQL ≥ 8.0.22). */
export interface ReplicaStatusColumns {
  readonly sourceHost: string;
  readonly sourcePort: string;
  readonly ioRunning: string;
  readonly sqlRunning: string;
  readonly secondsBehind: string;
  readonly receivedGtids: string;
  /** The source binlog file and position the IO thread has read up to. */
  readonly readFile: string;
  readonly readPosition: string;
  /** Heartbeat count and period (seconds, fractional) as named in the row. */
  readonly heartbeats: string;
  readonly heartbeatPeriod: string;
  /** Slave_SQL_Running_State / Replica_SQL_Running_State. */
  readonly sqlState: string;
}

/**
 * Normalises one status row. The IO thread reports Yes, No, Connecting,
 * or (MariaDB, briefly at start) Preparing, which is still connecting.
 */
export function readReplicaStatus(row: Row, c: ReplicaStatusColumns): ReplicaStatus {
  const period = Number.parseFloat(text(row, c.heartbeatPeriod));
  const sqlRunning = text(row, c.sqlRunning) === 'Yes';
  return {
    sourceHost: text(row, c.sourceHost),
    sourcePort: integer(row, c.sourcePort),
    ioRunning: ioState(text(row, c.ioRunning)),
    sqlRunning,
    ioErrno: integer(row, 'Last_IO_Errno') || 0,
    ioError: text(row, 'Last_IO_Error'),
    sqlErrno: integer(row, 'Last_SQL_Errno') || 0,
    sqlError: text(row, 'Last_SQL_Error'),
    secondsBehind: nullableInteger(row, c.secondsBehind),
    // MySQL breaks long GTID sets over lines ("uuid:1-5,\nuuid2:1-3").
    receivedGtids: text(row, c.receivedGtids).replace(/\s+/g, ''),
    receivedHeartbeats: nullableInteger(row, c.heartbeats),
    heartbeatPeriodMs: Number.isFinite(period) ? Math.round(period * 1000) : null,
    readPosition: `${text(row, c.readFile)}:${text(row, c.readPosition)}`,
    // Both engines say "… has read all relay log; waiting for more updates".
    relayLogApplied: !sqlRunning || text(row, c.sqlState).includes('read all relay log'),
    sqlState: text(row, c.sqlState),
  };
}

/**
 * The default replication connection's row: MariaDB's SHOW ALL SLAVES
 * STATUS lists every named connection (Connection_name), MySQL's SHOW
 * REPLICA STATUS every channel (Channel_Name); fabric-ha's HA replication
 * is the unnamed one.
 */
export function defaultConnectionRow(rows: readonly Row[]): Row | undefined {
  return channelRow(rows, '');
}

/**
 * The row of the named connection (MariaDB Connection_name) or channel
 * (MySQL Channel_Name); '' is the default one. Each engine has only one of
 * the two columns; names compare case-insensitively, as both servers do.
 */
export function channelRow(rows: readonly Row[], name: string): Row | undefined {
  const wanted = name.toLowerCase();
  return rows.find(
    (r) => (text(r, 'Connection_name') + text(r, 'Channel_Name')).toLowerCase() === wanted,
  );
}

function ioState(value: string): ReplicaStatus['ioRunning'] {
  if (value === 'Yes') return 'Yes';
  if (value === 'Connecting' || value === 'Preparing') return 'Connecting';
  return 'No';
}
