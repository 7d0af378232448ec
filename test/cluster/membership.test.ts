import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestCluster, sleep } from './cluster.js';
import { assertAllPresentOnce, waitConverged } from './verify.js';
import { Writer } from './writer.js';

async function members(c: TestCluster, via: string): Promise<string[]> {
  const st = await c.client(via).status();
  return st.members
    .map((m) => `${m.node_id}:${m.role.replace('MEMBER_ROLE_', '').toLowerCase()}`)
    .sort();
}

test('cluster: add a 4th node under write load, remove a follower, then remove the leader', async () => {
  const c = await TestCluster.start(3);
  try {
    await c.waitForLeader();
    const writer = new Writer(c, 2);
    await sleep(500);

    // A fresh node asks any member to add it; it joins as a learner, catches up, is promoted.
    const n4 = await c.newNode('n4');
    n4.start(['--join', c.node('n1').address]);
    const deadline = Date.now() + 30_000;
    while (!(await members(c, 'n1')).includes('n4:voter')) {
      assert.ok(
        Date.now() < deadline,
        `n4 was not promoted to voter: ${(await members(c, 'n1')).join(' ')}`,
      );
      await sleep(100);
    }

    // Remove a follower.
    const leader = await c.waitForLeader();
    const follower = ['n1', 'n2', 'n3'].find((id) => id !== leader) as string;
    await c.client(leader).removeNode(follower);
    await c.node(follower).terminate();
    assert.ok(!(await members(c, leader)).some((m) => m.startsWith(`${follower}:`)));

    // Remove the leader itself, through another node: it steps down and hands off.
    const other = c.running().find((n) => n.id !== leader)?.id as string;
    await c.client(other).removeNode(leader);
    const next = await c.waitForLeaderAmong(
      c
        .running()
        .filter((n) => n.id !== leader)
        .map((n) => n.id),
    );
    assert.notEqual(next, leader);
    await c.node(leader).terminate();
    assert.equal((await members(c, next)).length, 2);

    await sleep(500);
    await writer.stop();
    await waitConverged(c);
    await assertAllPresentOnce(c, writer.acked);
    assert.ok(writer.acked.size > 20, `only ${writer.acked.size} writes acknowledged`);
  } finally {
    await c.stop();
  }
});
