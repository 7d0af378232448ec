/**
 * LocalMariadb, the launcher behind the sandbox and every fleet: a server
 * answers after start, keeps its data across stop/restart and kill -9,
 * restarts read-only on request, is gone after destroy, and a server that
 * cannot start says why, quoting its error log.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { LocalMariadb } from '../../src/mysql/index.js';
import { isFabricError } from '../../src/util/fabric-error.js';
import { freePorts } from '../../src/util/free-ports.js';
import { ROOT, connectAs } from './fleet.js';

function pidOf(server: LocalMariadb): number {
  const pid = server.pid;
  assert.ok(pid !== undefined, 'the server runs');
  return pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** read_only and whether database `kept` exists (asked apart: MariaDB 10.11 answers
 * @@read_only = 0 when it shares a SELECT with COUNT(*) over information_schema). */
async function state(server: LocalMariadb): Promise<{ readOnly: unknown; kept: number }> {
  const [ro] = (await rootQuery(server, 'SELECT @@global.read_only AS ro')) as [{ ro: unknown }];
  const kept = await rootQuery(server, "SHOW DATABASES LIKE 'kept'");
  return { readOnly: ro.ro, kept: kept.length };
}

async function rootQuery(server: LocalMariadb, sql: string): Promise<unknown[]> {
  const conn = await connectAs(server, ROOT);
  try {
    const [rows] = await conn.query(sql);
    return rows as unknown[];
  } finally {
    await conn.end();
  }
}

test('local: a server survives stop/restart and kill -9, restarts read-only, and destroy removes it', async (t) => {
  const base = await mkdtemp(join(tmpdir(), 'fabric-ha-local-'));
  t.after(() => rm(base, { recursive: true, force: true }));
  const [port] = (await freePorts(1)) as [number];
  const server = await LocalMariadb.start({ baseDir: join(base, 'one'), port, serverId: 42 });
  t.after(() => server.destroy());
  assert.equal(server.address, `127.0.0.1:${port}`);
  assert.deepEqual(
    await rootQuery(server, 'SELECT @@server_id AS id, @@log_bin AS b, @@read_only AS ro'),
    [{ id: 42, b: 1, ro: 0 }],
  );
  await rootQuery(server, 'CREATE DATABASE kept');

  const firstPid = pidOf(server);
  await server.stop();
  assert.equal(server.pid, undefined);
  assert.equal(alive(firstPid), false);
  await server.restart({ readOnly: true });
  assert.deepEqual(await state(server), { readOnly: 1, kept: 1 });

  const crashedPid = pidOf(server);
  await server.kill9();
  assert.equal(alive(crashedPid), false);
  await server.restart();
  assert.deepEqual(await state(server), { readOnly: 0, kept: 1 });

  const lastPid = pidOf(server);
  await server.destroy();
  assert.equal(alive(lastPid), false);
  assert.equal(existsSync(server.baseDir), false);
});

test('local: a server that cannot start fails with the end of its error log', async (t) => {
  const base = await mkdtemp(join(tmpdir(), 'fabric-ha-local-'));
  t.after(() => rm(base, { recursive: true, force: true }));
  const [port] = (await freePorts(1)) as [number];
  await assert.rejects(
    LocalMariadb.start({
      baseDir: join(base, 'bad'),
      port,
      serverId: 1,
      extraArgs: ['--no-such-option=1'],
    }),
    (e: unknown) => {
      assert.ok(isFabricError(e, 'SERVER_UNREACHABLE'), String(e));
      assert.match(
        e.message,
        new RegExp(
          `local MariaDB on port ${port}: mariadbd exited \\(\\d+\\) before accepting connections`,
        ),
      );
      assert.match(e.message, /unknown variable 'no-such-option=1'/);
      return true;
    },
  );
});
