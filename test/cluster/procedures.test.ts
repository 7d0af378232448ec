import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FabricClient } from '../../src/client/index.js';
import { InProcessCluster } from './in-process.js';

// [testing] procedures: the nodes register test.ten-steps and test.fail-second.
const TEST_PROCEDURES = '[testing]\nprocedures = true\n';

test('procedures: a 10-step procedure runs to DONE; Get, List and Wait report it; a retried request id returns it', async () => {
  const c = await InProcessCluster.start(3, { extraToml: TEST_PROCEDURES });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-markers-'));
  try {
    const leader = await c.waitForLeader();
    const follower = c.ids().find((id) => id !== leader) as string;
    // Through a follower: Submit is forwarded to the leader.
    const client = new FabricClient(c.nodes.get(follower)?.node.addressOf(follower) as string, {
      timeoutMs: 20_000,
    });
    const r = await client.submitProcedure('test.ten-steps', { dir, stepMs: 10 }, 'req-1', true);
    const p = r.procedure;
    assert.ok(p !== null);
    assert.equal(p.state, 'PROCEDURE_STATE_DONE');
    assert.equal(p.steps.length, 10);
    assert.ok(p.steps.every((s) => s.state === 'done' && s.attempts === 1));
    assert.equal(readdirSync(dir).length, 10);
    const again = await client.submitProcedure(
      'test.ten-steps',
      { dir, stepMs: 10 },
      'req-1',
      true,
    );
    assert.equal(again.procedure?.id, p.id, 'the same request id returns the original procedure');
    assert.equal(readdirSync(dir).length, 10, 'and runs nothing again');
    assert.equal((await client.procedure(p.id)).procedure?.state, 'PROCEDURE_STATE_DONE');
    assert.equal((await client.waitProcedure(p.id, 1_000)).procedure?.id, p.id);
    const list = await client.procedures({ states: ['PROCEDURE_STATE_DONE'] });
    assert.deepEqual(
      list.procedures.map((x) => x.id),
      [p.id],
    );
    client.close();
  } finally {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('procedures: bad input gets a clear error and changes nothing', async () => {
  const c = await InProcessCluster.start(1, { extraToml: TEST_PROCEDURES });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-markers-'));
  try {
    const leader = await c.waitForLeader();
    const client = new FabricClient(c.nodes.get(leader)?.node.addressOf(leader) as string, {
      timeoutMs: 5_000,
    });
    await assert.rejects(client.procedure('no-such-id'), /PROCEDURE_NOT_FOUND|does not exist/);
    await assert.rejects(client.waitProcedure('no-such-id', 100), /does not exist/);
    await assert.rejects(
      client.submitProcedure('no.such.procedure', {}, 'r1', false),
      /no procedure named "no.such.procedure"; registered: .*group\.add.*test\.fail-second, test\.ten-steps/,
    );
    await assert.rejects(
      client.submitProcedure('test.ten-steps', { dir: 'relative' }, 'r2', false),
      /args.dir must be an absolute directory path/,
    );
    // A wait past its deadline: a slow procedure is still running.
    const slow = await client.submitProcedure('test.ten-steps', { dir, stepMs: 500 }, 'r3', false);
    const id = slow.procedure?.id as string;
    await assert.rejects(client.waitProcedure(id, 200), /still RUNNING after 200 ms/);
    assert.equal(
      (await client.procedures()).procedures.length,
      1,
      'only the valid submission created a procedure',
    );
    client.close();
  } finally {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('procedures: a failing step is retried up to max_attempts, then the procedure ends FAILED with step, error and cause and releases its locks', async () => {
  const c = await InProcessCluster.start(1, { extraToml: TEST_PROCEDURES });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-markers-'));
  try {
    const leader = await c.waitForLeader();
    const client = new FabricClient(c.nodes.get(leader)?.node.addressOf(leader) as string, {
      timeoutMs: 20_000,
    });
    const retried = (await client.submitProcedure('test.fail-second', { lock: 'x' }, 'f1', true))
      .procedure;
    assert.equal(retried?.state, 'PROCEDURE_STATE_FAILED');
    assert.equal(retried.failed_step, 'boom');
    assert.equal(retried.error?.code, 'SERVER_UNREACHABLE');
    assert.match(retried.error.cause, /ECONNREFUSED/);
    assert.equal(retried.steps[1]?.attempts, 5, 'max_attempts (default 5) attempts');
    assert.equal(retried.steps[2]?.state, 'pending');
    const permanent = (
      await client.submitProcedure('test.fail-second', { lock: 'x', permanent: true }, 'f2', true)
    ).procedure;
    assert.equal(permanent?.state, 'PROCEDURE_STATE_FAILED');
    assert.equal(permanent.steps[1]?.attempts, 1, 'a permanent error is not retried');
    // The lock "test:x" was released: the next procedure on it runs.
    const next = (
      await client.submitProcedure('test.ten-steps', { dir, stepMs: 0, lock: 'x' }, 'f3', true)
    ).procedure;
    assert.equal(next?.state, 'PROCEDURE_STATE_DONE');
    client.close();
  } finally {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
