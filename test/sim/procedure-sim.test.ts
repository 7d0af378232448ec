import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProcedureSim } from './procedure-sim.js';

/**
 * The executor in the deterministic simulator: the real Executor and
 * Fabric model on every node, leaders crashed or cut off at random moments
 * (between steps and between a step's start and its completion), flaky
 * steps, lost submissions retried with their request ids. SIM_PROC_SEEDS
 * resizes the sweep.
 */
const seeds = Number(process.env.SIM_PROC_SEEDS ?? 100);
const steps = 1500;

test(`sim: procedures survive leader crashes and partitions across ${seeds} seeds`, async () => {
  const failures: string[] = [];
  let overlaps = 0;
  let crashes = 0;
  let done = 0;
  let reruns = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const r = await new ProcedureSim(seed, steps).run(steps);
    overlaps += r.stats.overlaps;
    crashes += r.stats.crashes;
    done += r.stats.done;
    reruns += r.stats.attempts - 4 * r.stats.done;
    if (!r.ok) failures.push(`seed ${seed}: ${r.failure ?? ''}`);
  }
  console.log(
    `# procedure sim: ${seeds} seeds, ${done} procedures DONE, ${crashes} crashes, ${reruns} steps re-run by a new leader, ${overlaps} checks saw procedures of different groups running at once`,
  );
  assert.deepEqual(failures, []);
  assert.ok(done > seeds * 10, 'procedures actually ran');
  assert.ok(overlaps > 0, 'procedures on different groups overlapped in time');
  assert.ok(reruns > 0, 'some steps were interrupted by a leader change and resumed');
});

test('sim: the procedure checker catches procedures that skip their locks', async () => {
  let caught: string | undefined;
  for (let seed = 1; seed <= 20 && caught === undefined; seed++) {
    const r = await new ProcedureSim(seed, steps, { brokenLocks: true }).run(steps);
    if (!r.ok) caught = r.failure;
  }
  assert.match(caught ?? 'no violation found', /Locks: two RUNNING procedures/);
});
