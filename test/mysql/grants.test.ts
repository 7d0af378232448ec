/**
 * SHOW GRANTS parsing for both engines, without a server: which required
 * privileges an account lacks, and the GRANT that fixes each.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  MARIADB_PRIVILEGES,
  MYSQL8_PRIVILEGES,
  holdsPrivilege,
  likeMatches,
  parseGrants,
  privilegeProblems,
  quoteAccount,
} from '../../src/mysql/internal.js';

const MARIADB_MINIMAL = [
  "GRANT SELECT, INSERT, DELETE, RELOAD, PROCESS, BINLOG MONITOR, CONNECTION ADMIN, READ_ONLY ADMIN, REPLICATION SLAVE ADMIN, REPLICATION MASTER ADMIN, BINLOG ADMIN, SLAVE MONITOR ON *.* TO `fab`@`127.0.0.1` IDENTIFIED BY PASSWORD '*D821809F681A40A6E379B50D0463EFAE20BDD122'",
  'GRANT SELECT, INSERT, CREATE ON `fabric_ha`.* TO `fab`@`127.0.0.1`',
];

const MYSQL_ROOT = [
  'GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, RELOAD, SHUTDOWN, PROCESS, FILE, REFERENCES, INDEX, ALTER, SHOW DATABASES, SUPER, CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE, REPLICATION SLAVE, REPLICATION CLIENT, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE, CREATE USER, EVENT, TRIGGER, CREATE TABLESPACE, CREATE ROLE, DROP ROLE ON *.* TO `root`@`localhost` WITH GRANT OPTION',
  'GRANT APPLICATION_PASSWORD_ADMIN,AUDIT_ABORT_EXEMPT,BACKUP_ADMIN,CONNECTION_ADMIN,REPLICATION_SLAVE_ADMIN,SYSTEM_VARIABLES_ADMIN,XA_RECOVER_ADMIN ON *.* TO `root`@`localhost` WITH GRANT OPTION',
  'GRANT PROXY ON ``@`` TO `root`@`localhost` WITH GRANT OPTION',
];

test('grants: ALL PRIVILEGES ON *.* satisfies every MariaDB requirement', () => {
  const lines = [
    'GRANT ALL PRIVILEGES ON *.* TO `root`@`127.0.0.1` WITH GRANT OPTION',
    'GRANT PROXY ON ``@`%` TO `root`@`127.0.0.1` WITH GRANT OPTION',
  ];
  assert.deepEqual(privilegeProblems('mariadb', MARIADB_PRIVILEGES, lines, 'root@127.0.0.1'), []);
});

test('grants: the measured minimal MariaDB 10.11 grant satisfies every requirement', () => {
  assert.deepEqual(
    privilegeProblems('mariadb', MARIADB_PRIVILEGES, MARIADB_MINIMAL, 'fab@127.0.0.1'),
    [],
  );
});

test('grants: a MariaDB account with USAGE only lacks each privilege, with a GRANT to fix it', () => {
  const lines = ["GRANT USAGE ON *.* TO `fab`@`127.0.0.1` IDENTIFIED BY PASSWORD '*D82'"];
  const problems = privilegeProblems('mariadb', MARIADB_PRIVILEGES, lines, 'fab@127.0.0.1');
  assert.deepEqual(
    problems.map((p) => p.setting),
    MARIADB_PRIVILEGES.map((p) => `privilege ${p.name}`),
  );
  const slaveAdmin = problems.find((p) => p.setting === 'privilege REPLICATION SLAVE ADMIN')!;
  assert.equal(slaveAdmin.found, "not granted to 'fab'@'127.0.0.1' on *.*");
  assert.match(
    slaveAdmin.required,
    /^REPLICATION SLAVE ADMIN \(or SUPER\) ON \*\.\*, for CHANGE MASTER/,
  );
  assert.equal(slaveAdmin.fix, "GRANT REPLICATION SLAVE ADMIN ON *.* TO 'fab'@'127.0.0.1'");
  const create = problems.find((p) => p.setting === 'privilege CREATE')!;
  assert.equal(create.fix, "GRANT CREATE ON `fabric_ha`.* TO 'fab'@'127.0.0.1'");
});

test('grants: MariaDB SUPER stands in where the server accepts it, and aliases fold', () => {
  const lines = [
    'GRANT SELECT, INSERT, DELETE, RELOAD, PROCESS, SUPER, READ ONLY ADMIN ON *.* TO `fab`@`%`',
    'GRANT ALL ON `fabric\\_ha`.* TO `fab`@`%`',
  ];
  assert.deepEqual(privilegeProblems('mariadb', MARIADB_PRIVILEGES, lines, 'fab@%'), []);
  const g = parseGrants('mariadb', [
    'GRANT REPLICATION CLIENT, REPLICA MONITOR, REPLICATION REPLICA ON *.* TO `x`@`%`',
  ]);
  assert.deepEqual([...g.global].sort(), ['BINLOG MONITOR', 'REPLICATION SLAVE', 'SLAVE MONITOR']);
  // SUPER does not cover READ_ONLY ADMIN since 10.11, nor RELOAD or PROCESS.
  const superOnly = privilegeProblems(
    'mariadb',
    MARIADB_PRIVILEGES,
    ['GRANT SUPER ON *.* TO `f`@`%`'],
    'f@%',
  );
  assert.deepEqual(
    superOnly.map((p) => p.setting),
    [
      'privilege READ_ONLY ADMIN',
      'privilege RELOAD',
      'privilege PROCESS',
      'privilege SELECT',
      'privilege INSERT',
      'privilege DELETE',
      'privilege CREATE',
    ],
  );
});

test('grants: privileges through roles are not counted, and the problem says so', () => {
  const lines = ['GRANT USAGE ON *.* TO `fab`@`%`', 'GRANT `fabric_role` TO `fab`@`%`'];
  const [first] = privilegeProblems('mariadb', MARIADB_PRIVILEGES, lines, 'fab@%');
  assert.match(first!.found, /privileges of its roles `fabric_role` are not counted/);
});

test('grants: MySQL 8 root and a minimal account with dynamic privileges pass', () => {
  assert.deepEqual(privilegeProblems('mysql', MYSQL8_PRIVILEGES, MYSQL_ROOT, 'root@localhost'), []);
  const minimal = [
    'GRANT SELECT, RELOAD, PROCESS, REPLICATION CLIENT ON *.* TO `fab`@`%`',
    'GRANT CONNECTION_ADMIN,REPLICATION_SLAVE_ADMIN,SYSTEM_VARIABLES_ADMIN ON *.* TO `fab`@`%`',
  ];
  assert.deepEqual(privilegeProblems('mysql', MYSQL8_PRIVILEGES, minimal, 'fab@%'), []);
});

test('grants: a MySQL 8 account without CONNECTION_ADMIN is told to grant it', () => {
  const lines = [
    'GRANT SELECT, RELOAD, PROCESS, REPLICATION CLIENT ON *.* TO `fab`@`%`',
    'GRANT REPLICATION_SLAVE_ADMIN,SYSTEM_VARIABLES_ADMIN ON *.* TO `fab`@`%`',
    'GRANT SELECT (a, b), INSERT ON `app`.`t` TO `fab`@`%`',
  ];
  const problems = privilegeProblems('mysql', MYSQL8_PRIVILEGES, lines, 'fab@%');
  assert.deepEqual(problems, [
    {
      setting: 'privilege CONNECTION_ADMIN',
      found: "not granted to 'fab'@'%' on *.*",
      required:
        'CONNECTION_ADMIN (or SUPER) ON *.*, for KILL other users’ connections when fencing a primary',
      fix: "GRANT CONNECTION_ADMIN ON *.* TO 'fab'@'%'",
    },
  ]);
  // MySQL's REPLICATION CLIENT is its own privilege, not MariaDB's BINLOG MONITOR.
  assert.ok(parseGrants('mysql', lines).global.has('REPLICATION CLIENT'));
});

test('grants: schema grants match LIKE patterns; table and column grants do not count', () => {
  const g = parseGrants('mariadb', [
    'GRANT CREATE, INSERT ON `fabric%`.* TO `a`@`%`',
    'GRANT SELECT (c1, c2), INSERT ON `fabric_ha`.`server_identity` TO `a`@`%`',
  ]);
  assert.ok(holdsPrivilege(g, 'CREATE', [], 'fabric_ha'));
  assert.ok(!holdsPrivilege(g, 'SELECT', [], 'fabric_ha'));
  assert.ok(!holdsPrivilege(g, 'CREATE'), 'a schema grant is not a global one');
  assert.ok(likeMatches('fabric\\_ha', 'fabric_ha'));
  assert.ok(!likeMatches('fabric\\_ha', 'fabricXha'));
  assert.ok(likeMatches('fabric_ha', 'fabricXha'));
  assert.ok(likeMatches('%', 'anything'));
  assert.equal(quoteAccount('fab@127.0.0.1'), "'fab'@'127.0.0.1'");
  assert.equal(quoteAccount('we@ird@%'), "'we@ird'@'%'");
});
