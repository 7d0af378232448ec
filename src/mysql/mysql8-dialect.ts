import { changeSourceStatement } from './change-source.js';
import { channelName } from './channel-name.js';
import type { Dialect } from './dialect.js';
import { MYSQL8_PRIVILEGES, mysql8RequirementProblems } from './mysql8-requirements.js';
import { readReplicaStatus } from './replica-status-row.js';
import { waitOutcome } from './row-fields.js';
import { versionAtLeast } from './server-version.js';
import type { Version } from './server-version.js';
import { statement } from './statement.js';

/**
 * MySQL ≥ 8.0.23 (CHANGE REPLICATION SOURCE TO; START/STOP/RESET REPLICA
 * and SHOW REPLICA STATUS with Source_/Replica_ columns since 8.0.22).
 */
export function createMysql8Dialect(version: Version): Dialect {
  // 8.0.26 renamed log_slave_updates; the old name is deprecated after it.
  const replicaUpdates = versionAtLeast(version, [8, 0, 26])
    ? 'log_replica_updates'
    : 'log_slave_updates';
  return {
    engine: 'mysql',
    version,
    probeQuery: statement(
      'probe',
      'SELECT VERSION() AS version, @@server_id AS server_id, @@global.read_only AS read_only, @@global.gtid_executed AS gtids',
    ),
    gtidExecutedQuery: statement('read gtid_executed', 'SELECT @@global.gtid_executed AS gtids'),
    readOnlyQuery: statement('read read_only', 'SELECT @@global.read_only AS read_only'),
    // super_read_only also stops accounts with CONNECTION_ADMIN/SUPER (an
    // admin's stray write would be an errant GTID). Order matters: turning
    // super_read_only on implies read_only, and read_only off needs
    // super_read_only off first; SET assigns left to right.
    setReadOnly: (on) =>
      on
        ? statement(
            'SET GLOBAL super_read_only=ON',
            'SET @@GLOBAL.read_only = ON, @@GLOBAL.super_read_only = ON',
          )
        : statement(
            'SET GLOBAL read_only=OFF',
            'SET @@GLOBAL.super_read_only = OFF, @@GLOBAL.read_only = OFF',
          ),
    // GET_SOURCE_PUBLIC_KEY: the default caching_sha2_password needs the
    // source's RSA key to send the password over a non-TLS connection.
    changeSource: (source, account, heartbeatPeriodMs) =>
      changeSourceStatement(
        {
          kind: 'CHANGE REPLICATION SOURCE',
          prefix:
            'CHANGE REPLICATION SOURCE TO SOURCE_HOST = ?, SOURCE_PORT = ?, SOURCE_USER = ?, SOURCE_PASSWORD = ?, ' +
            'SOURCE_AUTO_POSITION = 1, GET_SOURCE_PUBLIC_KEY = 1, SOURCE_CONNECT_RETRY = 1',
          heartbeat: 'SOURCE_HEARTBEAT_PERIOD',
          suffix: " FOR CHANNEL ''",
        },
        source,
        account,
        heartbeatPeriodMs,
      ),
    // Replication channels (MySQL manual, "Replication Channels"): every
    // statement names its channel with a trailing FOR CHANNEL clause.
    changeChannelSource: (channel, source, account, heartbeatPeriodMs, onlyDomains) => {
      // GTIDs name their origin's server_uuid, not a domain: nothing to filter by.
      if (onlyDomains !== undefined && onlyDomains.length > 0)
        throw new Error('MySQL has no gtid domains: a channel cannot be limited to some');
      return changeSourceStatement(
        {
          kind: `CHANGE REPLICATION SOURCE FOR CHANNEL '${channelName(channel)}'`,
          prefix:
            'CHANGE REPLICATION SOURCE TO SOURCE_HOST = ?, SOURCE_PORT = ?, SOURCE_USER = ?, SOURCE_PASSWORD = ?, ' +
            'SOURCE_AUTO_POSITION = 1, GET_SOURCE_PUBLIC_KEY = 1, SOURCE_CONNECT_RETRY = 1',
          heartbeat: 'SOURCE_HEARTBEAT_PERIOD',
          suffix: ` FOR CHANNEL '${channelName(channel)}'`,
        },
        source,
        account,
        heartbeatPeriodMs,
      );
    },
    startChannel: (channel) =>
      statement(
        `START REPLICA FOR CHANNEL '${channelName(channel)}'`,
        `START REPLICA FOR CHANNEL '${channelName(channel)}'`,
      ),
    stopChannel: (channel) =>
      statement(
        `STOP REPLICA FOR CHANNEL '${channelName(channel)}'`,
        `STOP REPLICA FOR CHANNEL '${channelName(channel)}'`,
      ),
    resetChannel: (channel) =>
      statement(
        `RESET REPLICA ALL FOR CHANNEL '${channelName(channel)}'`,
        `RESET REPLICA ALL FOR CHANNEL '${channelName(channel)}'`,
      ),
    // FOR CHANNEL '': without it START/STOP/RESET REPLICA act on every
    // channel (MySQL manual, "Commands for Operations on All Channels"),
    // and would take the global group's channel down with the HA one.
    startReplica: statement('START REPLICA', "START REPLICA FOR CHANNEL ''"),
    stopReplica: statement('STOP REPLICA', "STOP REPLICA FOR CHANNEL ''"),
    stopReceiving: statement('STOP REPLICA IO_THREAD', "STOP REPLICA IO_THREAD FOR CHANNEL ''"),
    startReceiving: statement('START REPLICA IO_THREAD', "START REPLICA IO_THREAD FOR CHANNEL ''"),
    resetReplica: statement('RESET REPLICA ALL', "RESET REPLICA ALL FOR CHANNEL ''"),
    // Auto-positioning sends gtid_executed, which includes a former
    // primary's own writes: nothing to prepare.
    rejoinPrelude: [],
    replicaStatusQuery: statement('SHOW REPLICA STATUS', 'SHOW REPLICA STATUS'),
    replicaStatus: (row) =>
      readReplicaStatus(row, {
        sourceHost: 'Source_Host',
        sourcePort: 'Source_Port',
        ioRunning: 'Replica_IO_Running',
        sqlRunning: 'Replica_SQL_Running',
        secondsBehind: 'Seconds_Behind_Source',
        receivedGtids: 'Retrieved_Gtid_Set',
        readFile: 'Source_Log_File',
        readPosition: 'Read_Source_Log_Pos',
        heartbeats: 'heartbeats',
        heartbeatPeriod: 'heartbeat_period',
        sqlState: 'Replica_SQL_Running_State',
      }),
    // SHOW REPLICA STATUS has no heartbeat count; performance_schema has it
    // per channel (MySQL manual, replication_connection_status).
    heartbeatQuery: statement(
      'read replication heartbeats',
      'SELECT s.COUNT_RECEIVED_HEARTBEATS AS heartbeats, c.HEARTBEAT_INTERVAL AS heartbeat_period ' +
        'FROM performance_schema.replication_connection_status s ' +
        'JOIN performance_schema.replication_connection_configuration c USING (CHANNEL_NAME) ' +
        "WHERE CHANNEL_NAME = ''",
    ),
    setSemiSyncTimeout: (timeoutMs) =>
      statement(
        'SET GLOBAL rpl_semi_sync_source_timeout',
        'SET GLOBAL rpl_semi_sync_source_timeout = ?',
        [Math.round(timeoutMs)],
      ),
    // WAIT_FOR_EXECUTED_GTID_SET checks gtid_executed (any source, replica
    // threads or not) and counts whole seconds (WL#7796): round up, at
    // least 1, so a short wait is not an infinite one. 0 = reached, 1 = timed out.
    waitForGtids: (gtids, timeoutMs) =>
      statement(
        'WAIT_FOR_EXECUTED_GTID_SET',
        'SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?) AS reached',
        [gtids, Math.max(1, Math.ceil(timeoutMs / 1000))],
      ),
    waitReached: (value) => waitOutcome(value, 0, 1),
    identityQuery: statement('read server_uuid', 'SELECT @@server_uuid AS uuid'),
    identityMissingErrnos: [],
    createIdentity: () => [],
    requirementsQuery: statement(
      'read replication settings',
      'SELECT @@global.log_bin AS log_bin, @@global.gtid_mode AS gtid_mode, ' +
        `@@global.enforce_gtid_consistency AS enforce_gtid_consistency, @@global.${replicaUpdates} AS ${replicaUpdates}, ` +
        '@@global.binlog_format AS binlog_format, @@global.server_id AS server_id',
    ),
    requirementProblems: (row) => mysql8RequirementProblems(row, replicaUpdates),
    requiredPrivileges: MYSQL8_PRIVILEGES,
  };
}
