/**
 * npm run bench:raft — fabric-ha's Raft (3 node processes: LevelDB log with
 * group commit, gRPC transport) against etcd 3.4 (3 members) on this same
 * machine, one after the other in the same run, with the same workload:
 * C concurrent clients writing 256-byte values under distinct keys, each
 * write acknowledged once committed, over gRPC (etcd through the etcd3
 * client). Results: bench/results/raft-vs-etcd.json.
 *
 *   npm run bench:raft [-- --seconds 5 --clients 1,16,64,256]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Etcd3 } from 'etcd3';
import { FabricClient } from '../src/client/index.js';
import { TestCluster } from '../test/cluster/cluster.js';
import { EtcdCluster } from './etcd-cluster.js';
import type { LoadResult } from './load.js';
import { runLoad } from './load.js';
import { machineDescription } from './machine.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '1,16,64,256' },
  },
});
const seconds = Number(values.seconds);
const levels = values.clients.split(',').map(Number);
const VALUE = 'x'.repeat(256);

async function benchFabric(): Promise<Map<number, LoadResult>> {
  const cluster = await TestCluster.start(3, { logLevel: 'warn', snapshotThreshold: 100_000 });
  const out = new Map<number, LoadResult>();
  try {
    const leader = await cluster.waitForLeader();
    const client = new FabricClient(cluster.node(leader).address, { timeoutMs: 10_000 });
    for (const c of levels) {
      const r = await runLoad(c, seconds, async (i, seq) => {
        const key = `f${c}-${i}-${seq}`;
        await client.put(key, VALUE, key);
      });
      out.set(c, r);
      console.log(`fabric-ha C=${c}: ${r.opsPerSec} ops/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`);
    }
    client.close();
  } finally {
    await cluster.stop();
  }
  return out;
}

async function benchEtcd(): Promise<Map<number, LoadResult>> {
  const cluster = await EtcdCluster.start();
  const out = new Map<number, LoadResult>();
  try {
    const client = new Etcd3({ hosts: [await cluster.leaderEndpoint()] });
    for (const c of levels) {
      const r = await runLoad(c, seconds, async (i, seq) => {
        await client.put(`e${c}-${i}-${seq}`).value(VALUE);
      });
      out.set(c, r);
      console.log(`etcd      C=${c}: ${r.opsPerSec} ops/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`);
    }
    client.close();
  } finally {
    cluster.stop();
  }
  return out;
}

console.log(`command: npm run bench:raft -- --seconds ${seconds} --clients ${levels.join(',')}`);
console.log(`machine: ${machineDescription()}`);
console.log(
  'workload: 3 nodes each, C concurrent clients, distinct keys, 256-byte values, acknowledged on commit',
);
const fabric = await benchFabric();
const etcd = await benchEtcd();
const runs = levels.map((c) => {
  const f = fabric.get(c) as LoadResult;
  const e = etcd.get(c) as LoadResult;
  return {
    clients: c,
    fabric: { opsPerSec: f.opsPerSec, p50Ms: f.p50Ms, p99Ms: f.p99Ms },
    etcd: { opsPerSec: e.opsPerSec, p50Ms: e.p50Ms, p99Ms: e.p99Ms },
    ratio: Number((f.opsPerSec / Math.max(1, e.opsPerSec)).toFixed(2)),
  };
});
console.log(
  '\n  C | fabric ops/s | p50 ms | p99 ms |   etcd ops/s | p50 ms | p99 ms | ratio (fabric/etcd)',
);
for (const r of runs) {
  console.log(
    `${String(r.clients).padStart(3)} | ${String(r.fabric.opsPerSec).padStart(12)} | ${String(r.fabric.p50Ms).padStart(6)} | ${String(r.fabric.p99Ms).padStart(6)} | ` +
      `${String(r.etcd.opsPerSec).padStart(12)} | ${String(r.etcd.p50Ms).padStart(6)} | ${String(r.etcd.p99Ms).padStart(6)} | ${r.ratio.toFixed(2)}`,
  );
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/raft-vs-etcd.json', import.meta.url),
  `${JSON.stringify({ machine: machineDescription(), seconds, runs }, null, 2)}\n`,
);
console.log('written: bench/results/raft-vs-etcd.json');
process.exit(0);
