/**
 * Helpers for integration tests on a fleet: arrange a primary and its
 * replicas through ServerHandle (the code under test), and write or count
 * rows as the non-admin app user.
 */
import type { Connection } from 'mysql2/promise';

import type { ServerHandle, ServerPool } from '../../src/mysql/index.js';
import type { LocalMariadb } from '../../src/mysql/index.js';
import { APP_DATABASE, connectAs } from './fleet.js';
import type { Fleet } from './fleet.js';

/** Handles on every server of the fleet, in fleet order. */
export function handles(pool: ServerPool, fleet: Fleet): ServerHandle[] {
  return fleet.servers.map((s) => pool.server(s.address));
}

/**
 * Makes servers[primary] a writable primary and every other server a
 * read-only replica of it, then waits until they all have its GTIDs.
 */
export async function arrange(pool: ServerPool, fleet: Fleet, primary: number): Promise<void> {
  const all = handles(pool, fleet);
  const p = all[primary]!;
  await p.resetReplica();
  await p.setReadOnly(false);
  const source = { host: '127.0.0.1', port: fleet.servers[primary]!.port };
  const replicas = all.filter((_, i) => i !== primary);
  for (const r of replicas) {
    await r.setReadOnly(true);
    await r.replicateFrom(source);
  }
  const gtids = await p.gtidExecuted();
  for (const r of replicas) {
    if (!(await r.waitForGtids(gtids, 10_000))) throw new Error(`${r.address} did not catch up`);
  }
}

/** Runs `fn` on a fresh connection as the app user (database `app`), closed afterwards. */
export async function asApp<T>(
  fleet: Fleet,
  server: LocalMariadb,
  fn: (c: Connection) => Promise<T>,
): Promise<T> {
  const conn = await connectAs(server, fleet.accounts.app);
  try {
    return await fn(conn);
  } finally {
    await conn.end();
  }
}

/** Creates app.t on `server` (the primary) through the app user, so it replicates. */
export async function createAppTable(fleet: Fleet, server: LocalMariadb): Promise<void> {
  await asApp(fleet, server, async (c) => {
    await c.query(`CREATE DATABASE IF NOT EXISTS ${APP_DATABASE}`);
    await c.query(
      `CREATE TABLE IF NOT EXISTS ${APP_DATABASE}.t (id INT PRIMARY KEY, v VARCHAR(40))`,
    );
  });
}

/** Inserts ids [from, to) as the app user. */
export async function insertRows(
  fleet: Fleet,
  server: LocalMariadb,
  from: number,
  to: number,
): Promise<void> {
  await asApp(fleet, server, async (c) => {
    for (let id = from; id < to; id++) {
      await c.query(`INSERT INTO ${APP_DATABASE}.t (id, v) VALUES (?, ?)`, [id, `row ${id}`]);
    }
  });
}

/** The ids in app.t on `server`, sorted. */
export async function rowIds(fleet: Fleet, server: LocalMariadb): Promise<number[]> {
  return asApp(fleet, server, async (c) => {
    const [rows] = await c.query(`SELECT id FROM ${APP_DATABASE}.t ORDER BY id`);
    return (rows as { id: number }[]).map((r) => r.id);
  });
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
