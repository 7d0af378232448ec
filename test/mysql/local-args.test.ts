/**
 * The local launcher's command lines and provisioning statements, without
 * starting a server (local-mariadb.test.ts starts real ones).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { findMariadbd } from '../../src/mysql/index.js';
import {
  MARIADB_PRIVILEGES,
  instancePaths,
  mariadbdArgs,
  provisionStatements,
  splitAddress,
} from '../../src/mysql/internal.js';

test('local: mariadbd flags follow mariadb.md, and omitArgs/extraArgs adjust them', () => {
  const paths = instancePaths('/tmp/x/s1');
  const args = mariadbdArgs(paths, { port: 40001, serverId: 7 });
  assert.equal(args[0], '--no-defaults', 'mariadbd requires it first');
  for (const flag of [
    '--port=40001',
    '--server-id=7',
    '--datadir=/tmp/x/s1/data',
    '--bind-address=127.0.0.1',
    '--log-bin=mysql-bin',
    '--relay-log=relay-bin',
    '--log-slave-updates',
    '--binlog-format=ROW',
    '--gtid-strict-mode=1',
    '--skip-name-resolve',
    '--log-error=/tmp/x/s1/error.log',
  ]) {
    assert.ok(args.includes(flag), flag);
  }
  assert.ok(!args.includes('--read-only=1'));
  const custom = mariadbdArgs(paths, {
    port: 40001,
    serverId: 7,
    readOnly: true,
    omitArgs: ['--log-bin', '--log-slave-updates'],
    extraArgs: ['--binlog-format=MIXED'],
  });
  assert.ok(!custom.some((a) => a.startsWith('--log-bin') || a === '--log-slave-updates'));
  assert.ok(custom.includes('--read-only=1'));
  assert.equal(custom.at(-1), '--binlog-format=MIXED', 'extra flags come last and win');
});

test('local: findMariadbd is undefined when neither PATH nor the fallbacks hold it', () => {
  assert.equal(findMariadbd('/nonexistent', ['/nonexistent2']), undefined);
});

test('local: provisioning keeps passwords secret and grants the admin exactly the checked list', () => {
  const statements = provisionStatements({
    admin: { user: 'fa', password: 'pw-admin' },
    replication: { user: 'fr', password: 'pw-repl' },
    app: { user: 'app', password: 'pw-app', database: 'app' },
  });
  assert.equal(statements[0]!.sql, 'SET SESSION sql_log_bin = 0');
  for (const s of statements) {
    assert.ok(!s.sql.includes('pw-') && !s.kind.includes('pw-'), s.kind);
    const secretValues = (s.values ?? []).filter(
      (v) => typeof v === 'string' && v.startsWith('pw-'),
    );
    assert.deepEqual(secretValues, s.secrets ?? []);
  }
  const adminGrant = statements.find((s) => s.kind === 'GRANT admin')!;
  for (const p of MARIADB_PRIVILEGES.filter((x) => x.schema === undefined)) {
    assert.ok(adminGrant.sql.includes(p.name), p.name);
  }
  assert.ok(statements.some((s) => s.sql === 'GRANT ALL PRIVILEGES ON `app`.* TO ?@?'));
  assert.ok(
    !statements.some((s) => /CREATE DATABASE/i.test(s.sql)),
    'the app database replicates from the primary',
  );
  assert.deepEqual(splitAddress('[::1]:3307'), { host: '::1', port: 3307 });
  assert.deepEqual(splitAddress('db1.example:3306'), { host: 'db1.example', port: 3306 });
});
