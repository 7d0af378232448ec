// A small app on the Fabric-aware connector: a read/write split over one
// high-availability group. It imports the connector from the package's
// built output (`fabric-ha/connector`, the `exports` map), as an installed
// package would; `npm run build` (or `npm ci`) makes it.
//
//   npm run sandbox                      # in one terminal: 3 Fabric nodes, group `sandbox`
//   FABRIC=127.0.0.1:<port of n1> node examples/connector-ha.mjs
//   FABRIC=… node examples/connector-ha.mjs --follow   # write every 200 ms; kill -9 the primary
//
// Environment: FABRIC (Fabric node host:port, comma-separated, required),
// GROUP (default sandbox), DB_USER / DB_PASSWORD / DB_NAME (default app/app/app),
// WRITES (rows to write without --follow, default 20).
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { createFabricPool, isConnectorError } from 'fabric-ha/connector';

const fabric = (process.env.FABRIC ?? '').split(',').filter((a) => a !== '');
if (fabric.length === 0) {
  process.stderr.write(
    'connector-ha: set FABRIC to a Fabric node host:port (npm run sandbox prints them)\n',
  );
  process.exit(2);
}
const group = process.env.GROUP ?? 'sandbox';
const follow = process.argv.includes('--follow');
const writes = Number(process.env.WRITES ?? '20');

const pool = createFabricPool({
  fabric,
  user: process.env.DB_USER ?? 'app',
  password: process.env.DB_PASSWORD ?? 'app',
  database: process.env.DB_NAME ?? 'app',
});
const say = (line) => process.stdout.write(`${line}\n`);
pool.on('topology', (e) => say(`topology epoch ${e.epoch} from Fabric node ${e.fabricNode}`));
pool.on('failover', (e) =>
  say(`failover: ${e.from} -> ${e.to} after ${e.waitedMs} ms (${e.error})`),
);
pool.on('fallback', (e) => say(`reads of ${e.group} go to the primary ${e.primary}: ${e.reason}`));
pool.on('fabric', (e) => say(`Fabric node ${e.address} ${e.state}`));

const writer = { group, mode: 'READ_WRITE' };
const reader = { group, mode: 'READ_ONLY' };

try {
  await pool.ready();
  await pool.query(
    writer,
    'CREATE TABLE IF NOT EXISTS connector_demo (' +
      'id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(100) NOT NULL, ' +
      'at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))',
  );

  // A transaction runs on one server (the primary) and commits as a whole.
  const [a, b] = await pool.transaction(writer, async (conn) => {
    const [first] = await conn.query('INSERT INTO connector_demo (note) VALUES (?)', ['order']);
    const [second] = await conn.query('INSERT INTO connector_demo (note) VALUES (?)', [
      'order line',
    ]);
    return [first.insertId, second.insertId];
  });
  say(`transaction on the primary wrote rows ${a} and ${b}`);

  for (let i = 1; follow || i <= writes; i += 1) {
    try {
      const [ok] = await pool.query(writer, 'INSERT INTO connector_demo (note) VALUES (?)', [
        `write ${i}`,
      ]);
      const [[where]] = await pool.query(
        reader,
        'SELECT @@port AS port, COUNT(*) AS n FROM connector_demo',
      );
      say(
        `write ${i}: row ${ok.insertId} on the primary; a secondary (port ${where.port}) holds ${where.n} rows`,
      );
    } catch (e) {
      // Retries are hidden; what is left is a write whose commit is in doubt, or a deadline.
      if (!isConnectorError(e)) throw e;
      say(`write ${i}: ${e.code}: ${e.message}`);
    }
    if (follow) await sleep(200);
  }
  const stats = pool.stats();
  say(
    `routed per server: ${JSON.stringify(stats.routed)}; epoch ${stats.epoch}; Fabric nodes ${stats.fabricNodes.join(', ')}`,
  );
} finally {
  await pool.close();
}
