/**
 * checkRequirements on real MariaDB instances: a well-configured server
 * passes, one started without --log-bin or without --log-slave-updates is
 * reported precisely, and so is an admin account lacking privileges or
 * the right password.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { ServerPool } from '../../src/mysql/index.js';
import { isFabricError } from '../../src/util/fabric-error.js';
import { silentLogger } from '../../src/util/logger.js';
import { ROOT, connectAs, startFleet } from './fleet.js';
import type { Fleet } from './fleet.js';

let fleet: Fleet;
let pool: ServerPool;

before(async () => {
  fleet = await startFleet(3, {
    servers: [{}, { omitArgs: ['--log-bin'] }, { omitArgs: ['--log-slave-updates'] }],
  });
  pool = new ServerPool(fleet.settings, silentLogger());
});

after(async () => {
  await pool.close();
  await fleet.stop();
});

test('requirements: a server started like the sandbox’s, with the provisioned admin, passes', async () => {
  assert.deepEqual(await pool.server(fleet.servers[0]!.address).checkRequirements(), []);
});

test('requirements: a server without --log-bin is told to start with it', async () => {
  const problems = await pool.server(fleet.servers[1]!.address).checkRequirements();
  assert.deepEqual(
    problems.map((p) => [p.setting, p.found]),
    [['log_bin', 'OFF']],
  );
  assert.match(problems[0]!.fix, /^start mariadbd with --log-bin/);
});

test('requirements: a server without --log-slave-updates (10.11’s default) is told to start with it', async () => {
  const problems = await pool.server(fleet.servers[2]!.address).checkRequirements();
  assert.deepEqual(
    problems.map((p) => [p.setting, p.found]),
    [['log_slave_updates', 'OFF']],
  );
  assert.match(problems[0]!.fix, /^start mariadbd with --log-slave-updates/);
});

test('requirements: an admin account lacking privileges gets one problem per privilege', async (t) => {
  const server = fleet.servers[0]!;
  const root = await connectAs(server, ROOT);
  try {
    await root.query('SET SESSION sql_log_bin = 0');
    await root.query("CREATE USER 'weak'@'127.0.0.1' IDENTIFIED BY 'weak-pw'");
    await root.query("GRANT SELECT, PROCESS, SUPER ON *.* TO 'weak'@'127.0.0.1'");
  } finally {
    await root.end();
  }
  const weak = new ServerPool(
    { ...fleet.settings, admin: { user: 'weak', password: 'weak-pw' } },
    silentLogger(),
  );
  t.after(() => weak.close());
  const problems = await weak.server(server.address).checkRequirements();
  assert.deepEqual(
    problems.map((p) => p.setting),
    [
      'privilege READ_ONLY ADMIN',
      'privilege RELOAD',
      'privilege INSERT',
      'privilege DELETE',
      'privilege CREATE',
    ],
  );
  assert.equal(problems[0]!.fix, "GRANT READ_ONLY ADMIN ON *.* TO 'weak'@'127.0.0.1'");
  // The list is what the server enforces: without READ_ONLY ADMIN, SET GLOBAL read_only fails.
  await assert.rejects(weak.server(server.address).setReadOnly(true), (e: unknown) => {
    assert.ok(isFabricError(e, 'SERVER_QUERY_FAILED'), String(e));
    assert.match(
      e.message,
      /^SET GLOBAL read_only=ON failed on the server at .*: Access denied; you need .*READ_ONLY ADMIN/,
    );
    assert.equal(e.details.errno, 1227);
    return true;
  });
});

test('requirements: a wrong admin password is access denied (not unreachable), naming the user and where the password comes from', async (t) => {
  const wrong = new ServerPool(
    { ...fleet.settings, admin: { user: fleet.accounts.admin.user, password: 'not-the-password' } },
    silentLogger(),
  );
  t.after(() => wrong.close());
  await assert.rejects(
    wrong.server(fleet.servers[0]!.address).checkRequirements(),
    (e: unknown) => {
      assert.ok(isFabricError(e, 'SERVER_ACCESS_DENIED'), String(e));
      assert.match(e.message, new RegExp(`access denied for user '${fleet.accounts.admin.user}'`));
      assert.match(e.message, /password comes from the \[servers\] section/);
      assert.doesNotMatch(e.message, /not-the-password/);
      return true;
    },
  );
});
