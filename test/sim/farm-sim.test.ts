import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FarmSim } from './farm-sim.js';

/**
 * The whole system under the seeded simulator: the production Raft driver,
 * the Executor, the real farm procedures and the failure detector on every
 * node, a simulated MariaDB fleet. FARM_SIM_SEEDS resizes the sweep and
 * FARM_SIM_FROM moves its start (a failing seed prints the line that replays
 * it alone).
 */
const seeds = Number(process.env.FARM_SIM_SEEDS ?? 300);
const from = Number(process.env.FARM_SIM_FROM ?? 1);
const steps = 1500;

test(`sim: the whole system keeps one writable primary, fails over only dead primaries and recovers, across ${seeds} seeds`, async () => {
  const failures: string[] = [];
  const total = { ended: 0, failovers: 0, switchovers: 0, crashes: 0, primaryFaults: 0 };
  const started = performance.now();
  for (let seed = from; seed < from + seeds; seed++) {
    const r = await new FarmSim(seed, steps, { fence: 'command' }).run(steps);
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r.stats[k];
    if (!r.ok)
      failures.push(
        `seed ${seed}: ${r.failure ?? ''} (replay: FARM_SIM_FROM=${seed} FARM_SIM_SEEDS=1 npm test -- test/sim/farm-sim.test.ts)`,
      );
  }
  console.log(
    `# farm sim: ${seeds} seeds x ${steps} steps in ${Math.round(performance.now() - started)} ms: ` +
      `${total.ended} requests ended, ${total.switchovers} switchovers, ${total.primaryFaults} primary faults ` +
      `(crash, hang, cut from the leader, cut from Fabric), ${total.failovers} failovers, ${total.crashes} Fabric node crashes`,
  );
  assert.deepEqual(failures, []);
  assert.ok(total.failovers > 0 && total.switchovers > 0, 'both kinds of promotion ran');
});

test('sim: with fence = semi-sync no acknowledged write is lost across 40 seeds', async () => {
  const failures: string[] = [];
  let failovers = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const r = await new FarmSim(seed, steps, { fence: 'semi-sync' }).run(steps);
    failovers += r.stats.failovers;
    if (!r.ok) failures.push(`seed ${seed}: ${r.failure ?? ''}`);
  }
  assert.deepEqual(failures, []);
  assert.ok(failovers > 0, 'failovers ran');
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

test('sim: the farm checker catches the unsafe judge that trusts the leader probes alone', async () => {
  let caught: string | undefined;
  for (let seed = 1; seed <= 20 && caught === undefined; seed++) {
    const r = await new FarmSim(seed, steps, { fence: 'command', unsafeLeaderOnly: true }).run(
      steps,
    );
    if (!r.ok) caught = r.failure;
  }
  assert.match(caught ?? 'no violation found', /Detector: .* had no crash or hang/);
});

test('sim: one farm seed replays with the same outcome', async () => {
  const a = await new FarmSim(3, steps).run(steps);
  const b = await new FarmSim(3, steps).run(steps);
  assert.deepEqual(a, b);
});
