import assert from 'node:assert/strict';
import type { TestCluster } from './cluster.js';
import { sleep } from './cluster.js';

/** Waits until every running node has applied everything the leader committed. */
export async function waitConverged(c: TestCluster, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    let views;
    try {
      views = await Promise.all(c.running().map((n) => c.client(n.id).status()));
    } catch (e) {
      // A node that was just (re)started may not listen yet.
      last = (e as Error).message;
      await sleep(100);
      continue;
    }
    const leader = views.find((v) => v.role === 'NODE_ROLE_LEADER');
    if (
      leader !== undefined &&
      views.every(
        (v) =>
          v.applied_index >= leader.commit_index && v.applied_index === views[0]?.applied_index,
      )
    ) {
      return leader.commit_index;
    }
    last = JSON.stringify(views.map((v) => [v.node_id, v.role, v.commit_index, v.applied_index]));
    await sleep(100);
  }
  throw new Error(`cluster did not converge within ${timeoutMs} ms: ${last}`);
}

/** Every acknowledged write is on every running node, written exactly once. */
export async function assertAllPresentOnce(
  c: TestCluster,
  acked: ReadonlyMap<string, string>,
): Promise<void> {
  for (const n of c.running()) {
    const client = c.client(n.id);
    const keys = [...acked.keys()];
    for (let i = 0; i < keys.length; i += 64) {
      const batch = keys.slice(i, i + 64);
      const got = await Promise.all(batch.map((k) => client.get(k, true)));
      got.forEach((r, j) => {
        const k = batch[j] as string;
        assert.ok(r.found, `node ${n.id} lost acknowledged key ${k}`);
        assert.equal(r.value, acked.get(k), `node ${n.id} has a wrong value for ${k}`);
        assert.equal(
          r.version,
          1,
          `node ${n.id} applied ${k} ${r.version} times (must be exactly once)`,
        );
      });
    }
  }
}
