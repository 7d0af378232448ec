import type { RequiredPrivilege } from './dialect.js';
import type { Row } from './statement.js';
import type { ConfigProblem } from './types.js';
import { ROW_FORMAT_WHY, isNonZero, isOn, isRow, variableProblems } from './variable-rules.js';
import type { VariableRule } from './variable-rules.js';

/**
 * What a MySQL 8 group member must run with. `replicaUpdates` is the name
 * of log_replica_updates in this version (8.0.26 renamed log_slave_updates).
 */
export function mysql8Rules(replicaUpdates: string): readonly VariableRule[] {
  return [
    {
      setting: 'log_bin',
      flag: true,
      ok: isOn,
      required: 'ON (replicas read the primary’s binary log)',
      fix: 'start mysqld without --skip-log-bin / --disable-log-bin (binary logging is on by default in MySQL 8)',
    },
    {
      setting: 'gtid_mode',
      ok: isOn,
      required: 'ON (fabric-ha positions replicas by GTID)',
      fix: 'set enforce_gtid_consistency=ON, then step gtid_mode through OFF_PERMISSIVE, ON_PERMISSIVE, ON with SET PERSIST (or set both in my.cnf and restart)',
    },
    {
      setting: 'enforce_gtid_consistency',
      ok: isOn,
      required: 'ON (required by gtid_mode=ON)',
      fix: 'run SET PERSIST enforce_gtid_consistency=ON',
    },
    {
      setting: replicaUpdates,
      flag: true,
      ok: isOn,
      required: 'ON (a promoted replica must have what it replicated in its own binlog)',
      fix: `start mysqld without --skip-${replicaUpdates.replaceAll('_', '-')} (ON by default in MySQL 8; it cannot be changed while the server runs)`,
    },
    {
      setting: 'binlog_format',
      ok: isRow,
      required: ROW_FORMAT_WHY,
      fix: "run SET PERSIST binlog_format='ROW'",
    },
    {
      setting: 'server_id',
      ok: isNonZero,
      required: 'a non-zero number, unique in the group',
      fix: 'run SET PERSIST server_id=<unique number>',
    },
  ];
}

export function mysql8RequirementProblems(row: Row, replicaUpdates: string): ConfigProblem[] {
  return variableProblems(row, mysql8Rules(replicaUpdates));
}

/**
 * MySQL 8 privileges of fabric-ha's admin account (MySQL 8.0 manual,
 * "Privileges Provided by MySQL" and each statement's page). SUPER is
 * deprecated but still accepted in place of the dynamic admin privileges.
 */
export const MYSQL8_PRIVILEGES: readonly RequiredPrivilege[] = [
  {
    name: 'SYSTEM_VARIABLES_ADMIN',
    alternatives: ['SUPER'],
    why: 'SET GLOBAL read_only / super_read_only',
  },
  {
    name: 'REPLICATION_SLAVE_ADMIN',
    alternatives: ['SUPER'],
    why: 'CHANGE REPLICATION SOURCE, START/STOP REPLICA',
  },
  { name: 'RELOAD', why: 'RESET REPLICA ALL, and FLUSH TABLES WITH READ LOCK when cloning' },
  { name: 'REPLICATION CLIENT', alternatives: ['SUPER'], why: 'SHOW REPLICA STATUS' },
  {
    name: 'CONNECTION_ADMIN',
    alternatives: ['SUPER'],
    why: 'KILL other users’ connections when fencing a primary',
  },
  { name: 'PROCESS', why: 'seeing other users’ connections in the process list' },
  { name: 'SELECT', why: 'dumping data when cloning' },
];
