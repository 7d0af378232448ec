/**
 * npm run bench:cli — how long one `fabric` call takes, start to exit:
 * `fabric --help` and a real call (`fabric cluster status`) against a
 * 3-node cluster on loopback, median of N runs each. The baseline in the
 * same run is a bare `node -e 0`, what any Node command costs at least.
 * Results: bench/results/cli-startup.json.
 *
 *   npm run bench:cli [-- --runs 10]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TestCluster } from '../test/cluster/cluster.js';
import { median } from '../test/cluster/stats.js';
import { machineDescription } from './machine.js';
import { writeResult } from './results-file.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const BIN = fileURLToPath(new URL('../bin/fabric.js', import.meta.url));

/** Wall time of `node args` in ms, median of `runs`; fails on a non-zero exit. */
function timeNode(args: readonly string[]): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    samples.push(performance.now() - t0);
    if (r.status !== 0)
      throw new Error(`node ${args.join(' ')} exited ${String(r.status)}: ${r.stderr.toString()}`);
  }
  return Math.round(median(samples));
}

console.log(`command: npm run bench:cli -- --runs ${runs}`);
console.log(`machine: ${machineDescription()}`);
const c = await TestCluster.start(3, { logLevel: 'warn' });
try {
  await c.waitForLeader();
  const address = c.node('n1').address;
  const baseline = timeNode(['-e', '0']);
  const help = timeNode([BIN, '--help']);
  const status = timeNode([BIN, 'cluster', 'status', '-a', address]);
  const result = {
    machine: machineDescription(),
    runs,
    bareNodeMs: baseline,
    helpMs: help,
    clusterStatusMs: status,
    helpRatioToBareNode: Number((help / baseline).toFixed(2)),
    clusterStatusRatioToBareNode: Number((status / baseline).toFixed(2)),
  };
  console.log(`node -e 0 (baseline): median ${baseline} ms`);
  console.log(`fabric --help: median ${help} ms (${result.helpRatioToBareNode}x baseline)`);
  console.log(
    `fabric cluster status -a ${address}: median ${status} ms (${result.clusterStatusRatioToBareNode}x baseline)`,
  );
  writeResult('cli-startup', result);
} finally {
  await c.stop();
}
process.exit(0);
