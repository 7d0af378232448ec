import assert from 'node:assert/strict';
import { readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FabricClient, FabricCallError } from '../../src/client/index.js';
import type { RunningNode } from '../../src/server/node-process.js';
import { EXIT_NODE_REMOVED } from '../../src/node/removal.js';
import { ProposalDroppedError } from '../../src/raft/index.js';
import { TestCluster, sleep } from './cluster.js';
import { InProcessCluster } from './in-process.js';

/** The exit code, or a failure naming what the node was doing when it did not exit. */
async function exitCodeOf(c: TestCluster, id: string, withinMs = 30_000): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timed out');
    }, withinMs);
  });
  // The timer is cleared so that it does not hold the test process open.
  const code = await Promise.race([c.node(id).exited(), timedOut]).finally(() => {
    clearTimeout(timer);
  });
  assert.notEqual(code, 'timed out', `${id} did not exit; its log:\n${logOf(c, id).slice(-3000)}`);
  return code as number | null;
}

function logOf(c: TestCluster, id: string): string {
  return readFileSync(path.join(c.dir, `${id}.log`), 'utf8');
}

/** The leader, one follower and the other two nodes of a 3-node cluster. */
async function pickFollower(
  c: TestCluster,
): Promise<{ leader: string; gone: string; rest: string[] }> {
  const leader = await c.waitForLeader();
  const gone = ['n1', 'n2', 'n3'].find((id) => id !== leader) as string;
  return { leader, gone, rest: ['n1', 'n2', 'n3'].filter((id) => id !== gone) };
}

async function pickInProcessFollower(
  c: InProcessCluster,
): Promise<{ lead: RunningNode; id: string; node: RunningNode }> {
  const leader = await c.waitForLeader();
  const id = c.ids().find((x) => x !== leader) as string;
  const node = c.nodes.get(id);
  const lead = c.nodes.get(leader);
  assert.ok(node !== undefined && lead !== undefined);
  return { lead, id, node };
}

/** A leader elected a moment ago refuses a membership change until it committed an entry of its term. */
async function removeRetrying(lead: RunningNode, id: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await lead.node.removeMember(id, 10_000);
      return;
    } catch (e) {
      if (!(e instanceof ProposalDroppedError) || attempt === 50) throw e;
      await sleep(50);
    }
  }
}

async function waitForVoter(c: TestCluster, via: string, id: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const st = await c.client(via).status();
    if (st.members.some((m) => m.node_id === id && m.role === 'MEMBER_ROLE_VOTER')) return;
    assert.ok(Date.now() < deadline, `${id} was not promoted`);
    await sleep(100);
  }
}

async function assertServes(c: TestCluster, ids: readonly string[], key: string): Promise<void> {
  const leader = await c.waitForLeaderAmong(ids);
  await c.client(leader).put(key, 'v', `req-${key}`);
  for (const id of ids) {
    const st = await c.client(id).status();
    assert.deepEqual([...st.committed_members].sort(), [...ids].sort());
  }
}

test('membership: a member removed while down is told so when it comes back, and exits with the documented code', async () => {
  const c = await TestCluster.start(3);
  try {
    const { leader, gone, rest } = await pickFollower(c);
    await c.node(gone).terminate();
    const { index } = await c.client(leader).removeNode(gone);
    c.node(gone).start();
    assert.equal(await exitCodeOf(c, gone), EXIT_NODE_REMOVED);
    const log = logOf(c, gone);
    assert.match(
      log,
      new RegExp(
        `node ${gone} was removed from cluster test at index ${String(index)} by leader n`,
      ),
    );
    assert.match(log, /move the data dir aside/);
    await assertServes(c, rest, 'after-removed-while-down');
  } finally {
    await c.stop();
  }
});

test('membership: a running follower that is removed exits with the documented code, and rebuilt with --join it stays', async () => {
  const c = await TestCluster.start(3);
  try {
    const { leader, gone, rest } = await pickFollower(c);
    await c.client(leader).removeNode(gone);
    assert.equal(await exitCodeOf(c, gone), EXIT_NODE_REMOVED);
    assert.match(logOf(c, gone), new RegExp(`node ${gone} was removed from cluster test`));
    await assertServes(c, rest, 'after-removed-while-running');

    // The way back the message gives. The rebuilt node replays the old
    // removal of its id before the entry that adds it again: it must not stop.
    const dir = path.join(c.dir, `data-${gone}`);
    renameSync(dir, `${dir}.removed`);
    c.node(gone).start(['--join', c.node(leader).address]);
    await waitForVoter(c, leader, gone);
    await assertServes(c, ['n1', 'n2', 'n3'], 'after-rejoin');
    assert.ok(c.node(gone).running, 'the rebuilt node keeps running');
  } finally {
    await c.stop();
  }
});

test('membership: a removed node refuses every request with NODE_REMOVED until it stops', async () => {
  const c = await InProcessCluster.start(3);
  try {
    const { lead, id: gone, node } = await pickInProcessFollower(c);
    await removeRetrying(lead, gone);
    const err = await node.removed;
    assert.equal(err.code, 'NODE_REMOVED');
    const client = new FabricClient(node.config.node.advertise, { timeoutMs: 5_000 });
    try {
      await assert.rejects(client.status(), (e: unknown) => {
        assert.ok(e instanceof FabricCallError);
        assert.equal(e.code, 'NODE_REMOVED');
        assert.match(e.message, new RegExp(`node ${gone} was removed`));
        return true;
      });
    } finally {
      client.close();
    }
  } finally {
    await c.stop();
  }
});

test('membership: a follower cut off for several election timeouts is still a member and does not stop', async () => {
  const c = await InProcessCluster.start(3);
  try {
    const { id: loner, node } = await pickInProcessFollower(c);
    let removed = false;
    void node.removed.then(() => {
      removed = true;
    });
    const raft = node.config.raft;
    c.isolate(loner);
    // Long enough for the loner to ask the others twice (removal-watch.ts).
    await sleep(8 * raft.electionTicks * raft.tickMs);
    assert.equal(removed, false, 'a partitioned member must never be told it was removed');
    c.faults.heal();
    await c.waitForLeader();
    assert.equal(removed, false);
  } finally {
    await c.stop();
  }
});
