/**
 * npm run bench:connector — the connector's routing overhead: point reads
 * and single-row writes by shard key (app.subscribers by RANGE on sub_no,
 * the sharded sandbox's farm: groups global, shard1, shard2) through
 * createFabricPool, against the same statements through plain mysql2 pools
 * aimed at the right shard primary by hand, in the same run, alternating
 * rounds so machine load hits both alike. One client, one statement at a
 * time: throughput and p50/p99 per side, and the connector's overhead.
 * Not measured yet: failover as the application sees it (failoverClientMs
 * is null). Results: bench/results/connector.json.
 *
 *   npm run bench:connector [-- --seconds 3 --rounds 4]
 */
import { parseArgs } from 'node:util';
import { createPool } from 'mysql2/promise';
import type { Pool } from 'mysql2/promise';
import { setUpShardedFarm } from '../src/cli/sandbox-farm.js';
import { createFabricPool } from '../src/connector/index.js';
import type { FabricPool } from '../src/connector/index.js';
import { splitAddress } from '../src/mysql/index.js';
import { median, percentile } from '../test/cluster/stats.js';
import { startFarm } from '../test/farm/farm.js';
import { APP_DATABASE, ROOT } from '../test/mysql/fleet.js';
import { machineDescription } from './machine.js';
import { writeResult } from './results-file.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '3' }, rounds: { type: 'string', default: '4' } },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);

type Op = (key: number) => Promise<unknown>;
const READ = 'SELECT first_name FROM subscribers WHERE sub_no = ?';
const WRITE =
  "INSERT INTO subscribers VALUES (?, 'a', 'b') ON DUPLICATE KEY UPDATE first_name = 'c'";

/** Runs `op` back to back for `ms`; per-op latencies in µs. */
async function timed(op: Op, ms: number): Promise<number[]> {
  const out: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const key = 1 + Math.floor(Math.random() * 9_999);
    const t0 = performance.now();
    await op(key);
    out.push((performance.now() - t0) * 1_000);
  }
  return out;
}

interface Side {
  readonly us: number[];
  ms: number;
}

async function compare(connector: Op, direct: Op): Promise<Record<string, number>> {
  const c: Side = { us: [], ms: 0 };
  const d: Side = { us: [], ms: 0 };
  await timed(connector, 300); // warm-up: pools, prepared paths
  await timed(direct, 300);
  for (let r = 0; r < rounds; r += 1)
    for (const [side, op] of (r % 2 === 0
      ? [
          [c, connector],
          [d, direct],
        ]
      : [
          [d, direct],
          [c, connector],
        ]) as [Side, Op][]) {
      side.us.push(...(await timed(op, seconds * 1_000)));
      side.ms += seconds * 1_000;
    }
  const ops = (s: Side): number => Math.round((s.us.length / s.ms) * 1_000);
  return {
    connectorOpsPerSec: ops(c),
    directOpsPerSec: ops(d),
    ratio: Number((ops(c) / ops(d)).toFixed(3)),
    overheadUsP50: Math.round(median(c.us) - median(d.us)),
    connectorP50Us: Math.round(median(c.us)),
    connectorP99Us: Math.round(percentile(c.us, 99)),
    directP50Us: Math.round(median(d.us)),
    directP99Us: Math.round(percentile(d.us, 99)),
  };
}

console.log(`machine: ${machineDescription()}`);
const cleanups: (() => unknown)[] = [];
try {
  const farm = await startFarm({ after: (fn) => cleanups.push(fn) }, { logLevel: 'warn' });
  const [global, shard1, shard2] = farm.fleet.servers;
  if (global === undefined || shard1 === undefined || shard2 === undefined)
    throw new Error('the bench needs 3 servers');
  await setUpShardedFarm(
    farm.client(),
    [global, shard1, shard2],
    1,
    { ...farm.fleet.accounts, admin: ROOT },
    () => undefined,
  );
  const app = farm.fleet.accounts.app;
  const pool: FabricPool = createFabricPool({
    fabric: [farm.cluster.node('n1').address],
    user: app.user,
    password: app.password,
    database: APP_DATABASE,
  });
  cleanups.push(() => pool.close());
  await pool.ready();
  const direct = (address: string): Pool => {
    const { host, port } = splitAddress(address);
    const p = createPool({
      host,
      port,
      user: app.user,
      password: app.password,
      database: APP_DATABASE,
      connectionLimit: 4,
    });
    cleanups.push(() => p.end());
    return p;
  };
  const [low, high] = [direct(shard1.address), direct(shard2.address)];
  // By hand: the sandbox's bounds (1 and 5000), as an application would hard-code them.
  const byHand = (key: number): Pool => (key < 5_000 ? low : high);
  const table = `${APP_DATABASE}.subscribers`;
  const writes = await compare(
    (key) => pool.query({ table, key }, WRITE, [key]),
    (key) => byHand(key).query(WRITE, [key]),
  );
  const reads = await compare(
    (key) => pool.query({ table, key }, READ, [key]),
    (key) => byHand(key).query(READ, [key]),
  );
  const result = {
    machine: machineDescription(),
    seconds: seconds * rounds,
    reads,
    writes,
    failoverClientMs: null,
  };
  console.log(JSON.stringify(result, null, 2));
  writeResult('connector', result);
} finally {
  for (const fn of cleanups.reverse()) await fn();
}
