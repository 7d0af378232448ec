import { changeSourceStatement } from './change-source.js';
import { channelName } from './channel-name.js';
import type { Dialect } from './dialect.js';
import { MARIADB_PRIVILEGES, mariadbRequirementProblems } from './mariadb-requirements.js';
import { readReplicaStatus } from './replica-status-row.js';
import { waitOutcome } from './row-fields.js';
import type { Version } from './server-version.js';
import { statement } from './statement.js';

/**
 * Where fabric-ha keeps a MariaDB server's identity (MariaDB has no
 * @@server_uuid). Written with sql_log_bin=0, so it never replicates and a
 * replica keeps its own. A clone must not copy it: dump only the
 * application databases (mariadb-dump --databases app ..., never
 * --all-databases), and after a physical copy (mariabackup, cp of a data
 * dir) run `SET sql_log_bin=0; DROP DATABASE fabric_ha` on the copy before
 * adding it, or it claims its source's identity.
 */
export const IDENTITY_SCHEMA = 'fabric_ha';
const IDENTITY_TABLE = '`fabric_ha`.`server_identity`';

/** ER_BAD_DB_ERROR, ER_NO_SUCH_TABLE: no identity was ever stored. */
const IDENTITY_MISSING = [1049, 1146] as const;

/** MariaDB ≥ 10.6 (measured on 10.11, mariadb.md §1). */
export function createMariadbDialect(version: Version): Dialect {
  return {
    engine: 'mariadb',
    version,
    // gtid_current_pos, not gtid_binlog_pos: it also counts what a replica
    // applied without binlogging it, and on a former primary whose
    // gtid_slave_pos is stale it still shows its own latest writes (mariadb.md).
    probeQuery: statement(
      'probe',
      'SELECT VERSION() AS version, @@server_id AS server_id, @@global.read_only AS read_only, @@global.gtid_current_pos AS gtids',
    ),
    gtidExecutedQuery: statement(
      'read gtid_current_pos',
      'SELECT @@global.gtid_current_pos AS gtids',
    ),
    readOnlyQuery: statement('read read_only', 'SELECT @@global.read_only AS read_only'),
    setReadOnly: (on) =>
      statement(
        `SET GLOBAL read_only=${on ? 'ON' : 'OFF'}`,
        `SET GLOBAL read_only = ${on ? 'ON' : 'OFF'}`,
      ),
    // slave_pos: the replica asks for what it applied (gtid_slave_pos); a
    // rejoining former primary first copies its binlog position there
    // (rejoinPrelude). MASTER_CONNECT_RETRY=1: reconnect each second after
    // a failover instead of the default 60. MASTER_HEARTBEAT_PERIOD takes
    // seconds with millisecond resolution (MariaDB manual, CHANGE MASTER TO).
    changeSource: (source, account, heartbeatPeriodMs) =>
      changeSourceStatement(
        {
          kind: 'CHANGE MASTER',
          prefix:
            'CHANGE MASTER TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?, ' +
            'MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1',
          heartbeat: 'MASTER_HEARTBEAT_PERIOD',
        },
        source,
        account,
        heartbeatPeriodMs,
      ),
    // Multi-source replication (MariaDB manual): the connection name goes
    // between the verb and TO/ALL, as a string literal. slave_pos as for the
    // default connection: the position is what this server applied, per
    // domain, whichever connection applied it.
    // DO_DOMAIN_IDS (MariaDB manual, "CHANGE MASTER TO"): the IO thread
    // keeps only those domains' events; it needs GTID positioning, which
    // this connection always uses.
    changeChannelSource: (channel, source, account, heartbeatPeriodMs, onlyDomains) =>
      changeSourceStatement(
        {
          kind: `CHANGE MASTER '${channelName(channel)}'`,
          prefix:
            `CHANGE MASTER '${channelName(channel)}' TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?, ` +
            'MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1' +
            doDomainIds(onlyDomains),
          heartbeat: 'MASTER_HEARTBEAT_PERIOD',
        },
        source,
        account,
        heartbeatPeriodMs,
      ),
    startChannel: (channel) =>
      statement(`START SLAVE '${channelName(channel)}'`, `START SLAVE '${channelName(channel)}'`),
    stopChannel: (channel) =>
      statement(`STOP SLAVE '${channelName(channel)}'`, `STOP SLAVE '${channelName(channel)}'`),
    resetChannel: (channel) =>
      statement(
        `RESET SLAVE '${channelName(channel)}' ALL`,
        `RESET SLAVE '${channelName(channel)}' ALL`,
      ),
    gtidDomainQuery: statement(
      'read gtid_domain_id',
      'SELECT @@global.gtid_domain_id AS domain_id',
    ),
    // Needs REPLICATION MASTER ADMIN (or SUPER), measured on 10.11. Only
    // new sessions take it: a session copies the global value when it
    // connects (MariaDB manual, gtid_domain_id).
    setGtidDomainId: (id) =>
      statement('SET GLOBAL gtid_domain_id', 'SET GLOBAL gtid_domain_id = ?', [id]),
    startReplica: statement('START SLAVE', 'START SLAVE'),
    stopReplica: statement('STOP SLAVE', 'STOP SLAVE'),
    stopReceiving: statement('STOP SLAVE IO_THREAD', 'STOP SLAVE IO_THREAD'),
    startReceiving: statement('START SLAVE IO_THREAD', 'START SLAVE IO_THREAD'),
    resetReplica: statement('RESET SLAVE ALL', 'RESET SLAVE ALL'),
    // A former primary has an empty or stale gtid_slave_pos: without this
    // it would ask its new source for history it already has, and re-apply
    // whatever came from other server ids (mariadb.md "Old primary rejoining").
    rejoinPrelude: [
      statement(
        'SET GLOBAL gtid_slave_pos',
        'SET GLOBAL gtid_slave_pos = @@global.gtid_binlog_pos',
      ),
    ],
    // SHOW ALL SLAVES STATUS, not SHOW SLAVE STATUS: only the former has
    // Slave_received_heartbeats and Slave_heartbeat_period (measured on
    // 10.11), and it lists named connections too (multi-source).
    replicaStatusQuery: statement('SHOW ALL SLAVES STATUS', 'SHOW ALL SLAVES STATUS'),
    replicaStatus: (row) =>
      readReplicaStatus(row, {
        sourceHost: 'Master_Host',
        sourcePort: 'Master_Port',
        ioRunning: 'Slave_IO_Running',
        sqlRunning: 'Slave_SQL_Running',
        secondsBehind: 'Seconds_Behind_Master',
        receivedGtids: 'Gtid_IO_Pos',
        readFile: 'Master_Log_File',
        readPosition: 'Read_Master_Log_Pos',
        heartbeats: 'Slave_received_heartbeats',
        heartbeatPeriod: 'Slave_heartbeat_period',
        sqlState: 'Slave_SQL_Running_State',
      }),
    setSemiSyncTimeout: (timeoutMs) =>
      statement(
        'SET GLOBAL rpl_semi_sync_master_timeout',
        'SET GLOBAL rpl_semi_sync_master_timeout = ?',
        [Math.round(timeoutMs)],
      ),
    // MASTER_GTID_WAIT compares against gtid_slave_pos (what replication
    // applied) and takes fractional seconds; 0 = reached, -1 = timed out.
    waitForGtids: (gtids, timeoutMs) =>
      statement('MASTER_GTID_WAIT', 'SELECT MASTER_GTID_WAIT(?, ?) AS reached', [
        gtids,
        timeoutMs / 1000,
      ]),
    waitReached: (value) => waitOutcome(value, 0, -1),
    identityQuery: statement('read identity', `SELECT uuid FROM ${IDENTITY_TABLE} WHERE id = 1`),
    identityMissingErrnos: IDENTITY_MISSING,
    // INSERT IGNORE: two nodes creating at once converge on the first uuid.
    createIdentity: (uuid) => [
      statement('create identity schema', `CREATE DATABASE IF NOT EXISTS \`${IDENTITY_SCHEMA}\``),
      statement(
        'create identity table',
        `CREATE TABLE IF NOT EXISTS ${IDENTITY_TABLE} (` +
          'id TINYINT UNSIGNED NOT NULL PRIMARY KEY CHECK (id = 1), ' +
          'uuid CHAR(36) NOT NULL, ' +
          'created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP) ENGINE=InnoDB',
      ),
      statement('store identity', `INSERT IGNORE INTO ${IDENTITY_TABLE} (id, uuid) VALUES (1, ?)`, [
        uuid,
      ]),
    ],
    requirementsQuery: statement(
      'read replication settings',
      'SELECT @@global.log_bin AS log_bin, @@global.log_slave_updates AS log_slave_updates, ' +
        '@@global.gtid_strict_mode AS gtid_strict_mode, @@global.binlog_format AS binlog_format, ' +
        '@@global.server_id AS server_id',
    ),
    requirementProblems: mariadbRequirementProblems,
    requiredPrivileges: MARIADB_PRIVILEGES,
  };
}

/**
 * ", DO_DOMAIN_IDS = (1,2)", or '' for no filter. The ids are spliced into
 * the text (the server takes no placeholder in the list), so each must be
 * a domain id: an unsigned 32-bit integer (MariaDB manual, gtid_domain_id).
 */
function doDomainIds(domains: readonly number[] | undefined): string {
  if (domains === undefined || domains.length === 0) return '';
  for (const d of domains)
    if (!Number.isInteger(d) || d < 0 || d > 0xffffffff)
      throw new Error(`gtid domain id ${String(d)} is not an unsigned 32-bit integer`);
  return `, DO_DOMAIN_IDS = (${domains.join(',')})`;
}
