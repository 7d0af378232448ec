import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replayCommand, runSeed } from './run.js';

/**
 * The checker must be able to fail. With the test-only switch that commits
 * entries of previous terms by counting replicas (the bug Figure 8 of the
 * Raft paper illustrates, forbidden by §5.4.2), the simulator must report a
 * safety violation: a committed entry missing from a later leader's log, or
 * two nodes committing different entries at one index.
 */
test('sim: the checker catches the Figure 8 bug in a deliberately broken core', async () => {
  const steps = 2000;
  let found: { seed: number; failure: string } | undefined;
  for (let seed = 1; seed <= 300 && found === undefined; seed++) {
    const { result } = await runSeed(seed, steps, { brokenFigure8: true });
    if (result.phase === 'safety' && result.failure !== undefined)
      found = { seed, failure: result.failure };
  }
  assert.ok(
    found !== undefined,
    'no safety violation found in 300 seeds with the Figure 8 bug switched on',
  );
  assert.match(
    found.failure,
    /Leader Completeness|State Machine Safety|INVARIANT|InvariantViolation|Log Matching/,
  );
  console.log(`# broken core caught at seed ${found.seed}: ${found.failure}`);
  console.log(`# replay: ${replayCommand(found.seed, steps, { brokenFigure8: true })}`);
});

test('sim: the same seeds pass with the correct core', async () => {
  for (let seed = 1; seed <= 20; seed++) {
    const { result } = await runSeed(seed, 2000, { brokenFigure8: false });
    assert.ok(result.ok, `seed ${seed}: ${result.failure ?? ''}`);
  }
});
