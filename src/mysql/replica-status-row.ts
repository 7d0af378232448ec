import { integer, nullableInteger, text } from './row-fields.js';
import type { Row } from './statement.js';
import type { ReplicaStatus } from './types.js';

/** The column names of SHOW SLAVE STATUS (MariaDB) or SHOW REPLICA STATUS (MySQL ≥ 8.0.22). */
export interface ReplicaStatusColumns {
  readonly sourceHost: string;
  readonly sourcePort: string;
  readonly ioRunning: string;
  readonly sqlRunning: string;
  readonly secondsBehind: string;
  readonly receivedGtids: string;
}

/**
 * Normalises one status row. The IO thread reports Yes, No, Connecting,
 * or (MariaDB, briefly at start) Preparing, which is still connecting.
 */
export function readReplicaStatus(row: Row, c: ReplicaStatusColumns): ReplicaStatus {
  return {
    sourceHost: text(row, c.sourceHost),
    sourcePort: integer(row, c.sourcePort),
    ioRunning: ioState(text(row, c.ioRunning)),
    sqlRunning: text(row, c.sqlRunning) === 'Yes',
    ioErrno: integer(row, 'Last_IO_Errno') || 0,
    ioError: text(row, 'Last_IO_Error'),
    sqlErrno: integer(row, 'Last_SQL_Errno') || 0,
    sqlError: text(row, 'Last_SQL_Error'),
    secondsBehind: nullableInteger(row, c.secondsBehind),
    // MySQL breaks long GTID sets over lines ("uuid:1-5,\nuuid2:1-3").
    receivedGtids: text(row, c.receivedGtids).replace(/\s+/g, ''),
  };
}

function ioState(value: string): ReplicaStatus['ioRunning'] {
  if (value === 'Yes') return 'Yes';
  if (value === 'Connecting' || value === 'Preparing') return 'Connecting';
  return 'No';
}
