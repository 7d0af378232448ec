import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FarmSim } from './farm-sim.js';

/**
 * The whole system under the seeded simulator: the production Raft driver,
 * the Executor and the real farm procedures on every node, a simulated
 * MariaDB fleet. FARM_SIM_SEEDS resizes the sweep.
 */
const seeds = Number(process.env.FARM_SIM_SEEDS ?? 300);
const steps = 1500;

test(`sim: farm procedures keep one writable primary across ${seeds} seeds of Fabric leader crashes`, async () => {
  const failures: string[] = [];
  let ended = 0;
  let failovers = 0;
  let switchovers = 0;
  let crashes = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const r = await new FarmSim(seed, steps, { fence: 'command' }).run(steps);
    ended += r.stats.ended;
    failovers += r.stats.failovers;
    switchovers += r.stats.switchovers;
    crashes += r.stats.crashes;
    if (!r.ok) failures.push(`seed ${seed}: ${r.failure ?? ''}`);
  }
  console.log(
    `# farm sim: ${seeds} seeds, ${ended} requests ended, ${switchovers} switchovers, ${failovers} failovers, ${crashes} Fabric node crashes`,
  );
  assert.deepEqual(failures, []);
  assert.ok(failovers > 0 && switchovers > 0, 'both kinds of promotion ran');
});

test('sim: the farm checker catches a failover without fencing (two writable servers)', async () => {
  let caught: string | undefined;
  for (let seed = 1; seed <= 5 && caught === undefined; seed++) {
    const r = await new FarmSim(seed, steps, { fence: 'none' }).run(steps);
    if (!r.ok) caught = r.failure;
  }
  assert.match(caught ?? 'no violation found', /Fencing: .* both take writes/);
});

test('sim: the farm checker catches the unsafe variant that promotes without running the fence', async () => {
  let caught: string | undefined;
  for (let seed = 1; seed <= 10 && caught === undefined; seed++) {
    const r = await new FarmSim(seed, steps, {
      fence: 'command',
      unsafe: { promoteWithoutFence: true },
    }).run(steps);
    if (!r.ok) caught = r.failure;
  }
  assert.match(caught ?? 'no violation found', /Fencing: .* both take writes/);
});

test('sim: one farm seed replays with the same outcome', async () => {
  const a = await new FarmSim(3, steps).run(steps);
  const b = await new FarmSim(3, steps).run(steps);
  assert.deepEqual(a, b);
});
