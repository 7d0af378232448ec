import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { TestCluster, sleep } from './cluster.js';
import { assertAllPresentOnce, waitConverged } from './verify.js';
import { writeKeys } from './writer.js';

test('cluster: a crashed node recovers from disk and catches up', async () => {
  const c = await TestCluster.start(3);
  try {
    const leader = await c.waitForLeader();
    const before = await writeKeys(c, leader, 'a', 100);
    const victim = ['n1', 'n2', 'n3'].find((id) => id !== leader) as string;
    await c.node(victim).kill9();
    const during = await writeKeys(c, leader, 'b', 100);
    c.node(victim).start();
    await waitConverged(c);
    await assertAllPresentOnce(c, new Map([...before, ...during]));
  } finally {
    await c.stop();
  }
});

// [testing] procedures: the nodes register test.ten-steps.
const TEST_PROCEDURES = '[testing]\nprocedures = true\n';

test('cluster: a node behind the compaction point catches up through InstallSnapshot, Fabric model included', async () => {
  const c = await TestCluster.start(3, {
    snapshotThreshold: 50,
    snapshotKeepEntries: 10,
    extraToml: TEST_PROCEDURES,
  });
  try {
    const leader = await c.waitForLeader();
    const victim = ['n1', 'n2', 'n3'].find((id) => id !== leader) as string;
    await c.node(victim).terminate();
    const markers = mkdtempSync(path.join(os.tmpdir(), 'fabric-snap-markers-'));
    const proc = await c
      .client(leader)
      .submitProcedure('test.ten-steps', { dir: markers, stepMs: 0 }, 'snap-proc', true);
    const acked = await writeKeys(c, leader, 's', 400);
    c.node(victim).start();
    await waitConverged(c);
    await assertAllPresentOnce(c, acked);
    // The snapshot carried the replicated Fabric model too.
    const seen = await c.client(victim).procedure(proc.procedure?.id ?? '', true);
    assert.equal(seen.procedure?.state, 'PROCEDURE_STATE_DONE');
    rmSync(markers, { recursive: true, force: true });
    await sleep(100);
    const log = readFileSync(path.join(c.dir, `${victim}.log`), 'utf8');
    assert.match(
      log,
      /installed snapshot from the leader/,
      `${victim} should have caught up by snapshot`,
    );
  } finally {
    await c.stop();
  }
});
