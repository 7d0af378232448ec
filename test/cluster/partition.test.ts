import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sleep } from './cluster.js';
import { InProcessCluster } from './in-process.js';

test('cluster: a leader cut off from the majority steps down and the majority elects another', async () => {
  const c = await InProcessCluster.start(3);
  try {
    const old = await c.waitForLeader();
    const termBefore = c.status(old).term;
    c.isolate(old);
    const rest = c.ids().filter((id) => id !== old);
    const next = await c.waitForLeader(rest);
    assert.notEqual(next, old);
    // CheckQuorum: within a couple of election timeouts the isolated leader gives up.
    const deadline = Date.now() + 5_000;
    while (c.status(old).role === 'leader' && Date.now() < deadline) await sleep(20);
    assert.notEqual(c.status(old).role, 'leader', 'the isolated leader must step down');
    c.faults.heal();
    const healed = await c.waitForLeader();
    assert.equal(healed, next, 'the returning node does not take leadership back');
    assert.ok(c.status(next).term > termBefore);
  } finally {
    await c.stop();
  }
});

test('cluster: a rejoining node with a higher election count does not depose a healthy leader (pre-vote)', async () => {
  const c = await InProcessCluster.start(3);
  try {
    const leader = await c.waitForLeader();
    const term = c.status(leader).term;
    const loner = c.ids().find((id) => id !== leader) as string;
    c.isolate(loner);
    // Many election timeouts pass; without pre-vote the loner's term would climb each time.
    await sleep(3_000);
    assert.equal(
      c.status(loner).term,
      term,
      'pre-vote keeps the isolated node from bumping its term',
    );
    c.faults.heal();
    await sleep(1_000);
    assert.equal(await c.waitForLeader(), leader, 'the healthy leader keeps its leadership');
    assert.equal(c.status(leader).term, term, 'and its term');
  } finally {
    await c.stop();
  }
});
