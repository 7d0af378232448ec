/**
 * Issue 13 end to end: sharding.move-shard on real MariaDB under a real
 * 3-process Fabric cluster. A RANGE shard of 2,000 rows moves from group
 * s1 to the empty group d1 while a writer (the non-admin app account, so
 * read_only applies to it) inserts, updates, deletes and changes primary
 * keys by key, routing through lookup-servers and re-routing only when a
 * write is refused; the Fabric leader is killed with kill -9 in the middle
 * of the copy. Also: a table without a primary key and bad destinations
 * are refused with nothing changed.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Connection } from 'mysql2/promise';
import { createConnection } from 'mysql2/promise';
import type { LocalMariadb } from '../../src/mysql/index.js';
import { sleep } from '../cluster/cluster.js';
import { APP_DATABASE, ROOT } from '../mysql/fleet.js';
import { eventually } from './eventually.js';
import { startFarm, withConnection } from './farm.js';
import type { Farm } from './farm.js';

const TABLE = `${APP_DATABASE}.items`;
const ROWS = 2_000;
const CHUNK_ROWS = 100;
const GROUPS = ['global', 's1', 's2', 'd1', 'd2'] as const;

async function setUpGroup(farm: Farm, group: string, server: LocalMariadb): Promise<void> {
  const g = farm.client().groups;
  await g.create(group, { description: `move-shard test ${group}` });
  await g.add(group, server.address);
  await g.promote(group, { server: server.address });
  await g.activate(group);
}

async function sql<T = Record<string, unknown>>(
  server: LocalMariadb,
  query: string,
  values: unknown[] = [],
): Promise<T[]> {
  return withConnection(server, ROOT, undefined, async (c) => {
    const [rows] = await c.query(query, values);
    return rows as T[];
  });
}

async function run(farm: Farm, name: string, args: Record<string, unknown>): Promise<unknown> {
  const res = await farm.client().submitProcedure(name, args, randomUUID(), true, 60_000);
  const p = res.procedure;
  assert.equal(p?.state, 'PROCEDURE_STATE_DONE', `${name}: ${p?.error?.message ?? p?.state}`);
  return p.result_json === '' ? null : (JSON.parse(p.result_json) as unknown);
}

/** The error a move is refused with: at admission (the call fails) or by its check step. */
async function refusal(farm: Farm, args: Record<string, unknown>): Promise<string> {
  try {
    const res = await farm
      .client()
      .submitProcedure('sharding.move-shard', args, randomUUID(), true, 60_000);
    assert.equal(res.procedure?.state, 'PROCEDURE_STATE_FAILED', JSON.stringify(res.procedure));
    return res.procedure.error?.message ?? '';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Every row of the table on a server, id → v. */
async function rowsOn(server: LocalMariadb): Promise<Map<number, string>> {
  const rows = await sql<{ id: number; v: string }>(server, `SELECT id, v FROM ${TABLE}`);
  return new Map(rows.map((r) => [r.id, r.v]));
}

/**
 * A writer by key: keeps a connection to the primary lookup-servers named
 * for the shard, and looks again only when a write is refused (1290,
 * read-only: the old group after the switch) or the connection fails.
 * `ref` holds exactly the acknowledged operations.
 */
class Writer {
  readonly ref = new Map<number, string>();
  readonly acksBy = new Map<string, number>();
  readonly refusedBy = new Map<string, number>();
  ops = 0;
  #stop = false;
  #conn: Connection | undefined;
  #address = '';
  #next = ROWS;
  readonly #farm: Farm;
  readonly done: Promise<void>;

  constructor(farm: Farm, initial: number) {
    this.#farm = farm;
    for (let i = 0; i < initial; i++) this.ref.set(i, `v${i}`);
    this.done = this.#loop();
  }

  stop(): Promise<void> {
    this.#stop = true;
    return this.done;
  }

  async #route(): Promise<void> {
    this.#conn?.destroy();
    this.#conn = undefined;
    for (;;) {
      const via = this.#farm.cluster.running()[0]?.id ?? 'n1';
      const r = await this.#farm
        .client(via)
        .sharding.lookupServers(TABLE, '1')
        .catch(() => undefined);
      const primary = r?.servers.find((s) => s.status === 'SERVER_STATUS_PRIMARY')?.address;
      if (primary !== undefined) {
        const app = this.#farm.fleet.accounts.app;
        const s = this.#farm.server(primary);
        this.#conn = await createConnection({
          host: '127.0.0.1',
          port: s.port,
          user: app.user,
          password: app.password,
          database: APP_DATABASE,
        });
        // A connection reset after the test ended must not surface as an unhandled error.
        this.#conn.on('error', () => undefined);
        this.#address = primary;
        return;
      }
      await sleep(50);
    }
  }

  #pick(): { sql: string; values: unknown[]; apply: () => void } {
    const ids = [...this.ref.keys()];
    const some = (): number => ids[Math.floor(Math.random() * ids.length)] ?? 0;
    const fresh = (): number => this.#next++;
    const kind = Math.random();
    if (kind < 0.3) {
      const id = fresh();
      const v = `i${id}`;
      return {
        sql: 'INSERT INTO items (id, v) VALUES (?, ?)',
        values: [id, v],
        apply: () => this.ref.set(id, v),
      };
    }
    if (kind < 0.6) {
      const id = some();
      const v = `u${this.ops}`;
      return {
        sql: 'UPDATE items SET v = ? WHERE id = ?',
        values: [v, id],
        apply: () => this.ref.set(id, v),
      };
    }
    if (kind < 0.8) {
      const id = some();
      return {
        sql: 'DELETE FROM items WHERE id = ?',
        values: [id],
        apply: () => this.ref.delete(id),
      };
    }
    // A primary-key update: the copy's phantom-row edge when it races two chunks.
    const from = some();
    const to = fresh();
    return {
      sql: 'UPDATE items SET id = ? WHERE id = ?',
      values: [to, from],
      apply: () => {
        const v = this.ref.get(from) ?? '';
        this.ref.delete(from);
        this.ref.set(to, v);
      },
    };
  }

  async #loop(): Promise<void> {
    await this.#route();
    while (!this.#stop) {
      const op = this.#pick();
      for (;;) {
        try {
          await this.#conn?.query(op.sql, op.values);
          op.apply();
          this.ops += 1;
          this.acksBy.set(this.#address, (this.acksBy.get(this.#address) ?? 0) + 1);
          break;
        } catch (e) {
          const errno = (e as { errno?: number }).errno;
          if (errno === 1290)
            this.refusedBy.set(this.#address, (this.refusedBy.get(this.#address) ?? 0) + 1);
          else if (errno !== undefined && errno < 2000) throw e;
          await sleep(20);
          await this.#route();
        }
      }
    }
    this.#conn?.destroy();
  }
}

/** The copy step's progress record, as procedure show gives it. */
async function copyProgress(farm: Farm, id: string): Promise<{ rowsCopied?: number } | undefined> {
  const via = farm.cluster.running()[0]?.id ?? 'n1';
  const r = await farm
    .client(via)
    .procedure(id, true)
    .catch(() => undefined);
  const step = r?.procedure?.steps.find((s) => s.name === 'copy');
  const json = step?.progress?.progress_json ?? '';
  return json === '' ? undefined : (JSON.parse(json) as { rowsCopied?: number });
}

test('move-shard: a RANGE shard moves online on real MariaDB', async (t) => {
  const started = performance.now();
  const farm = await startFarm(t, { count: GROUPS.length });
  const server = Object.fromEntries(
    GROUPS.map((g, i) => [g, farm.fleet.servers[i] as LocalMariadb]),
  ) as Record<(typeof GROUPS)[number], LocalMariadb>;
  for (const g of GROUPS) await setUpGroup(farm, g, server[g]);
  await sql(server.global, `CREATE DATABASE IF NOT EXISTS ${APP_DATABASE}`);
  await sql(server.global, `CREATE TABLE ${TABLE} (id INT PRIMARY KEY, v VARCHAR(64) NOT NULL)`);
  await sql(server.global, `CREATE TABLE ${APP_DATABASE}.nopk (id INT NOT NULL, v INT)`);
  const { mapId } = (await run(farm, 'sharding.create-definition', {
    type: 'RANGE',
    globalGroup: 'global',
  })) as {
    mapId: number;
  };
  await run(farm, 'sharding.add-table', { mapId, table: TABLE, column: 'id' });
  const { shardId } = (await run(farm, 'sharding.add-shard', {
    mapId,
    group: 's1',
    bound: '0',
  })) as { shardId: number };
  await run(farm, 'sharding.add-shard', { mapId, group: 's2', bound: '1000000' });
  await eventually(`${TABLE} on s1`, async () =>
    (await sql(server.s1, `SHOW TABLES IN ${APP_DATABASE} LIKE 'items'`)).length === 1
      ? true
      : undefined,
  );
  await sql(
    server.s1,
    `INSERT INTO ${TABLE} SELECT seq, CONCAT('v', seq) FROM ${APP_DATABASE}.seq_0_to_${ROWS - 1}`,
  );
  t.diagnostic(
    `farm of ${GROUPS.length} groups, ${ROWS} rows on s1, up in ${Math.round(performance.now() - started)} ms`,
  );

  await t.test('move-shard: bad input is refused, nothing changed', async () => {
    const t0 = performance.now();
    assert.match(await refusal(farm, { shardId: 999, group: 'd1' }), /shard 999 does not exist/);
    assert.match(await refusal(farm, { shardId, group: 'global' }), /global group/);
    assert.match(await refusal(farm, { shardId, group: 's2' }), /holds shard/);
    assert.match(await refusal(farm, { shardId, group: 's1' }), /already holds it/);
    // d2 holds rows of the shard's range: not empty.
    await sql(server.d2, `CREATE DATABASE ${APP_DATABASE}`);
    await sql(server.d2, `CREATE TABLE ${TABLE} (id INT PRIMARY KEY, v VARCHAR(64) NOT NULL)`);
    await sql(server.d2, `INSERT INTO ${TABLE} VALUES (7, 'stray')`);
    assert.match(await refusal(farm, { shardId, group: 'd2' }), /not empty/);
    const shard = (await farm.client().topology.dump()).shards.find((s) => s.id === shardId);
    assert.equal(shard?.group_id, 's1');
    t.diagnostic(`5 refusals in ${Math.round(performance.now() - t0)} ms`);
  });

  await t.test(
    'move-shard: a table without a primary key is refused before anything is copied',
    async () => {
      await run(farm, 'sharding.add-table', { mapId, table: `${APP_DATABASE}.nopk`, column: 'id' });
      assert.match(await refusal(farm, { shardId, group: 'd1' }), /has no primary key/);
      await run(farm, 'sharding.remove-table', { table: `${APP_DATABASE}.nopk` });
      const links = await sql(server.d1, 'SHOW ALL SLAVES STATUS');
      assert.equal(links.length, 0, 'd1 was not linked');
      assert.equal(
        (await sql(server.d1, `SHOW DATABASES LIKE '${APP_DATABASE}'`)).length,
        0,
        'nothing reached d1',
      );
      const shard = (await farm.client().topology.dump()).shards.find((s) => s.id === shardId);
      assert.equal(shard?.group_id, 's1');
    },
  );

  await t.test(
    'move-shard: under a writer, Fabric leader killed mid-copy: moved once, nothing lost or duplicated',
    async () => {
      const t0 = performance.now();
      const writer = new Writer(farm, ROWS);
      await eventually('the writer writes', () =>
        Promise.resolve(writer.ops > 20 ? true : undefined),
      );
      const leader = await farm.cluster.waitForLeader();
      const requestId = randomUUID();
      const submitted = await farm
        .client(leader)
        .submitProcedure(
          'sharding.move-shard',
          { shardId, group: 'd1', chunkRows: CHUNK_ROWS, throttleMs: 100 },
          requestId,
          false,
        );
      const id = submitted.procedure?.id ?? '';
      const before = await eventually(
        'some chunks copied',
        async () => {
          const p = await copyProgress(farm, id);
          return (p?.rowsCopied ?? 0) >= 5 * CHUNK_ROWS ? p : undefined;
        },
        30_000,
      );
      await farm.cluster.node(leader).kill9();
      const killedAt = performance.now();
      const via = (): string => farm.cluster.running()[0]?.id ?? 'n1';
      const p = await eventually(
        'move-shard done on the new leader',
        async () => {
          const r = await farm
            .client(via())
            .procedure(id, true)
            .catch(() => undefined);
          const st = r?.procedure?.state;
          if (st === 'PROCEDURE_STATE_FAILED')
            assert.fail(`move failed: ${r?.procedure?.error?.message}`);
          return st === 'PROCEDURE_STATE_DONE' ? r?.procedure : undefined;
        },
        60_000,
      );
      assert.ok(p !== null);
      const doneAt = performance.now();
      await sleep(300);
      await writer.stop();
      const all = await farm.client(via()).procedures({ limit: 1000 });
      assert.equal(
        all.procedures.filter((x) => x.request_id === requestId).length,
        1,
        'submitted once',
      );
      const step = (name: string): Record<string, unknown> =>
        JSON.parse(p.steps.find((s) => s.name === name)?.output_json ?? '{}') as Record<
          string,
          unknown
        >;
      const copy = step('copy');
      const cutover = step('cutover');
      // The new leader continued from the destination's checkpoint, never before the mirrored one.
      assert.ok(Number(copy.resumedAtRows) >= (before.rowsCopied ?? 0), JSON.stringify(copy));
      assert.ok(
        Number(copy.resumedAtRows) >= Number(copy.mirroredRowsAtResume),
        JSON.stringify(copy),
      );
      assert.ok(Number(copy.attempt) >= 2, 'the copy was resumed by another attempt');
      // The routing now names d1, and d1 holds exactly the acknowledged rows.
      const r = await farm.client(via()).sharding.lookupServers(TABLE, '1');
      assert.equal(r.groupId, 'd1');
      const got = await rowsOn(server.d1);
      const missing = [...writer.ref].filter(([k, v]) => got.get(k) !== v);
      const extra = [...got.keys()].filter((k) => !writer.ref.has(k));
      assert.deepEqual(
        { missing: missing.slice(0, 5), extra: extra.slice(0, 5) },
        { missing: [], extra: [] },
      );
      assert.equal(got.size, writer.ref.size);
      // The old group takes no write: the app account is refused by read_only.
      await assert.rejects(
        withConnection(server.s1, farm.fleet.accounts.app, APP_DATABASE, (c) =>
          c.query("INSERT INTO items VALUES (999999, 'late')"),
        ),
        (e: { errno?: number }) => e.errno === 1290,
      );
      assert.ok((writer.acksBy.get(server.d1.address) ?? 0) > 0, 'the writer moved on to d1');
      // The catch-up connection is gone; d1 follows the global group.
      const conns = await sql<{ Connection_name: string }>(server.d1, 'SHOW ALL SLAVES STATUS');
      assert.deepEqual(
        conns.map((c) => c.Connection_name),
        ['fabric_global'],
      );
      const [mode] = await sql<{ m: string }>(server.d1, 'SELECT @@global.slave_exec_mode AS m');
      assert.equal(mode?.m, 'STRICT');
      t.diagnostic(
        `moved ${String(copy.rowsCopied)} rows in ${Math.round(doneAt - t0)} ms (kill after ${before.rowsCopied} rows, ` +
          `${Math.round(doneAt - killedAt)} ms from kill to done, resumed at ${String(copy.resumedAtRows)} rows, mirror said ${String(copy.mirroredRowsAtResume)}); ` +
          `cutover freeze ${String(cutover.freezeMs)} ms, ${String(cutover.verifiedChunks)} chunks verified, repaired ${JSON.stringify(cutover.repairedChunks)}; ` +
          `writer: ${writer.ops} acknowledged ops (${[...writer.acksBy].map(([a, n]) => `${n} on ${a}`).join(', ')}; ` +
          `refused by read_only: ${[...writer.refusedBy].map(([a, n]) => `${n} on ${a}`).join(', ') || 'none'}), ${writer.ref.size} rows`,
      );
      const [s1pos] = await sql(server.s1, 'SELECT @@gtid_binlog_pos AS b, @@gtid_domain_id AS d');
      const [d1pos] = await sql(server.d1, 'SELECT @@gtid_binlog_pos AS b, @@gtid_slave_pos AS s');
      t.diagnostic(
        `record-position ${JSON.stringify(step('record-position'))}; catch-up ${JSON.stringify(step('catch-up'))}; ` +
          `s1 ${JSON.stringify(s1pos)}, d1 ${JSON.stringify(d1pos)}`,
      );
      farm.cluster.node(leader).start();
      await eventually(
        `${leader} answers again`,
        () =>
          farm
            .client(leader)
            .procedures({ limit: 1 })
            .then(() => true)
            .catch(() => undefined),
        30_000,
      );
    },
  );

  await t.test(
    'verify-shard: the moved rows equal the old group’s; a stray row is named',
    async () => {
      const t0 = performance.now();
      // The writer went on on d1 after the switch: give the old group d1's rows
      // (as root, out of the binlog: s1 is read-only and holds no shard now).
      const rows = [...(await rowsOn(server.d1))];
      await withConnection(server.s1, ROOT, APP_DATABASE, async (c) => {
        await c.query('SET SESSION sql_log_bin = 0');
        await c.query('DELETE FROM items');
        await c.query('INSERT INTO items (id, v) VALUES ?', [rows]);
      });
      const same = (await run(farm, 'sharding.verify-shard', { shardId, group: 's1' })) as {
        chunks: number;
        mismatch: string | null;
      };
      assert.equal(same.mismatch, null);
      assert.ok(same.chunks > 1, JSON.stringify(same));
      // root bypasses read_only (READ ONLY ADMIN): a row only the old group has.
      await sql(server.s1, `INSERT INTO ${TABLE} VALUES (999999, 'stray')`);
      const differs = (await run(farm, 'sharding.verify-shard', { shardId, group: 's1' })) as {
        mismatch: string | null;
      };
      assert.match(
        differs.mismatch ?? '',
        /app\.items keys \(\d+, \+inf\] \(source \d+ rows, destination \d+\)/,
      );
      t.diagnostic(
        `verify-shard: ${same.chunks} chunks equal; then ${differs.mismatch ?? ''} (${Math.round(performance.now() - t0)} ms)`,
      );
    },
  );
});
