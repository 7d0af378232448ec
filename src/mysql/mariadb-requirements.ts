import type { RequiredPrivilege } from './dialect.js';
import type { Row } from './statement.js';
import type { ConfigProblem } from './types.js';
import { ROW_FORMAT_WHY, isNonZero, isOn, isRow, variableProblems } from './variable-rules.js';
import type { VariableRule } from './variable-rules.js';

/**
 * What a MariaDB group member must run with (mariadb.md §1, gotchas 2, 3, 5).
 * log_bin and log_slave_updates are not dynamic, so their fix is a restart flag.
 */
const MARIADB_RULES: readonly VariableRule[] = [
  {
    setting: 'log_bin',
    flag: true,
    ok: isOn,
    required: 'ON (replicas read the primary’s binary log)',
    fix: 'start mariadbd with --log-bin (e.g. --log-bin=mysql-bin, or log_bin in the [mariadbd] section of its config); it cannot be changed while the server runs',
  },
  {
    setting: 'log_slave_updates',
    flag: true,
    ok: isOn,
    required:
      'ON (a promoted replica must have what it replicated in its own binlog, or lagging siblings cannot catch up from it)',
    fix: 'start mariadbd with --log-slave-updates (MariaDB 10.11 defaults it to OFF; it cannot be changed while the server runs)',
  },
  {
    setting: 'gtid_strict_mode',
    flag: true,
    ok: isOn,
    required:
      'ON (a local write on a replica or an out-of-order GTID must fail instead of silently diverging the history)',
    fix: 'run SET GLOBAL gtid_strict_mode=1 and start mariadbd with --gtid-strict-mode=1 so it persists',
  },
  {
    setting: 'binlog_format',
    ok: isRow,
    required: ROW_FORMAT_WHY,
    fix: "run SET GLOBAL binlog_format='ROW' and start mariadbd with --binlog-format=ROW so it persists",
  },
  {
    setting: 'server_id',
    ok: isNonZero,
    required: 'a non-zero number, unique in the group (equal ids stop replication with error 1593)',
    fix: 'start mariadbd with --server-id=<unique number> (or SET GLOBAL server_id=<unique number> and persist it)',
  },
];

export function mariadbRequirementProblems(row: Row): ConfigProblem[] {
  return variableProblems(row, MARIADB_RULES);
}

/**
 * MariaDB 10.11 privileges of fabric-ha's admin account, measured here
 * with an account holding nothing else: each statement's "Access denied;
 * you need (at least one of) ..." names what it needs, and SUPER where the
 * server accepts it instead. READ_ONLY ADMIN left SUPER in 10.11, and it is
 * also what lets the identity be stored on a read-only replica.
 */
export const MARIADB_PRIVILEGES: readonly RequiredPrivilege[] = [
  {
    name: 'READ_ONLY ADMIN',
    why: 'SET GLOBAL read_only, and storing the identity on a read-only server',
  },
  {
    name: 'REPLICATION SLAVE ADMIN',
    alternatives: ['SUPER'],
    why: 'CHANGE MASTER, START/STOP SLAVE, SET GLOBAL gtid_slave_pos',
  },
  {
    name: 'REPLICATION MASTER ADMIN',
    alternatives: ['SUPER'],
    why: 'SET GLOBAL rpl_semi_sync_master_enabled when a semi-sync group changes primary, and SET GLOBAL gtid_domain_id (the group’s domain)',
  },
  {
    name: 'RELOAD',
    why: 'RESET SLAVE ALL, and FLUSH TABLES WITH READ LOCK when fencing a primary',
  },
  { name: 'SLAVE MONITOR', alternatives: ['SUPER'], why: 'SHOW SLAVE STATUS' },
  {
    name: 'BINLOG ADMIN',
    alternatives: ['SUPER'],
    why: 'SET SESSION sql_log_bin=0 for fabric-ha’s own writes',
  },
  { name: 'BINLOG MONITOR', alternatives: ['SUPER'], why: 'SHOW BINLOG STATUS when cloning' },
  {
    name: 'CONNECTION ADMIN',
    alternatives: ['SUPER'],
    why: 'KILL other users’ connections when fencing a primary',
  },
  { name: 'PROCESS', why: 'seeing other users’ connections in the process list' },
  { name: 'SELECT', why: 'reading the identity, and dumping data when cloning' },
  {
    name: 'INSERT',
    why: 'writing a moving shard’s rows on its new group (REPLACE in chunks, sharding move-shard)',
  },
  {
    name: 'DELETE',
    why: 'REPLACE of a moving shard’s rows, and repairing a chunk that differs before cutover',
  },
  { name: 'CREATE', schema: 'fabric_ha', why: 'creating the identity table' },
  // INSERT on fabric_ha.* (storing the identity) is covered by the global INSERT above.
];
