import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestCluster } from './cluster.js';
import { electAfterFollowerRestart } from './restart-rounds.js';

const ROUNDS = Number(process.env.RESTART_ROUNDS ?? 3);

// Timings are bench:restart-election's business; this only checks the
// scenario ends with a leader every time.
test(`cluster: a leader is elected when the leader dies right after a follower restart (${ROUNDS} rounds)`, async () => {
  const c = await TestCluster.start(3);
  try {
    await c.waitForLeader();
    for (let i = 0; i < ROUNDS; i++) {
      const r = await electAfterFollowerRestart(c);
      assert.ok(r.electedMs >= 0);
    }
  } finally {
    await c.stop();
  }
});
