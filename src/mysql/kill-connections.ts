import { integer, text } from './row-fields.js';
import { errnoOf } from './session.js';
import type { Session } from './session.js';
import { statement } from './statement.js';
import type { Row } from './statement.js';

const PROCESS_LIST = statement(
  'read processlist',
  'SELECT ID AS id, USER AS user, COMMAND AS command FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()',
);

/** ER_NO_SUCH_THREAD: the connection ended between listing and killing. */
const ER_NO_SUCH_THREAD = 1094;

/** The server's own threads (MariaDB and MySQL 8 show them under these users). */
const SYSTEM_USERS = new Set(['system user', 'event_scheduler', 'unauthenticated user', 'delayed']);

/**
 * Replication threads: a replica's dump thread on its source (Binlog Dump,
 * Binlog Dump GTID) and a replica's own IO/SQL/worker threads (MariaDB
 * Slave_*, MySQL "Connect" under 'system user'), plus daemons.
 */
const SPARED_COMMANDS = new Set([
  'binlog dump',
  'binlog dump gtid',
  'slave_io',
  'slave_sql',
  'slave_worker',
  'daemon',
]);

/** Accounts whose connections are fabric-ha's own (other nodes' probes, replicas). */
export interface SparedAccounts {
  readonly adminUser: string;
  readonly replicationUser: string;
}

/** The ids among `rows` (id, user, command) that are client connections to kill. */
export function connectionsToKill(rows: readonly Row[], spared: SparedAccounts): number[] {
  return rows
    .filter((r) => {
      const user = text(r, 'user');
      if (SYSTEM_USERS.has(user) || user === spared.adminUser || user === spared.replicationUser)
        return false;
      return !SPARED_COMMANDS.has(text(r, 'command').toLowerCase());
    })
    .map((r) => integer(r, 'id'))
    .filter((id) => Number.isInteger(id) && id > 0);
}

/**
 * Kills every client connection: fencing a demoted primary, whose read_only
 * stops new writes but not a transaction already holding locks (MySQL
 * Fabric killed connections of FAULTY servers for the same reason).
 */
export async function killClientConnections(
  session: Session,
  spared: SparedAccounts,
): Promise<number> {
  const ids = connectionsToKill(await session.rows(PROCESS_LIST), spared);
  let killed = 0;
  for (const id of ids) {
    try {
      await session.run(statement('KILL CONNECTION', 'KILL CONNECTION ?', [id]));
      killed++;
    } catch (e) {
      if (errnoOf(e) !== ER_NO_SUCH_THREAD) throw e;
    }
  }
  return killed;
}
