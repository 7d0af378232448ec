/**
 * A fleet initialises one data dir and copies it per server (the sandbox's
 * start time was mostly mariadb-install-db, once per server).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { LocalMariadb } from '../../src/mysql/index.js';
import { freePorts } from '../../src/util/free-ports.js';
import { ROOT, connectAs } from './fleet.js';

test('local: servers started from one template data dir are distinct servers, without install-db each', async (t) => {
  const base = await mkdtemp(join(tmpdir(), 'fabric-ha-template-'));
  t.after(() => rm(base, { recursive: true, force: true }));
  const templateDataDir = await LocalMariadb.initTemplate(join(base, 'template'));
  const ports = (await freePorts(2)) as [number, number];
  const servers = await Promise.all(
    ports.map((port, i) =>
      LocalMariadb.start({
        baseDir: join(base, `s${i + 1}`),
        port,
        serverId: 10 + i,
        templateDataDir,
      }),
    ),
  );
  t.after(() => Promise.all(servers.map((s) => s.destroy())));
  for (const [i, s] of servers.entries()) {
    const conn = await connectAs(s, ROOT);
    try {
      const [rows] = await conn.query('SELECT @@server_id AS id, @@port AS port, @@datadir AS dir');
      const [row] = rows as { id: number; port: number; dir: string }[];
      assert.ok(row !== undefined);
      assert.equal(row.id, 10 + i);
      assert.equal(row.port, s.port);
      assert.equal(row.dir.replace(/\/$/, ''), s.dataDir);
      await conn.query(`CREATE DATABASE only_on_s${i + 1}`);
    } finally {
      await conn.end();
    }
    assert.equal(existsSync(join(s.baseDir, 'install.log')), false, 'copied, not installed');
  }
  const conn = await connectAs(servers[1] as LocalMariadb, ROOT);
  try {
    const [dbs] = await conn.query("SHOW DATABASES LIKE 'only_on_s1'");
    assert.deepEqual(dbs, [], 'each server has its own copy');
  } finally {
    await conn.end();
  }
});
