/**
 * The shard mover's SQL (src/mysql/shard-rows.ts) on real MariaDB: the
 * HASH predicate agrees with the routing module's digest, and a chunked
 * copy between two servers reproduces every value exactly, with each
 * chunk's checkpoint committed with its rows.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { ServerPool } from '../../src/mysql/index.js';
import type { KeyRange, ServerHandle, TableShape } from '../../src/mysql/index.js';
import { hashDigest } from '../../src/routing/index.js';
import { silentLogger } from '../../src/util/logger.js';
import { withConnection } from '../farm/farm.js';
import { ROOT, startFleet } from './fleet.js';
import type { Fleet } from './fleet.js';

let fleet: Fleet;
let pool: ServerPool;
let a: ServerHandle;
let b: ServerHandle;

async function sql(i: number, q: string): Promise<unknown[]> {
  const s = fleet.servers[i];
  assert.ok(s !== undefined);
  return withConnection(s, ROOT, undefined, async (c) => (await c.query(q))[0] as unknown[]);
}

before(async () => {
  fleet = await startFleet(2);
  pool = new ServerPool(fleet.settings, silentLogger());
  [a, b] = fleet.servers.map((s) => pool.server(s.address)) as [ServerHandle, ServerHandle];
  for (const i of [0, 1]) {
    await sql(i, 'CREATE DATABASE m');
    await sql(
      i,
      'CREATE TABLE m.t (id BIGINT PRIMARY KEY, s VARCHAR(40) CHARACTER SET utf8mb4, b VARBINARY(16), d DATETIME(6), n DECIMAL(30,10), z INT NULL)',
    );
  }
});

after(async () => {
  await pool.close();
  await fleet.stop();
});

test('shard-rows: MD5(CAST(col AS CHAR)) is routing’s hashDigest for integers and strings', async () => {
  const keys = ['0', '1', '-7', '42', '9223372036854775807'];
  const strings = ['', 'alice', 'zürich', '007', '日本'];
  const rows = (await sql(
    0,
    `SELECT CAST(k AS CHAR) AS k, MD5(CAST(k AS CHAR)) AS h FROM (${keys.map((k) => `SELECT CAST(${k} AS SIGNED) AS k`).join(' UNION ALL ')}) x`,
  )) as { k: string; h: string }[];
  for (const r of rows) assert.equal(r.h, hashDigest(r.k), `integer ${r.k}`);
  for (const s of strings) {
    const [r] = (await withConnection(fleet.servers[0]!, ROOT, undefined, async (c) => {
      await c.query('CREATE TEMPORARY TABLE m.tmp (k VARCHAR(40) CHARACTER SET utf8mb4)');
      await c.query('INSERT INTO m.tmp VALUES (?)', [s]);
      return (await c.query('SELECT MD5(CAST(k AS CHAR)) AS h FROM m.tmp'))[0];
    })) as { h: string }[];
    assert.equal(r?.h, hashDigest(s), `string '${s}'`);
  }
});

test('shard-rows: a chunked copy of a key range reproduces every value, checkpoint with each chunk', async () => {
  await sql(
    0,
    "INSERT INTO m.t SELECT seq, CONCAT('é', seq), UNHEX(MD5(seq)), '2020-01-01 00:00:00.123456' + INTERVAL seq SECOND, 12345678901234567890.0123456789, IF(seq % 3 = 0, NULL, seq) FROM m.seq_1_to_250",
  );
  await sql(0, "INSERT INTO m.t VALUES (9007199254740993, 'big', NULL, NULL, NULL, NULL)");
  const shape = (await a.shardRows().tableShape('m.t')) as TableShape;
  assert.deepEqual(shape.primaryKey, ['id']);
  const range: KeyRange = { column: 'id', order: 'integer', lower: '10' };
  let cp = {
    table: 'm.t',
    lastPk: null as readonly string[] | null,
    rows: 0,
    chunks: 0,
    done: false,
  };
  while (!cp.done) {
    const chunk = await a.shardRows().readChunk(shape, range, cp.lastPk, 50);
    cp = {
      table: 'm.t',
      lastPk: chunk.last ?? cp.lastPk,
      rows: cp.rows + chunk.rows.length,
      chunks: cp.chunks + 1,
      done: chunk.rows.length < 50,
    };
    await b.shardRows().writeChunk('p1', shape, chunk, cp);
  }
  assert.equal(cp.rows, 242);
  const [saved] = await b.shardRows().readCheckpoints('p1');
  assert.deepEqual(saved, { ...cp, lastPk: ['9007199254740993'] });
  const dump = async (h: ServerHandle) =>
    a === h
      ? sql(0, 'SELECT * FROM m.t WHERE id >= 10 ORDER BY id')
      : sql(1, 'SELECT * FROM m.t ORDER BY id');
  assert.deepEqual(await dump(b), await dump(a));
  const sa = await a.shardRows().checksum(shape, range, null, null);
  const sb = await b.shardRows().checksum(shape, range, null, null);
  assert.deepEqual(sb, sa);
  await b.shardRows().clearCheckpoints('p1');
  assert.deepEqual(await b.shardRows().readCheckpoints('p1'), []);
});
