/**
 * npm run bench:restart-election — how fast a restarted node serves, and how
 * fast the cluster elects after a peer restarted (issue 11, point 5).
 *
 * Each round on a 3-node cluster (default timings: tick 20 ms, election
 * timeout 300-600 ms):
 *   1. baseline: kill -9 the leader of a settled cluster, time until the two
 *      others agree on a new leader, restart the old one;
 *   2. kill -9 a follower, restart it and time restart -> serving (its first
 *      answered Status call); then at once kill -9 the leader and time
 *      until the restarted follower and the other agree on a new leader.
 * The baseline in the same run makes (2) read as "how much the restart
 * costs the next election". Results: bench/results/restart-election.json.
 *
 *   npm run bench:restart-election [-- --runs 20]
 */
import { parseArgs } from 'node:util';
import { TestCluster, sleep } from '../test/cluster/cluster.js';
import { median, percentile } from '../test/cluster/stats.js';
import { machineDescription } from './machine.js';
import { writeResult } from './results-file.js';
import { electAfterFollowerRestart, electAfterLeaderKill } from '../test/cluster/restart-rounds.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);

console.log(`command: npm run bench:restart-election -- --runs ${runs}`);
console.log(`machine: ${machineDescription()}`);
const c = await TestCluster.start(3, { logLevel: 'warn' });
const baseline: number[] = [];
const serving: number[] = [];
const afterRestart: number[] = [];
try {
  await c.waitForLeader();
  for (let i = 0; i < runs; i++) {
    await sleep(500);
    baseline.push(await electAfterLeaderKill(c));
    await sleep(500);
    const r = await electAfterFollowerRestart(c);
    serving.push(r.servingMs);
    afterRestart.push(r.electedMs);
    console.log(
      `run ${i + 1}: leader kill alone -> elected ${baseline.at(-1)} ms; follower restart -> serving ${r.servingMs} ms, then leader kill -> elected ${r.electedMs} ms`,
    );
  }
  const stats = (xs: number[]) => ({
    p50: median(xs),
    p90: percentile(xs, 90),
    max: Math.max(...xs),
  });
  const result = {
    machine: machineDescription(),
    runs,
    electionAfterLeaderKillMs: stats(baseline),
    restartToServingMs: stats(serving),
    electionAfterFollowerRestartMs: stats(afterRestart),
    ratioToBaseline: Number((median(afterRestart) / median(baseline)).toFixed(2)),
    samples: { baseline, serving, afterRestart },
  };
  console.log(
    `election after a leader kill (baseline): p50 ${result.electionAfterLeaderKillMs.p50} ms, max ${result.electionAfterLeaderKillMs.max} ms`,
  );
  console.log(
    `restart -> serving: p50 ${result.restartToServingMs.p50} ms, max ${result.restartToServingMs.max} ms`,
  );
  console.log(
    `election right after a follower restart: p50 ${result.electionAfterFollowerRestartMs.p50} ms, max ${result.electionAfterFollowerRestartMs.max} ms (${result.ratioToBaseline}x baseline)`,
  );
  writeResult('restart-election', result);
} finally {
  await c.stop();
}
process.exit(0);
