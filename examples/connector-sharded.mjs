// The sharded half of the connector example: MySQL Fabric's tutorial farm,
// `subscribers` sharded on `sub_no` by RANGE (shard [1, 5000) on group
// shard1, [5000, …) on shard2) and the global table `plans` on group
// `global`. The application names a table and a key; the connector finds
// the shard's group on the topology Fabric pushes (no lookup per query).
// It imports the connector from the package's built output, as an
// installed package would; `npm run build` (or `npm ci`) makes it.
//
//   npm run sandbox -- --sharded         # in one terminal: groups global, shard1, shard2
//   FABRIC=127.0.0.1:<port of n1> node examples/connector-sharded.mjs
//
// Environment: FABRIC (Fabric node host:port, comma-separated, required),
// DB_USER / DB_PASSWORD / DB_NAME (default app/app/app).
import process from 'node:process';
import { createFabricPool, isConnectorError } from 'fabric-ha/connector';

const fabric = (process.env.FABRIC ?? '').split(',').filter((a) => a !== '');
if (fabric.length === 0) {
  process.stderr.write(
    'connector-sharded: set FABRIC to a Fabric node host:port (npm run sandbox -- --sharded prints them)\n',
  );
  process.exit(2);
}
const db = process.env.DB_NAME ?? 'app';
const subscribers = `${db}.subscribers`;

const pool = createFabricPool({
  fabric,
  user: process.env.DB_USER ?? 'app',
  password: process.env.DB_PASSWORD ?? 'app',
  database: db,
});
const say = (line) => process.stdout.write(`${line}\n`);

try {
  await pool.ready();

  // Global tables live on the global group; every shard group replicates them.
  const global = { scope: 'GLOBAL', table: subscribers };
  await pool.query(global, 'INSERT IGNORE INTO plans VALUES (3, ?)', ['gold']);
  const [plans] = await pool.query(global, 'SELECT plan_id, name FROM plans ORDER BY plan_id');
  say(`plans (global group): ${plans.map((p) => p.name).join(', ')}`);

  // Each write goes to the primary of the shard that holds its key.
  for (const subNo of [1, 42, 4999, 5000, 7777]) {
    const route = { table: subscribers, key: subNo };
    await pool.query(
      route,
      'INSERT INTO subscribers VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE first_name = VALUES(first_name)',
      [subNo, `first${subNo}`, `last${subNo}`],
    );
    const where = await pool.locate(route);
    say(`subscriber ${subNo} -> shard ${where.shardId} on group ${where.group}`);
  }

  // A transaction is pinned to one shard's primary; checkKey guards keys of other shards.
  await pool.transaction({ table: subscribers, key: 100 }, async (conn) => {
    conn.checkKey(101); // same shard: fine
    await conn.query('INSERT IGNORE INTO subscribers VALUES (100, "a", "b"), (101, "c", "d")');
  });
  try {
    await pool.transaction({ table: subscribers, key: 102 }, async (conn) => {
      conn.checkKey(6000); // on shard2: refused, the transaction rolls back
    });
  } catch (e) {
    if (!isConnectorError(e, 'SHARD_MISMATCH')) throw e;
    say(`transaction across shards refused: ${e.code}`);
  }

  // Bad input is a typed error, never a guess.
  try {
    await pool.query({ table: subscribers, key: 0 }, 'SELECT 1');
  } catch (e) {
    if (!isConnectorError(e)) throw e;
    say(`sub_no 0: ${e.code}`);
  }

  // Scatter-gather: one read on every shard, rows tagged with their shard.
  const all = await pool.queryAll({ table: subscribers }, 'SELECT sub_no FROM subscribers');
  for (const e of all.errors) say(`shard ${e.shardId} (${e.group}) failed: ${e.error.message}`);
  const perShard = {};
  for (const { shardId, row } of all.rows) (perShard[shardId] ??= []).push(row.sub_no);
  say(`queryAll over shards ${all.shards.join(', ')}: ${JSON.stringify(perShard)}`);
  say(`routed per server: ${JSON.stringify(pool.stats().routed)}`);
} finally {
  await pool.close();
}
