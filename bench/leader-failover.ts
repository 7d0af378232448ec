/**
 * npm run bench:failover-raft — time from `kill -9` of the Fabric leader to
 * the next committed write, with default timings (tick 20 ms, election
 * timeout 300-600 ms), over N kills of a 3-node cluster under a steady
 * write load. The baseline in the same run is the write latency with no
 * kill (p50 of acknowledged writes), so the figure reads as "how much a
 * failover costs". Results: bench/results/leader-failover.json.
 *
 *   npm run bench:failover-raft [-- --kills 20]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { TestCluster, sleep } from '../test/cluster/cluster.js';
import { Writer } from '../test/cluster/writer.js';
import { percentile } from '../test/cluster/stats.js';
import { machineDescription } from './machine.js';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '20' } } });
const kills = Number(values.kills);

console.log(`command: npm run bench:failover-raft -- --kills ${kills}`);
console.log(`machine: ${machineDescription()}`);
const c = await TestCluster.start(3, { logLevel: 'warn' });
const samples: number[] = [];
const electedMs: number[] = [];
try {
  await c.waitForLeader();
  const writer = new Writer(c, 4, 'fo');
  await sleep(1000);
  const gaps = writer.ackTimes.slice(1).map((t, i) => t - (writer.ackTimes[i] ?? t));
  for (let i = 0; i < kills; i++) {
    const leader = await c.waitForLeader();
    await sleep(300);
    const killedAt = Date.now();
    await c.node(leader).kill9();
    await c.waitForLeader(15_000, leader);
    electedMs.push(Date.now() - killedAt);
    while (writer.firstAckAfter(killedAt) === undefined) await sleep(2);
    const ms = (writer.firstAckAfter(killedAt) as number) - killedAt;
    samples.push(ms);
    console.log(`kill ${i + 1}: leader ${leader} killed, next committed write after ${ms} ms`);
    c.node(leader).start();
    await sleep(1500);
  }
  await writer.stop();
  const result = {
    machine: machineDescription(),
    kills,
    killToNextWriteMs: {
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      max: Math.max(...samples),
    },
    killToAgreedLeaderMs: { p50: percentile(electedMs, 50), p99: percentile(electedMs, 99) },
    baselineGapBetweenAcksMs: { p50: percentile(gaps, 50), p99: percentile(gaps, 99) },
    samplesMs: samples,
  };
  console.log(
    `kill -9 leader -> next committed write: p50 ${result.killToNextWriteMs.p50} ms, p99 ${result.killToNextWriteMs.p99} ms`,
  );
  console.log(
    `baseline (no kill) gap between acknowledged writes: p50 ${result.baselineGapBetweenAcksMs.p50} ms`,
  );
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/leader-failover.json', import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log('written: bench/results/leader-failover.json');
} finally {
  await c.stop();
}
process.exit(0);
