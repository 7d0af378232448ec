import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSeed } from './run.js';

test('sim: one seed replays exactly (same stats and trace)', async () => {
  for (const seed of [3, 17, 42]) {
    const a = (await runSeed(seed, 1500)).result;
    const b = (await runSeed(seed, 1500)).result;
    assert.deepEqual(a.stats, b.stats);
    assert.deepEqual(a.trace, b.trace);
  }
});

test('sim: different seeds explore different schedules', async () => {
  const a = (await runSeed(1, 1000)).result.stats;
  const b = (await runSeed(2, 1000)).result.stats;
  assert.notDeepEqual(a, b);
});
