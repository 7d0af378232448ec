import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSeed } from './run.js';

/**
 * A crash that also loses synced writes (a damaged disk) is what the start
 * checks of src/storage exist for. With the protection off (the node
 * restarts on what is left, forgetting votes and acknowledged entries), the
 * checker must find a safety violation; with it on (the node refuses to
 * start, as DATA_DIR_CORRUPT does, until an operator rebuilds it), the same
 * seeds must stay safe. Liveness is not asked of the protected runs: a
 * refused node stays down until it is repaired, as a real one does.
 */
const STEPS = 2000;
const SEEDS = 300;

test('sim: with lost synced writes and no protection the checker finds a safety violation', async () => {
  let found: { seed: number; failure: string } | undefined;
  for (let seed = 1; seed <= SEEDS && found === undefined; seed++) {
    const { result } = await runSeed(seed, STEPS, {
      lossyDisk: true,
      detectLoss: false,
      clusterSize: 3,
    });
    if (result.phase === 'safety' && result.failure !== undefined)
      found = { seed, failure: result.failure };
  }
  assert.ok(found !== undefined, `no safety violation in ${SEEDS} seeds with lost synced writes`);
  // A Raft property, not just "the disk went back": a forgotten vote elects
  // two leaders, a forgotten acknowledged entry loses a committed one.
  assert.match(found.failure, /Election Safety|Leader Completeness|State Machine Safety/);
  console.log(`# lost synced writes caught at seed ${found.seed}: ${found.failure}`);
});

test('sim: with lost synced writes and the protection on, no seed violates safety', async () => {
  for (let seed = 1; seed <= 60; seed++) {
    const { result } = await runSeed(seed, STEPS, {
      lossyDisk: true,
      detectLoss: true,
      clusterSize: 3,
    });
    assert.notEqual(result.phase, 'safety', `seed ${seed}: ${result.failure ?? ''}`);
  }
});
