import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replayCommand, runSeed } from './run.js';

/**
 * The deterministic cluster simulation: 1,000 seeds x 2,000 steps, each seed
 * its own cluster shape and fault mix (options.ts), safety checked after
 * every step and liveness at the end. SIM_SEEDS / SIM_STEPS / SIM_FROM
 * override the size (e.g. a nightly job with random seeds).
 */
const seeds = Number(process.env.SIM_SEEDS ?? 1000);
const steps = Number(process.env.SIM_STEPS ?? 2000);
const from = Number(process.env.SIM_FROM ?? 1);

test(`sim: ${seeds} seeds x ${steps} steps keep Raft safe and live`, async () => {
  const failures: string[] = [];
  let commits = 0;
  let elections = 0;
  let reads = 0;
  for (let seed = from; seed < from + seeds; seed++) {
    const { result } = await runSeed(seed, steps);
    commits += result.stats.committed;
    elections += result.stats.leadersElected;
    reads += result.stats.readsServed;
    if (!result.ok) {
      failures.push(
        `seed ${seed}: ${result.phase ?? ''} failure at tick ${String(result.step)}: ${result.failure ?? ''}\n` +
          `  replay: ${replayCommand(seed, steps)}`,
      );
    }
  }
  // The run must have done real work, or the properties were checked on nothing.
  assert.ok(
    commits > seeds * 10,
    `only ${commits} client commands committed across ${seeds} seeds`,
  );
  assert.ok(elections >= seeds, `only ${elections} leaders elected across ${seeds} seeds`);
  // Reads answer through the driver's promises: make sure the stale-read check saw some.
  assert.ok(reads > 0, `no linearizable read was served across ${seeds} seeds`);
  assert.deepEqual(failures, [], `\n${failures.join('\n')}`);
});
