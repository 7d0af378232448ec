import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Procedure__Output } from '../../src/gen/fabric/v1/Procedure.js';
import { TestCluster, sleep } from './cluster.js';
import { percentile } from './stats.js';

// [testing] procedures: the nodes register test.ten-steps and test.fail-second.
const TEST_PROCEDURES = '[testing]\nprocedures = true\n';
const ROUNDS = Number(process.env.PROC_KILL_ROUNDS ?? 20);

async function waitEnded(
  c: TestCluster,
  id: string,
  timeoutMs = 30_000,
): Promise<Procedure__Output> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const n of c.running()) {
      try {
        const r = await c.client(n.id).waitProcedure(id, 2_000);
        if (r.procedure !== null) return r.procedure;
      } catch {
        // That node cannot answer yet (no leader, still starting): try another.
      }
    }
    if (Date.now() > deadline)
      throw new Error(`procedure ${id} did not end within ${timeoutMs} ms`);
    await sleep(100);
  }
}

function markers(dir: string, id: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith(`${id}.`));
}

test(`procedures: kill -9 the leader ${ROUNDS} times during a 10-step procedure; each completes on the new leader`, async () => {
  const c = await TestCluster.start(3, { logLevel: 'warn', extraToml: TEST_PROCEDURES });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-proc-kill-'));
  const resumeMs: number[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      const leader = await c.waitForLeader();
      const term = (await c.client(leader).status()).term;
      const via = c.running().find((n) => n.id !== leader)?.id as string;
      const submitted = await c
        .client(via)
        .submitProcedure('test.ten-steps', { dir, stepMs: 100 }, `round-${i}`, false);
      const id = submitted.procedure?.id as string;
      await sleep(100 + Math.floor(Math.random() * 700));
      const killedAt = Date.now();
      await c.node(leader).kill9();
      await c.waitForLeader(15_000, leader);
      const p = await waitEnded(c, id);
      assert.equal(p.state, 'PROCEDURE_STATE_DONE', `round ${i}: ${JSON.stringify(p.error)}`);
      assert.deepEqual(markers(dir, id).length, 10, `round ${i}: every step's effect exactly once`);
      const resumed = p.steps.filter((s) => s.term > term).map((s) => s.started_at_ms);
      if (resumed.length > 0) resumeMs.push(Math.min(...resumed) - killedAt);
      c.node(leader).start();
      await sleep(300);
    }
    console.log(
      `# procedure resumed on the new leader after kill -9: p50 ${percentile(resumeMs, 50)} ms, p99 ${percentile(resumeMs, 99)} ms, max ${Math.max(...resumeMs)} ms (${resumeMs.length} of ${ROUNDS} kills landed mid-procedure): ${resumeMs.join(' ')}`,
    );
    assert.ok(resumeMs.length >= ROUNDS / 2, 'most kills must land while the procedure runs');
    assert.ok(
      Math.max(...resumeMs) < 2_000,
      `resumed within 2 s of every kill: ${resumeMs.join(', ')}`,
    );
  } finally {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('procedures: a client retry with the same request id after a leader kill returns the same procedure, run once', async () => {
  const c = await TestCluster.start(3, { logLevel: 'warn', extraToml: TEST_PROCEDURES });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-proc-retry-'));
  try {
    const leader = await c.waitForLeader();
    const first = c
      .client(leader)
      .submitProcedure('test.ten-steps', { dir, stepMs: 100 }, 'retry-me', true, 20_000);
    first.catch(() => undefined);
    await sleep(400);
    await c.node(leader).kill9();
    await assert.rejects(first, 'the synchronous call to the killed leader fails');
    await c.waitForLeader(15_000, leader);
    const other = c.running()[0]?.id as string;
    let id = '';
    for (let attempt = 0; id === '' && attempt < 50; attempt++) {
      try {
        id =
          (
            await c
              .client(other)
              .submitProcedure('test.ten-steps', { dir, stepMs: 100 }, 'retry-me', false)
          ).procedure?.id ?? '';
      } catch {
        await sleep(100);
      }
    }
    const p = await waitEnded(c, id);
    assert.equal(p.state, 'PROCEDURE_STATE_DONE');
    assert.equal(p.request_id, 'retry-me');
    const all = (await c.client(other).procedures()).procedures;
    assert.equal(all.length, 1, 'the retry did not create a second procedure');
    assert.equal(markers(dir, id).length, 10);
  } finally {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
