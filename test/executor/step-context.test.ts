/**
 * The step contract for long steps: a running attempt checkpoints a small
 * progress record through the model, only the current attempt may, and the
 * next attempt (a new leader's) resumes from it. The runner is driven
 * against a real FabricModel through a fake port with a fake clock.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { CommitOutcome, ExecutorPort } from '../../src/executor/executor-port.js';
import type { ProcedureDefinition, StepContext } from '../../src/executor/procedure-definition.js';
import { toProto } from '../../src/api/procedure-service.js';
import { ProcedureRunner } from '../../src/executor/procedure-runner.js';
import { retryDelay } from '../../src/executor/retry-policy.js';
import { StepPermanentError, StepRetryableError } from '../../src/executor/step-errors.js';
import { FabricModel, MAX_CHECKPOINT_BYTES } from '../../src/fabric/index.js';
import type { Command, JsonValue } from '../../src/fabric/index.js';
import { silentLogger } from '../../src/util/logger.js';

const RETRY = { baseDelayMs: 100, maxDelayMs: 1_000 };

/** A leader in `term` whose commits apply straight to `model`, on a fake clock. */
class FakeNode implements ExecutorPort {
  readonly model: FabricModel;
  term: number;
  clock = 1_000;
  readonly delays: number[] = [];
  readonly commits: Command[] = [];

  constructor(model: FabricModel, term: number) {
    this.model = model;
    this.term = term;
  }

  leaderTerm(): number | undefined {
    return this.term;
  }
  commit(cmd: Command): Promise<CommitOutcome> {
    this.commits.push(cmd);
    const r = this.model.apply(cmd);
    return Promise.resolve(r.ok ? r : { ok: false, code: r.code, message: r.message });
  }
  confirmLeadership(): Promise<void> {
    return Promise.resolve();
  }
  procedure(id: string) {
    return this.model.procedure(id);
  }
  runningProcedureIds(): string[] {
    return this.model.runnable().map((r) => r.procedure.id);
  }
  now(): number {
    return this.clock;
  }
  delay(ms: number): Promise<void> {
    this.delays.push(ms);
    this.clock += ms;
    return Promise.resolve();
  }
}

function submitted(def: ProcedureDefinition, id = 'p1'): FabricModel {
  const m = new FabricModel();
  const r = m.apply({
    type: 'submit',
    requestId: `req-${id}`,
    procedureId: id,
    name: def.name,
    args: null,
    lockKeys: [],
    steps: def.steps.map((s) => s.name),
    at: 1,
    term: 1,
  });
  assert.ok(r.ok);
  return m;
}

function runner(node: FakeNode, def: ProcedureDefinition, signal = new AbortController().signal) {
  return new ProcedureRunner({
    port: node,
    def,
    procedureId: 'p1',
    term: node.term,
    signal,
    retry: RETRY,
    maxAttempts: 3,
    logger: silentLogger(),
  });
}

function oneStep(run: (ctx: StepContext) => Promise<JsonValue>): ProcedureDefinition {
  return {
    name: 'test.one',
    lockKeys: () => [],
    steps: [{ name: 'long', run: async (ctx) => ({ output: await run(ctx), effects: [] }) }],
  };
}

test('step context: a resumed attempt starts from the last committed checkpoint', async () => {
  const seen: (JsonValue | undefined)[] = [];
  const leaderDies = new AbortController();
  const def = oneStep(async (ctx) => {
    seen.push(ctx.progress?.value);
    const from = (ctx.progress?.value as { next: number } | undefined)?.next ?? 0;
    for (let next = from + 1; next <= 10; next++) {
      await ctx.checkpoint({ next });
      // The first leader dies after its third chunk.
      if (ctx.attempt === 1 && next === 3) leaderDies.abort();
      if (ctx.signal.aborted) throw new Error('aborted');
    }
    return { from };
  });
  const m = submitted(def);
  const first = new FakeNode(m, 1);
  assert.equal(await runner(first, def, leaderDies.signal).run(), 'not-leader');
  const progress = m.procedure('p1')?.steps[0]?.progress;
  assert.deepEqual(progress, { value: { next: 3 }, attempt: 1, at: 1_000 });

  const second = new FakeNode(m, 2);
  second.clock = 5_000;
  assert.equal(await runner(second, def).run(), 'finished');
  assert.deepEqual(seen, [undefined, { next: 3 }]);
  const p = m.procedure('p1');
  assert.ok(p);
  assert.equal(p.state, 'DONE');
  assert.deepEqual(p.result, { from: 3 });
  assert.equal(p.steps[0]?.attempts, 2);
  assert.equal(p.steps[0].progress, undefined, 'a done step drops its progress record');
});

test('step context: a record over the limit fails the step with CHECKPOINT_TOO_LARGE naming size and limit', async () => {
  const def = oneStep(async (ctx) => {
    await ctx.checkpoint({ blob: 'x'.repeat(MAX_CHECKPOINT_BYTES) });
    return null;
  });
  const m = submitted(def);
  const node = new FakeNode(m, 1);
  assert.equal(await runner(node, def).run(), 'finished');
  const p = m.procedure('p1');
  assert.ok(p);
  assert.equal(p.state, 'FAILED');
  assert.equal(p.error?.code, 'CHECKPOINT_TOO_LARGE');
  assert.match(p.error.message, /4107 bytes, over the limit of 4096 bytes/);
  assert.equal(
    node.commits.filter((c) => c.type === 'step-checkpoint').length,
    0,
    'refused before it cost a Raft round',
  );
  // The model refuses it too, whoever proposes it.
  const m2 = submitted(def);
  m2.apply({ type: 'step-start', procedureId: 'p1', step: 0, term: 1, at: 2 });
  const r = m2.apply({
    type: 'step-checkpoint',
    procedureId: 'p1',
    step: 0,
    term: 1,
    at: 3,
    attempt: 1,
    progress: 'y'.repeat(5_000),
  });
  assert.equal(!r.ok && r.code, 'CHECKPOINT_TOO_LARGE');
  assert.match(!r.ok ? r.message : '', /5002 bytes, over the limit of 4096 bytes/);
  assert.equal(m2.procedure('p1')?.steps[0]?.progress, undefined);
});

test('step context: only the current attempt may checkpoint (stale term and stale attempt refused)', () => {
  const def = oneStep(() => Promise.resolve(null));
  const m = submitted(def);
  const cp = (term: number, attempt: number, next: number) =>
    m.apply({
      type: 'step-checkpoint',
      procedureId: 'p1',
      step: 0,
      term,
      at: 10,
      attempt,
      progress: { next },
    });
  const pending = cp(1, 1, 1);
  assert.equal(!pending.ok && pending.code, 'INVALID_TRANSITION', 'no checkpoint before the start');
  assert.ok(m.apply({ type: 'step-start', procedureId: 'p1', step: 0, term: 1, at: 2 }).ok);
  assert.ok(cp(1, 1, 5).ok);
  // A new leader takes the step over: attempt 2 in term 2, resuming from next=5.
  assert.ok(m.apply({ type: 'step-start', procedureId: 'p1', step: 0, term: 2, at: 3 }).ok);
  assert.deepEqual(m.procedure('p1')?.steps[0]?.progress?.value, { next: 5 });
  const late = cp(1, 1, 7);
  assert.equal(!late.ok && late.code, 'STALE_TERM', "the deposed leader's late checkpoint");
  const wrongAttempt = cp(2, 1, 7);
  assert.equal(!wrongAttempt.ok && wrongAttempt.code, 'STALE_ATTEMPT');
  assert.match(
    !wrongAttempt.ok ? wrongAttempt.message : '',
    /attempt 2 in term 2 is the running one/,
  );
  assert.deepEqual(m.procedure('p1')?.steps[0]?.progress, {
    value: { next: 5 },
    attempt: 1,
    at: 10,
  });
  assert.ok(cp(2, 2, 6).ok);
  assert.deepEqual(m.procedure('p1')?.steps[0]?.progress, {
    value: { next: 6 },
    attempt: 2,
    at: 10,
  });
});

test('step context: a stale checkpoint stops the attempt without recording a failure', async () => {
  const def = oneStep(async (ctx) => {
    // Meanwhile a newer leader took the step over.
    if (ctx.attempt === 1)
      assert.ok(m.apply({ type: 'step-start', procedureId: 'p1', step: 0, term: 2, at: 5 }).ok);
    await ctx.checkpoint({ next: 1 });
    return null;
  });
  const m = submitted(def);
  const node = new FakeNode(m, 1);
  assert.equal(await runner(node, def).run(), 'superseded');
  assert.equal(node.commits.filter((c) => c.type === 'step-failed').length, 0);
  assert.equal(m.procedure('p1')?.steps[0]?.state, 'started');
});

test('step context: now() and sleep() are the injected clock', async () => {
  const times: number[] = [];
  const def = oneStep(async (ctx) => {
    times.push(ctx.now());
    await ctx.sleep(250);
    times.push(ctx.now());
    return null;
  });
  const node = new FakeNode(submitted(def), 1);
  node.clock = 42_000;
  await runner(node, def).run();
  assert.deepEqual(times, [42_000, 42_250]);
  assert.deepEqual(node.delays, [250]);
});

test('step errors: a retryable error is retried with the retry policy and its code recorded', async () => {
  const def = oneStep((ctx) =>
    ctx.attempt < 3
      ? Promise.reject(
          new StepRetryableError('SERVER_UNREACHABLE', `no answer, attempt ${ctx.attempt}`),
        )
      : Promise.resolve({ attempt: ctx.attempt }),
  );
  const m = submitted(def);
  const node = new FakeNode(m, 1);
  assert.equal(await runner(node, def).run(), 'finished');
  const p = m.procedure('p1');
  assert.ok(p);
  assert.equal(p.state, 'DONE');
  assert.deepEqual(p.result, { attempt: 3 });
  assert.deepEqual(node.delays, [retryDelay(RETRY, 1), retryDelay(RETRY, 2)]);
  const failures = node.commits.filter((c) => c.type === 'step-failed');
  assert.deepEqual(
    failures.map((c) => [c.error.code, c.retryable]),
    [
      ['SERVER_UNREACHABLE', true],
      ['SERVER_UNREACHABLE', true],
    ],
  );
});

test('step errors: a permanent error fails the procedure at once with its code', async () => {
  const def = oneStep(() =>
    Promise.reject(new StepPermanentError('INVALID_ARGUMENT', 'args.units must be positive')),
  );
  const m = submitted(def);
  const node = new FakeNode(m, 1);
  assert.equal(await runner(node, def).run(), 'finished');
  const p = m.procedure('p1');
  assert.ok(p);
  assert.equal(p.state, 'FAILED');
  assert.deepEqual(
    { code: p.error?.code, message: p.error?.message, attempts: p.steps[0]?.attempts },
    { code: 'INVALID_ARGUMENT', message: 'args.units must be positive', attempts: 1 },
  );
  assert.deepEqual(node.delays, [], 'no backoff for a permanent failure');
});

test('step context: a checkpoint whose commit outcome is unknown stops the runner without a verdict on the step', async () => {
  const def = oneStep(async (ctx) => {
    await ctx.checkpoint({ next: 1 });
    return null;
  });
  const m = submitted(def);
  const node = new FakeNode(m, 1);
  const commit = node.commit.bind(node);
  node.commit = (cmd) =>
    cmd.type === 'step-checkpoint' ? Promise.reject(new Error('proposal timed out')) : commit(cmd);
  await assert.rejects(runner(node, def).run(), { name: 'StepCommitError' });
  assert.equal(node.commits.filter((c) => c.type === 'step-failed').length, 0);
  const rec = m.procedure('p1')?.steps[0];
  assert.deepEqual(
    [rec?.state, rec?.attempts],
    ['started', 1],
    'the executor re-drives the same attempt',
  );
});

test("procedure show: the API reports a started step's last progress record", () => {
  const def = oneStep(() => Promise.resolve(null));
  const m = submitted(def);
  assert.ok(m.apply({ type: 'step-start', procedureId: 'p1', step: 0, term: 3, at: 2 }).ok);
  const cp = {
    type: 'step-checkpoint',
    procedureId: 'p1',
    step: 0,
    term: 3,
    at: 77,
    attempt: 1,
  } as const;
  assert.ok(m.apply({ ...cp, progress: { next: 40, table: 'db.t1' } }).ok);
  const p = m.procedure('p1');
  assert.ok(p);
  assert.deepEqual(toProto(p).steps?.[0]?.progress, {
    progress_json: '{"next":40,"table":"db.t1"}',
    attempt: 1,
    at_ms: 77,
  });
});
