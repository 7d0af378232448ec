/**
 * Dialects without a server: the exact SQL of every MySQL 8 and MariaDB
 * statement, the values mysql2 escapes into them, and the normalisation
 * of sample rows of both engines.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { format } from 'mysql2';

import {
  createMariadbDialect,
  createMysql8Dialect,
  dialectFor,
  engineOf,
  parseVersion,
  versionAtLeast,
} from '../../src/mysql/internal.js';
import type { Statement } from '../../src/mysql/internal.js';

const MYSQL = createMysql8Dialect([8, 0, 36]);
const MARIADB = createMariadbDialect([10, 11, 19]);
const SOURCE = { host: '10.0.0.5', port: 3307 };
const ACCOUNT = { user: 'repl', password: "pa'ss" };

/** The statement as mysql2's query() sends it. */
function sent(s: Statement): string {
  return format(s.sql, s.values === undefined ? [] : [...s.values]);
}

test('dialect: the engine and version come from SELECT VERSION()', () => {
  assert.equal(engineOf('10.11.19-MariaDB-0+deb12u1-log'), 'mariadb');
  assert.equal(engineOf('8.0.36-0ubuntu0.22.04.1'), 'mysql');
  assert.equal(engineOf('8.4.0'), 'mysql');
  assert.deepEqual(parseVersion('10.11.19-MariaDB-0+deb12u1-log'), [10, 11, 19]);
  assert.deepEqual(parseVersion('8.0.36-0ubuntu0.22.04.1'), [8, 0, 36]);
  assert.equal(parseVersion('garbage'), undefined);
  assert.equal(dialectFor('10.6.1-MariaDB').engine, 'mariadb');
  assert.equal(dialectFor('8.0.23').engine, 'mysql');
  assert.ok(versionAtLeast([8, 0, 23], [8, 0, 23]));
  assert.ok(versionAtLeast([10, 11, 0], [10, 6, 0]));
  assert.ok(!versionAtLeast([8, 0, 22], [8, 0, 23]));
  assert.ok(!versionAtLeast([10, 5, 99], [10, 6, 0]));
});

test('dialect: MySQL 8 reads state with one named column per value', () => {
  assert.equal(
    MYSQL.probeQuery.sql,
    'SELECT VERSION() AS version, @@server_id AS server_id, @@global.read_only AS read_only, @@global.gtid_executed AS gtids',
  );
  assert.equal(MYSQL.gtidExecutedQuery.sql, 'SELECT @@global.gtid_executed AS gtids');
  assert.equal(MYSQL.readOnlyQuery.sql, 'SELECT @@global.read_only AS read_only');
  assert.equal(MYSQL.identityQuery.sql, 'SELECT @@server_uuid AS uuid');
  assert.deepEqual(MYSQL.identityMissingErrnos, []);
  assert.deepEqual(MYSQL.createIdentity('x'), []);
  assert.equal(MYSQL.replicaStatusQuery.sql, 'SHOW REPLICA STATUS');
});

test('dialect: MySQL 8 read_only also sets super_read_only, in the order the server needs', () => {
  assert.equal(
    MYSQL.setReadOnly(true).sql,
    'SET @@GLOBAL.read_only = ON, @@GLOBAL.super_read_only = ON',
  );
  assert.equal(
    MYSQL.setReadOnly(false).sql,
    'SET @@GLOBAL.super_read_only = OFF, @@GLOBAL.read_only = OFF',
  );
});

test('dialect: MySQL 8 replication statements', () => {
  const change = MYSQL.changeSource(SOURCE, ACCOUNT);
  assert.equal(change.kind, 'CHANGE REPLICATION SOURCE');
  assert.equal(
    sent(change),
    "CHANGE REPLICATION SOURCE TO SOURCE_HOST = '10.0.0.5', SOURCE_PORT = 3307, SOURCE_USER = 'repl', " +
      "SOURCE_PASSWORD = 'pa\\'ss', SOURCE_AUTO_POSITION = 1, GET_SOURCE_PUBLIC_KEY = 1, SOURCE_CONNECT_RETRY = 1 FOR CHANNEL ''",
  );
  assert.deepEqual(change.secrets, ["pa'ss"]);
  assert.ok(!change.kind.includes('pa'), 'the kind never carries the password');
  assert.equal(
    sent(MYSQL.changeSource(SOURCE, ACCOUNT, 250)).endsWith(
      "SOURCE_CONNECT_RETRY = 1, SOURCE_HEARTBEAT_PERIOD = 0.25 FOR CHANNEL ''",
    ),
    true,
  );
  assert.equal(MYSQL.stopReceiving.sql, "STOP REPLICA IO_THREAD FOR CHANNEL ''");
  assert.equal(MYSQL.startReceiving.sql, "START REPLICA IO_THREAD FOR CHANNEL ''");
  assert.equal(
    MYSQL.heartbeatQuery?.sql,
    'SELECT s.COUNT_RECEIVED_HEARTBEATS AS heartbeats, c.HEARTBEAT_INTERVAL AS heartbeat_period ' +
      'FROM performance_schema.replication_connection_status s ' +
      'JOIN performance_schema.replication_connection_configuration c USING (CHANNEL_NAME) ' +
      "WHERE CHANNEL_NAME = ''",
  );
  assert.equal(
    sent(MYSQL.setSemiSyncTimeout(4_294_967_295)),
    'SET GLOBAL rpl_semi_sync_source_timeout = 4294967295',
  );
  // The default channel only: a bare STOP/START/RESET REPLICA acts on every channel.
  assert.equal(MYSQL.startReplica.sql, "START REPLICA FOR CHANNEL ''");
  assert.equal(MYSQL.stopReplica.sql, "STOP REPLICA FOR CHANNEL ''");
  assert.equal(MYSQL.resetReplica.sql, "RESET REPLICA ALL FOR CHANNEL ''");
  assert.deepEqual(MYSQL.rejoinPrelude, []);
});

test('dialect: MySQL 8 waits in whole seconds, rounded up, never 0', () => {
  const uuid = '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5';
  assert.equal(
    sent(MYSQL.waitForGtids(uuid, 2500)),
    `SELECT WAIT_FOR_EXECUTED_GTID_SET('${uuid}', 3) AS reached`,
  );
  assert.deepEqual(MYSQL.waitForGtids(uuid, 0).values, [uuid, 1]);
  assert.deepEqual(MYSQL.waitForGtids(uuid, 1000).values, [uuid, 1]);
  assert.equal(MYSQL.waitReached(0), true);
  assert.equal(MYSQL.waitReached('0'), true);
  assert.equal(MYSQL.waitReached(1), false);
  assert.equal(MYSQL.waitReached(null), undefined);
  assert.equal(MYSQL.waitReached(2), undefined);
});

test('dialect: MySQL 8 requirements read log_replica_updates, or log_slave_updates before 8.0.26', () => {
  assert.equal(
    MYSQL.requirementsQuery.sql,
    'SELECT @@global.log_bin AS log_bin, @@global.gtid_mode AS gtid_mode, ' +
      '@@global.enforce_gtid_consistency AS enforce_gtid_consistency, ' +
      '@@global.log_replica_updates AS log_replica_updates, ' +
      '@@global.binlog_format AS binlog_format, @@global.server_id AS server_id',
  );
  const old = createMysql8Dialect([8, 0, 23]);
  assert.match(old.requirementsQuery.sql, /@@global\.log_slave_updates AS log_slave_updates/);
  assert.doesNotMatch(old.requirementsQuery.sql, /log_replica_updates/);
});

test('dialect: MySQL 8 requirement problems name each bad setting and its fix', () => {
  const good = {
    log_bin: 1,
    gtid_mode: 'ON',
    enforce_gtid_consistency: 'ON',
    log_replica_updates: 1,
    binlog_format: 'ROW',
    server_id: 1,
  };
  assert.deepEqual(MYSQL.requirementProblems(good), []);
  const bad = {
    log_bin: 0,
    gtid_mode: 'OFF_PERMISSIVE',
    enforce_gtid_consistency: 'WARN',
    log_replica_updates: 0,
    binlog_format: 'MIXED',
    server_id: 0,
  };
  const problems = MYSQL.requirementProblems(bad);
  assert.deepEqual(
    problems.map((p) => [p.setting, p.found]),
    [
      ['log_bin', 'OFF'],
      ['gtid_mode', 'OFF_PERMISSIVE'],
      ['enforce_gtid_consistency', 'WARN'],
      ['log_replica_updates', 'OFF'],
      ['binlog_format', 'MIXED'],
      ['server_id', '0'],
    ],
  );
  assert.match(problems[3]!.fix, /--skip-log-replica-updates/);
  assert.match(problems[4]!.fix, /SET PERSIST binlog_format='ROW'/);
});

test('dialect: MySQL 8 replica status row is normalised', () => {
  const row = {
    Replica_IO_State: 'Waiting for source to send event',
    Source_Host: '10.0.0.5',
    Source_Port: 3307,
    Replica_IO_Running: 'Connecting',
    Replica_SQL_Running: 'Yes',
    Last_IO_Errno: 2003,
    Last_IO_Error: "error connecting to source 'repl@10.0.0.5:3307'",
    Last_SQL_Errno: 0,
    Last_SQL_Error: '',
    Seconds_Behind_Source: null,
    Retrieved_Gtid_Set:
      '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\n4e11fa47-71ca-11e1-9e33-c80aa9429562:1-3',
    Executed_Gtid_Set: '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5',
    Source_Log_File: 'binlog.000007',
    Read_Source_Log_Pos: 1234,
    // From heartbeatQuery (performance_schema), merged into the row.
    heartbeats: 17,
    heartbeat_period: '0.250',
    Replica_SQL_Running_State: 'Replica has read all relay log; waiting for more updates',
  };
  assert.deepEqual(MYSQL.replicaStatus(row), {
    sourceHost: '10.0.0.5',
    sourcePort: 3307,
    ioRunning: 'Connecting',
    sqlRunning: true,
    ioErrno: 2003,
    ioError: "error connecting to source 'repl@10.0.0.5:3307'",
    sqlErrno: 0,
    sqlError: '',
    secondsBehind: null,
    receivedGtids:
      '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,4e11fa47-71ca-11e1-9e33-c80aa9429562:1-3',
    receivedHeartbeats: 17,
    heartbeatPeriodMs: 250,
    readPosition: 'binlog.000007:1234',
    relayLogApplied: true,
    sqlState: 'Replica has read all relay log; waiting for more updates',
  });
  const running = MYSQL.replicaStatus({
    ...row,
    Replica_IO_Running: 'Yes',
    Seconds_Behind_Source: '12',
  });
  assert.equal(running.ioRunning, 'Yes');
  assert.equal(running.secondsBehind, 12);
  assert.equal(
    MYSQL.replicaStatus({ ...row, Replica_IO_Running: 'No', Replica_SQL_Running: 'No' }).ioRunning,
    'No',
  );
});

test('dialect: MariaDB statements', () => {
  assert.equal(
    MARIADB.probeQuery.sql,
    'SELECT VERSION() AS version, @@server_id AS server_id, @@global.read_only AS read_only, @@global.gtid_current_pos AS gtids',
  );
  assert.equal(MARIADB.gtidExecutedQuery.sql, 'SELECT @@global.gtid_current_pos AS gtids');
  assert.equal(MARIADB.setReadOnly(true).sql, 'SET GLOBAL read_only = ON');
  assert.equal(MARIADB.setReadOnly(false).sql, 'SET GLOBAL read_only = OFF');
  const change = MARIADB.changeSource(SOURCE, ACCOUNT);
  assert.equal(
    sent(change),
    "CHANGE MASTER TO MASTER_HOST = '10.0.0.5', MASTER_PORT = 3307, MASTER_USER = 'repl', " +
      "MASTER_PASSWORD = 'pa\\'ss', MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1",
  );
  assert.deepEqual(change.secrets, ["pa'ss"]);
  assert.equal(MARIADB.startReplica.sql, 'START SLAVE');
  assert.equal(MARIADB.stopReplica.sql, 'STOP SLAVE');
  assert.equal(MARIADB.resetReplica.sql, 'RESET SLAVE ALL');
  assert.deepEqual(
    MARIADB.rejoinPrelude.map((s) => s.sql),
    ['SET GLOBAL gtid_slave_pos = @@global.gtid_binlog_pos'],
  );
  assert.equal(MARIADB.replicaStatusQuery.sql, 'SHOW ALL SLAVES STATUS');
  assert.equal(MARIADB.heartbeatQuery, undefined, 'the status row has the heartbeat columns');
  assert.equal(
    sent(MARIADB.changeSource(SOURCE, ACCOUNT, 250)).endsWith(
      'MASTER_CONNECT_RETRY = 1, MASTER_HEARTBEAT_PERIOD = 0.25',
    ),
    true,
  );
  assert.equal(MARIADB.stopReceiving.sql, 'STOP SLAVE IO_THREAD');
  assert.equal(MARIADB.startReceiving.sql, 'START SLAVE IO_THREAD');
  assert.equal(
    sent(MARIADB.setSemiSyncTimeout(4_294_967_295)),
    'SET GLOBAL rpl_semi_sync_master_timeout = 4294967295',
  );
});

test('dialect: MariaDB waits with MASTER_GTID_WAIT in fractional seconds (0 reached, -1 timed out)', () => {
  assert.equal(
    sent(MARIADB.waitForGtids('0-1-215,1-2-5', 250)),
    "SELECT MASTER_GTID_WAIT('0-1-215,1-2-5', 0.25) AS reached",
  );
  assert.equal(MARIADB.waitReached(0), true);
  assert.equal(MARIADB.waitReached(-1), false);
  assert.equal(MARIADB.waitReached('-1'), false);
  assert.equal(MARIADB.waitReached(null), undefined);
});

test('dialect: MariaDB identity lives in fabric_ha.server_identity, stored once', () => {
  assert.equal(
    MARIADB.identityQuery.sql,
    'SELECT uuid FROM `fabric_ha`.`server_identity` WHERE id = 1',
  );
  assert.deepEqual(MARIADB.identityMissingErrnos, [1049, 1146]);
  const create = MARIADB.createIdentity('11111111-2222-3333-4444-555555555555');
  assert.deepEqual(create.map(sent), [
    'CREATE DATABASE IF NOT EXISTS `fabric_ha`',
    'CREATE TABLE IF NOT EXISTS `fabric_ha`.`server_identity` (id TINYINT UNSIGNED NOT NULL PRIMARY KEY CHECK (id = 1), ' +
      'uuid CHAR(36) NOT NULL, created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP) ENGINE=InnoDB',
    "INSERT IGNORE INTO `fabric_ha`.`server_identity` (id, uuid) VALUES (1, '11111111-2222-3333-4444-555555555555')",
  ]);
});

test('dialect: MariaDB requirement problems (10.11 defaults log_slave_updates to OFF)', () => {
  assert.equal(
    MARIADB.requirementsQuery.sql,
    'SELECT @@global.log_bin AS log_bin, @@global.log_slave_updates AS log_slave_updates, ' +
      '@@global.gtid_strict_mode AS gtid_strict_mode, @@global.binlog_format AS binlog_format, ' +
      '@@global.server_id AS server_id',
  );
  const good = {
    log_bin: 1,
    log_slave_updates: 1,
    gtid_strict_mode: 1,
    binlog_format: 'ROW',
    server_id: 7,
  };
  assert.deepEqual(MARIADB.requirementProblems(good), []);
  const defaults = { ...good, log_slave_updates: 0, gtid_strict_mode: 0, binlog_format: 'MIXED' };
  const problems = MARIADB.requirementProblems(defaults);
  assert.deepEqual(
    problems.map((p) => [p.setting, p.found]),
    [
      ['log_slave_updates', 'OFF'],
      ['gtid_strict_mode', 'OFF'],
      ['binlog_format', 'MIXED'],
    ],
  );
  assert.match(problems[0]!.fix, /start mariadbd with --log-slave-updates/);
  const noBinlog = MARIADB.requirementProblems({ ...good, log_bin: 0, server_id: 0 });
  assert.deepEqual(
    noBinlog.map((p) => p.setting),
    ['log_bin', 'server_id'],
  );
  assert.match(noBinlog[0]!.fix, /--log-bin/);
});

test('dialect: MariaDB replica status row is normalised', () => {
  const row = {
    Slave_IO_State: 'Waiting for master to send event',
    Master_Host: '127.0.0.1',
    Master_User: 'repl',
    Master_Port: 3310,
    Slave_IO_Running: 'Yes',
    Slave_SQL_Running: 'Yes',
    Last_Errno: 0,
    Last_IO_Errno: 0,
    Last_IO_Error: '',
    Last_SQL_Errno: 0,
    Last_SQL_Error: '',
    Seconds_Behind_Master: 0,
    Using_Gtid: 'Slave_Pos',
    Gtid_IO_Pos: '0-1-2',
    Master_Log_File: 'mysql-bin.000001',
    Read_Master_Log_Pos: 328,
    Slave_received_heartbeats: 9,
    Slave_heartbeat_period: '0.250',
    Slave_SQL_Running_State: 'Reading event from the relay log',
  };
  assert.deepEqual(MARIADB.replicaStatus(row), {
    sourceHost: '127.0.0.1',
    sourcePort: 3310,
    ioRunning: 'Yes',
    sqlRunning: true,
    ioErrno: 0,
    ioError: '',
    sqlErrno: 0,
    sqlError: '',
    secondsBehind: 0,
    receivedGtids: '0-1-2',
    receivedHeartbeats: 9,
    heartbeatPeriodMs: 250,
    readPosition: 'mysql-bin.000001:328',
    relayLogApplied: false,
    sqlState: 'Reading event from the relay log',
  });
  const diverged = MARIADB.replicaStatus({
    ...row,
    Slave_IO_Running: 'No',
    Slave_SQL_Running: 'No',
    Last_IO_Errno: 1236,
    Last_IO_Error: 'Got fatal error 1236 from master',
    Seconds_Behind_Master: null,
  });
  assert.equal(diverged.ioRunning, 'No');
  assert.equal(diverged.sqlRunning, false);
  assert.equal(diverged.ioErrno, 1236);
  assert.equal(diverged.secondsBehind, null);
  assert.equal(
    MARIADB.replicaStatus({ ...row, Slave_IO_Running: 'Preparing' }).ioRunning,
    'Connecting',
  );
});

test('dialect: named connections for the global group (MariaDB multi-source, MySQL 8 channels)', () => {
  const maria = MARIADB.changeChannelSource('fabric_global', SOURCE, ACCOUNT, 250);
  assert.equal(
    sent(maria),
    "CHANGE MASTER 'fabric_global' TO MASTER_HOST = '10.0.0.5', MASTER_PORT = 3307, MASTER_USER = 'repl', " +
      "MASTER_PASSWORD = 'pa\\'ss', MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1, MASTER_HEARTBEAT_PERIOD = 0.25",
  );
  assert.deepEqual(maria.secrets, ["pa'ss"]);
  assert.ok(!maria.kind.includes('pa'), 'the kind never carries the password');
  assert.equal(MARIADB.startChannel('fabric_global').sql, "START SLAVE 'fabric_global'");
  assert.equal(MARIADB.stopChannel('fabric_global').sql, "STOP SLAVE 'fabric_global'");
  assert.equal(MARIADB.resetChannel('fabric_global').sql, "RESET SLAVE 'fabric_global' ALL");

  const mysql = MYSQL.changeChannelSource('fabric_global', SOURCE, ACCOUNT, 250);
  assert.equal(
    sent(mysql),
    "CHANGE REPLICATION SOURCE TO SOURCE_HOST = '10.0.0.5', SOURCE_PORT = 3307, SOURCE_USER = 'repl', " +
      "SOURCE_PASSWORD = 'pa\\'ss', SOURCE_AUTO_POSITION = 1, GET_SOURCE_PUBLIC_KEY = 1, SOURCE_CONNECT_RETRY = 1, " +
      "SOURCE_HEARTBEAT_PERIOD = 0.25 FOR CHANNEL 'fabric_global'",
  );
  assert.equal(
    MYSQL.startChannel('fabric_global').sql,
    "START REPLICA FOR CHANNEL 'fabric_global'",
  );
  assert.equal(MYSQL.stopChannel('fabric_global').sql, "STOP REPLICA FOR CHANNEL 'fabric_global'");
  assert.equal(
    MYSQL.resetChannel('fabric_global').sql,
    "RESET REPLICA ALL FOR CHANNEL 'fabric_global'",
  );
  for (const bad of ["x' ALL; DROP", '', 'Fabric', 'a'.repeat(65)]) {
    assert.throws(() => MARIADB.startChannel(bad), /not a lower-case word/);
    assert.throws(() => MYSQL.resetChannel(bad), /not a lower-case word/);
  }
});

test('dialect: gtid_domain_id is MariaDB’s; MySQL GTIDs have none', () => {
  assert.equal(MARIADB.gtidDomainQuery?.sql, 'SELECT @@global.gtid_domain_id AS domain_id');
  assert.equal(
    MARIADB.setGtidDomainId && sent(MARIADB.setGtidDomainId(7)),
    'SET GLOBAL gtid_domain_id = 7',
  );
  assert.equal(MYSQL.gtidDomainQuery, undefined);
  assert.equal(MYSQL.setGtidDomainId, undefined);
});

test('dialect: a catch-up connection limited to one gtid domain (MariaDB DO_DOMAIN_IDS; MySQL has no domains)', () => {
  const maria = MARIADB.changeChannelSource('fabric_catchup', SOURCE, ACCOUNT, undefined, [7]);
  assert.equal(
    sent(maria),
    "CHANGE MASTER 'fabric_catchup' TO MASTER_HOST = '10.0.0.5', MASTER_PORT = 3307, MASTER_USER = 'repl', " +
      "MASTER_PASSWORD = 'pa\\'ss', MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1, DO_DOMAIN_IDS = (7)",
  );
  assert.throws(() => MARIADB.changeChannelSource('fabric_catchup', SOURCE, ACCOUNT, 250, [-1]));
  assert.throws(() => MARIADB.changeChannelSource('fabric_catchup', SOURCE, ACCOUNT, 250, [1.5]));
  assert.throws(() => MYSQL.changeChannelSource('fabric_catchup', SOURCE, ACCOUNT, 250, [7]));
  assert.doesNotMatch(
    MARIADB.changeChannelSource('fabric_catchup', SOURCE, ACCOUNT, 250, []).sql,
    /DO_DOMAIN_IDS/,
  );
});
