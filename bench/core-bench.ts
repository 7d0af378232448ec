/**
 * npm run bench:core — how fast the pure Raft core commits, with no disk and
 * no network: a 3-node cluster in one process, messages handed over in
 * memory, the Ready contract followed exactly (persist is a no-op here).
 * The baseline, measured in the same run, proposes one entry per Ready;
 * the batched runs propose many entries per Ready, as the node's group
 * commit does.
 *
 *   npm run bench:core [-- --seconds 2 --runs 5 --size 256]
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RaftCore, SeededRng, bootstrapState } from '../src/raft/index.js';
import type { Message } from '../src/raft/index.js';
import { median } from '../test/cluster/stats.js';
import { machineDescription } from './machine.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '2' },
    runs: { type: 'string', default: '5' },
    size: { type: 'string', default: '256' },
  },
});
const seconds = Number(values.seconds);
const runs = Number(values.runs);
const size = Number(values.size);

interface Cluster {
  readonly cores: Map<string, RaftCore>;
  readonly leader: RaftCore;
  applied: number;
}

function newCluster(): Cluster {
  const ids = ['a', 'b', 'c'];
  const cores = new Map<string, RaftCore>();
  ids.forEach((id, i) => {
    cores.set(
      id,
      new RaftCore({
        id,
        electionTick: 10,
        heartbeatTick: 1,
        rng: new SeededRng(i + 1),
        storage: bootstrapState(ids),
      }),
    );
  });
  const cluster: Cluster = { cores, leader: cores.get('a') as RaftCore, applied: 0 };
  cluster.leader.campaign();
  pump(cluster);
  return cluster;
}

/** Runs every Ready to completion: persist (no-op), send, apply, advance. */
function pump(c: Cluster): void {
  let queue: Message[] = [];
  for (;;) {
    for (const [id, core] of c.cores) {
      while (core.hasReady()) {
        const rd = core.ready();
        queue.push(...rd.messages);
        if (id === 'a') c.applied += rd.committedEntries.length;
        core.advance();
      }
    }
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    for (const m of batch) c.cores.get(m.to)?.step(m);
  }
}

/** Commits as many entries as it can in `seconds`, `batch` per Ready; returns entries/s. */
function run(batch: number): number {
  const c = newCluster();
  const payload = new Uint8Array(size).fill(7);
  const proposals = Array.from({ length: batch }, () => payload);
  const start = c.applied;
  const t0 = performance.now();
  let now = t0;
  let rounds = 0;
  while (now - t0 < seconds * 1000) {
    c.leader.proposeBatch(proposals);
    pump(c);
    if (++rounds % 64 === 0) {
      // Keep memory bounded like a real node: snapshot and compact.
      for (const core of c.cores.values()) {
        const applied = core.basicStatus().applied;
        if (applied > 1000) core.compact(applied, new Uint8Array(0), 100);
      }
      now = performance.now();
    }
  }
  now = performance.now();
  return ((c.applied - start) / (now - t0)) * 1000;
}

const batches = [1, 16, 64, 256];
console.log(`command: npm run bench:core -- --seconds ${seconds} --runs ${runs} --size ${size}`);
console.log(`machine: ${machineDescription()}`);
console.log(
  `3 in-memory nodes, ${size}-byte entries, ${runs} runs of ${seconds} s each, median reported`,
);
const results: { batch: number; medianEntriesPerSec: number; runs: number[] }[] = [];
for (const b of batches) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(run(b));
  results.push({
    batch: b,
    medianEntriesPerSec: Math.round(median(samples)),
    runs: samples.map(Math.round),
  });
}
const baseline = results[0]?.medianEntriesPerSec ?? 1;
console.log('entries per Ready | median entries/s | ratio vs baseline (1 per Ready)');
for (const r of results) {
  console.log(
    `${String(r.batch).padStart(17)} | ${r.medianEntriesPerSec.toLocaleString('en-US').padStart(16)} | ${(r.medianEntriesPerSec / baseline).toFixed(2)}x`,
  );
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/core.json', import.meta.url),
  `${JSON.stringify({ machine: machineDescription(), entrySize: size, seconds, runs: results }, null, 2)}\n`,
);
console.log('written: bench/results/core.json');
