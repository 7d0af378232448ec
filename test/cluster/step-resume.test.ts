/**
 * A long step resumes from its last checkpoint after kill -9 of the leader
 * (issue 10 §2): test.chunked's one step works through UNITS units and
 * checkpoints every EVERY; the leader is killed ROUNDS times mid-step. Its
 * audit log (<dir>/<id>.log, see src/server/testing/chunked-test-procedure.ts)
 * must show every unit done exactly once and each resumed attempt starting
 * at the checkpoint committed before it.
 */
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Procedure__Output } from '../../src/gen/fabric/v1/Procedure.js';
import { Command } from 'commander';
import { registerProcedureCommands } from '../../src/cli/procedure-commands.js';
import { TestCluster, sleep } from './cluster.js';
import { percentile } from './stats.js';
import { captureOutput } from '../cli/capture-output.js';

// Child node processes inherit this: it registers the test.* procedures.
const ROUNDS = Number(process.env.STEP_RESUME_ROUNDS ?? 10);
const UNITS = 200;
const EVERY = 5;
const UNIT_MS = 10;

type Line =
  | { kind: 'start'; attempt: number; from: number; at: number }
  | { kind: 'unit' | 'skip'; unit: number; attempt: number; at: number }
  | { kind: 'saving' | 'saved'; attempt: number; next: number; at: number };

function readLog(file: string): Line[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.split(' ').length === 4)
    .map((l) => {
      const [kind, a, b, at] = l.split(' ') as [Line['kind'], string, string, string];
      if (kind === 'start') return { kind, attempt: +a, from: +b, at: +at };
      if (kind === 'unit' || kind === 'skip') return { kind, unit: +a, attempt: +b, at: +at };
      return { kind, attempt: +a, next: +b, at: +at };
    });
}

/** Units worked through by every attempt so far (done or found done). */
function unitLines(lines: readonly Line[]): number {
  return lines.filter((l) => l.kind === 'unit' || l.kind === 'skip').length;
}

async function until(what: string, ok: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(10);
  }
}

async function waitEnded(
  c: TestCluster,
  id: string,
  timeoutMs: number,
): Promise<Procedure__Output> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const n of c.running()) {
      try {
        const r = await c.client(n.id).waitProcedure(id, 2_000);
        if (r.procedure !== null && r.procedure.state !== 'PROCEDURE_STATE_RUNNING')
          return r.procedure;
      } catch {
        // That node cannot answer yet (no leader, still starting): try another.
      }
    }
    if (Date.now() > deadline)
      throw new Error(`procedure ${id} did not end within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Runs `fabric procedure show <id>` in-process against `address`; returns what it printed. */
function procedureShow(address: string, id: string): Promise<string> {
  const program = new Command('fabric').exitOverride();
  registerProcedureCommands(program);
  return captureOutput(program, ['procedure', 'show', id, '--address', address]);
}

/** The last committed checkpoint the audit log shows (the resumed attempt's start counts). */
function lastCheckpoint(lines: readonly Line[]): number {
  let next = 0;
  for (const l of lines) {
    if (l.kind === 'saved') next = l.next;
    if (l.kind === 'start') next = l.from;
  }
  return next;
}

interface Audit {
  /** Per resumed attempt: units it found done already (work redone since the checkpoint). */
  readonly rechecked: number[];
  /** Per resumed attempt: where it started. */
  readonly from: number[];
}

/**
 * Every unit done exactly once; every attempt after the first starts at
 * the last committed checkpoint: the last `saved`, or the last `saving`
 * when the kill came after its commit but before the log line.
 */
function audit(lines: readonly Line[]): Audit {
  const doneBy = new Map<number, number>();
  const rechecked: number[] = [];
  const from: number[] = [];
  let saved = 0;
  let saving = 0;
  let starts = 0;
  /** Units of the current attempt found done with no log line of their own. */
  let unlogged = 0;
  for (const l of lines) {
    switch (l.kind) {
      case 'unit':
        assert.equal(doneBy.get(l.unit), undefined, `unit ${l.unit} done twice`);
        doneBy.set(l.unit, l.attempt);
        break;
      case 'skip':
        if (!doneBy.has(l.unit)) {
          // The kill came between the unit's marker (created exclusively:
          // the unit is done) and its log line; at most one such unit per kill.
          assert.equal(unlogged, 0, `unit ${l.unit} skipped but never done`);
          unlogged++;
          doneBy.set(l.unit, -1);
        }
        rechecked[rechecked.length - 1] = (rechecked.at(-1) ?? 0) + 1;
        break;
      case 'saving':
        saving = l.next;
        break;
      case 'saved':
        saved = l.next;
        break;
      case 'start':
        starts += 1;
        unlogged = 0;
        if (starts === 1) {
          assert.equal(l.from, 0, 'the first attempt starts from zero');
          break;
        }
        assert.ok(
          l.from === saved || l.from === saving,
          `attempt ${l.attempt} started at ${l.from}; last committed checkpoint ${saved} (last proposed ${saving})`,
        );
        saved = l.from;
        from.push(l.from);
        rechecked.push(0);
        break;
    }
  }
  assert.deepEqual(
    [...doneBy.keys()].sort((a, b) => a - b),
    Array.from({ length: UNITS }, (_, i) => i),
    'every unit done',
  );
  return { rechecked, from };
}

test(`step resume: kill -9 the leader ${ROUNDS} times mid-step; the step continues from its last checkpoint, every unit done exactly once`, async () => {
  // [testing] procedures: the nodes register test.chunked.
  const c = await TestCluster.start(3, {
    logLevel: 'warn',
    extraToml: '[testing]\nprocedures = true\n',
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-step-resume-'));
  const started = Date.now();
  const resumeMs: number[] = [];
  try {
    const hold = path.join(dir, 'hold');
    writeFileSync(hold, '');
    const first = await c.waitForLeader();
    const via = c.running().find((n) => n.id !== first)?.id as string;
    const submitted = await c
      .client(via)
      .submitProcedure(
        'test.chunked',
        { dir, units: UNITS, every: EVERY, unitMs: UNIT_MS, hold },
        'chunked-1',
        false,
      );
    const id = submitted.procedure?.id as string;
    const logFile = path.join(dir, `${id}.log`);
    const starts = (): number => readLog(logFile).filter((l) => l.kind === 'start').length;
    // The step holds before each unit while this file exists, so it does not
    // race ahead while a killed node restarts; each round releases it, lets
    // the step run a random number of units, holds it again and kills the
    // leader at once, whatever the step is doing.
    for (let round = 0; round < ROUNDS; round++) {
      const leader = await c.waitForLeader();
      const base = unitLines(readLog(logFile));
      if (existsSync(hold)) unlinkSync(hold);
      const target = EVERY + Math.floor(Math.random() * 2 * EVERY);
      await until(
        `round ${round}: ${target} units`,
        () => unitLines(readLog(logFile)) >= base + target,
      );
      writeFileSync(hold, '');
      const before = starts();
      const killedAt = Date.now();
      await c.node(leader).kill9();
      c.node(leader).start();
      await c.waitForLeader(15_000, leader);
      await until(`round ${round}: a resumed attempt`, () => starts() > before);
      const resumed = readLog(logFile)
        .filter((l) => l.kind === 'start')
        .at(-1);
      if (resumed !== undefined) resumeMs.push(resumed.at - killedAt);
    }
    // Held after the last resume: `procedure show` prints where the step will continue.
    const leader = await c.waitForLeader();
    const shown = await procedureShow(c.node(leader).address, id);
    const expected = lastCheckpoint(readLog(logFile));
    assert.match(
      shown,
      new RegExp(
        `progress of step 1 \\(copy\\): \\{"next":${expected}\\}, checkpointed by attempt \\d+ at `,
      ),
      shown,
    );
    console.log(
      `# procedure show while the step is held:\n# ${shown.trim().split('\n').join('\n# ')}`,
    );
    if (existsSync(hold)) unlinkSync(hold);
    const p = await waitEnded(c, id, 60_000);
    assert.equal(p.state, 'PROCEDURE_STATE_DONE', JSON.stringify(p.error));
    const lines = readLog(logFile);
    const a = audit(lines);
    const markers = readdirSync(dir).filter((f) => f.startsWith(`${id}.unit-`));
    assert.equal(markers.length, UNITS, 'one marker per unit');
    assert.ok((p.steps[0]?.attempts ?? 0) >= ROUNDS + 1, `attempts: ${p.steps[0]?.attempts}`);
    assert.ok(a.from.length >= ROUNDS, `resumed attempts: ${a.from.length}`);
    for (const [i, n] of a.rechecked.entries())
      assert.ok(n <= EVERY, `resume ${i + 1} redid ${n} units, more than a checkpoint interval`);
    console.log(
      `# step resume: ${ROUNDS} kills, ${a.from.length} resumed attempts (${p.steps[0]?.attempts} in all), ${UNITS} units each done once; resumed from units ${a.from.join(' ')}; units re-checked per resume ${a.rechecked.join(' ')} (max ${Math.max(...a.rechecked)}, limit ${EVERY}); kill -> resumed attempt started p50 ${percentile(resumeMs, 50)} ms, max ${Math.max(...resumeMs)} ms; whole test ${Date.now() - started} ms`,
    );
  } finally {
    await c.stop();
    if (process.env.KEEP_CLUSTER_DIRS === undefined) rmSync(dir, { recursive: true, force: true });
    else console.log(`# kept ${dir} and ${c.dir}`);
  }
});
