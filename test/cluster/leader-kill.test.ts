import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestCluster, sleep } from './cluster.js';
import { percentile } from './stats.js';
import { assertAllPresentOnce, waitConverged } from './verify.js';
import { Writer } from './writer.js';

const KILLS = Number(process.env.KILL_ROUNDS ?? 20);

test(`cluster: kill -9 the leader ${KILLS} times under continuous writes loses no acknowledged write`, async () => {
  const c = await TestCluster.start(3);
  const failoverMs: number[] = [];
  try {
    await c.waitForLeader();
    const writer = new Writer(c, 4);
    await sleep(300);
    for (let i = 0; i < KILLS; i++) {
      const leader = await c.waitForLeader();
      const killedAt = Date.now();
      await c.node(leader).kill9();
      const next = await c.waitForLeader(15_000, leader);
      assert.notEqual(next, leader, 'a new leader every time');
      // Time to the next acknowledged write after the kill.
      const deadline = Date.now() + 10_000;
      while (writer.firstAckAfter(killedAt) === undefined && Date.now() < deadline) await sleep(10);
      const ack = writer.firstAckAfter(killedAt);
      assert.ok(ack !== undefined, `no write acknowledged within 10 s of killing ${leader}`);
      failoverMs.push(ack - killedAt);
      c.node(leader).start();
      await sleep(200);
    }
    await writer.stop();
    await c.waitForLeader();
    await waitConverged(c);
    assert.ok(writer.acked.size > KILLS * 5, `only ${writer.acked.size} writes acknowledged`);
    await assertAllPresentOnce(c, writer.acked);
    console.log(
      `# kill -9 leader -> next acknowledged write: p50 ${percentile(failoverMs, 50)} ms, p99 ${percentile(failoverMs, 99)} ms over ${KILLS} kills; ${writer.acked.size} writes verified on every node`,
    );
  } finally {
    await c.stop();
  }
});
