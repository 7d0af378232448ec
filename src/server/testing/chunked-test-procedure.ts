import { existsSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JsonValue } from '../../fabric/index.js';
import type {
  ProcedureDefinition,
  StepContext,
  StepResult,
} from '../../executor/procedure-definition.js';
import { StepPermanentError } from '../../executor/step-errors.js';

interface ChunkedArgs {
  readonly dir: string;
  /** Units of work in the one long step (a shard copy's chunks). */
  readonly units: number;
  /** A checkpoint after every `every` units. */
  readonly every: number;
  /** How long one unit takes. */
  readonly unitMs: number;
  readonly lock: string;
  /** While this file exists the step waits before its next unit (lets a test pace its kills). */
  readonly hold: string | undefined;
}

function int(a: Record<string, unknown>, key: string, dflt: number, max: number): number {
  const v = a[key] ?? dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max)
    throw new StepPermanentError(
      'INVALID_ARGUMENT',
      `args.${key} must be an integer from 1 to ${max}`,
    );
  return v;
}

function parseArgs(args: JsonValue): ChunkedArgs {
  const a = (args ?? {}) as Record<string, unknown>;
  const { dir, lock = 'test', hold } = a;
  if (typeof dir !== 'string' || !path.isAbsolute(dir))
    throw new StepPermanentError('INVALID_ARGUMENT', 'args.dir must be an absolute directory path');
  if (typeof lock !== 'string' || lock === '')
    throw new StepPermanentError('INVALID_ARGUMENT', 'args.lock must be a non-empty string');
  if (hold !== undefined && (typeof hold !== 'string' || !path.isAbsolute(hold)))
    throw new StepPermanentError('INVALID_ARGUMENT', 'args.hold must be an absolute file path');
  return {
    dir,
    units: int(a, 'units', 100, 100_000),
    every: int(a, 'every', 10, 100_000),
    unitMs: int(a, 'unitMs', 10, 60_000),
    lock,
    hold,
  };
}

/** Where the first unit of this attempt is: the committed bookmark, else zero. */
function resumePoint(ctx: StepContext): number {
  const v = ctx.progress?.value as { next?: unknown } | undefined;
  return typeof v?.next === 'number' ? v.next : 0;
}

/**
 * One long step over `units` units. Each unit's effect is a marker file
 * made only if absent (check before act), so a unit redone after a leader
 * died between two checkpoints is seen and skipped, never done twice; the
 * checkpoints bound that re-check to fewer than `every` units per kill.
 * Every event goes to <dir>/<id>.log for the test to audit:
 *   start A F      attempt A starts at unit F
 *   unit U A       unit U done by attempt A
 *   skip U A       unit U found done already
 *   saving A N     attempt A proposes the bookmark next=N ...
 *   saved A N      ... and it committed
 */
async function copy(ctx: StepContext): Promise<StepResult> {
  const a = parseArgs(ctx.args);
  const log = (line: string): Promise<void> =>
    appendFile(path.join(a.dir, `${ctx.procedureId}.log`), `${line} ${ctx.now()}\n`);
  const from = resumePoint(ctx);
  await log(`start ${ctx.attempt} ${from}`);
  for (let u = from; u < a.units; u++) {
    while (a.hold !== undefined && existsSync(a.hold) && !ctx.signal.aborted) await ctx.sleep(10);
    await ctx.sleep(a.unitMs);
    if (ctx.signal.aborted) throw new Error('aborted: no longer the leader');
    const done = await markDone(path.join(a.dir, `${ctx.procedureId}.unit-${u}`), ctx.attempt);
    await log(`${done ? 'unit' : 'skip'} ${u} ${ctx.attempt}`);
    const next = u + 1;
    if (next % a.every === 0 && next < a.units) {
      await log(`saving ${ctx.attempt} ${next}`);
      await ctx.checkpoint({ next });
      await log(`saved ${ctx.attempt} ${next}`);
    }
  }
  return { output: { units: a.units, resumedFrom: from }, effects: [] };
}

/** True if this call made the marker, false if an earlier attempt had. */
async function markDone(file: string, attempt: number): Promise<boolean> {
  try {
    await writeFile(file, `attempt ${attempt}\n`, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/**
 * test.chunked: one long step that works through N units and checkpoints
 * every k, the shape of a shard copy. Registered with test.ten-steps.
 */
export const CHUNKED: ProcedureDefinition = {
  name: 'test.chunked',
  lockKeys: (args) => [`test:${parseArgs(args).lock}`],
  admit: (args) => {
    parseArgs(args);
  },
  steps: [{ name: 'copy', run: copy }],
};
