import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JsonValue } from '../../fabric/index.js';
import { CHUNKED } from './chunked-test-procedure.js';
import type {
  ProcedureDefinition,
  StepContext,
  StepResult,
} from '../../executor/procedure-definition.js';
import { StepPermanentError, StepRetryableError } from '../../executor/step-errors.js';

interface MarkerArgs {
  readonly dir: string;
  readonly stepMs: number;
  readonly lock: string;
}

function parseArgs(args: JsonValue): MarkerArgs {
  const a = (args ?? {}) as Record<string, unknown>;
  const dir = a.dir;
  const stepMs = a.stepMs ?? 100;
  const lock = a.lock ?? 'test';
  if (typeof dir !== 'string' || !path.isAbsolute(dir))
    throw new StepPermanentError('INVALID_ARGUMENT', 'args.dir must be an absolute directory path');
  if (typeof stepMs !== 'number' || !Number.isInteger(stepMs) || stepMs < 0 || stepMs > 60_000) {
    throw new StepPermanentError(
      'INVALID_ARGUMENT',
      'args.stepMs must be an integer from 0 to 60000',
    );
  }
  if (typeof lock !== 'string' || lock === '')
    throw new StepPermanentError('INVALID_ARGUMENT', 'args.lock must be a non-empty string');
  return { dir, stepMs, lock };
}

/**
 * A step whose side effect is a marker file, created only if absent: the
 * check-before-act pattern every real step follows, so a step re-run by a
 * new leader (the old one died after acting, before its completion
 * committed) changes nothing the second time.
 */
function markerStep(i: number): { name: string; run(ctx: StepContext): Promise<StepResult> } {
  return {
    name: `mark-${i}`,
    async run(ctx) {
      const a = parseArgs(ctx.args);
      await ctx.sleep(a.stepMs);
      if (ctx.signal.aborted) throw new Error('aborted: no longer the leader');
      const file = path.join(a.dir, `${ctx.procedureId}.${i}`);
      try {
        await writeFile(file, `attempt ${ctx.attempt}\n`, { flag: 'wx' });
        return { output: { created: true }, effects: [] };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST')
          return { output: { created: false }, effects: [] };
        throw e;
      }
    },
  };
}

/**
 * test.ten-steps: ten marker steps. Registered only when the node runs with
 * `[testing] procedures = true` (it writes files where its arguments say).
 */
export const TEN_STEPS: ProcedureDefinition = {
  name: 'test.ten-steps',
  steps: Array.from({ length: 10 }, (_, i) => markerStep(i + 1)),
  lockKeys: (args) => [`test:${parseArgs(args).lock}`],
};

/**
 * test.fail-second: its second step always fails — retryably (the executor
 * retries with backoff until max_attempts) or, with args.permanent, at once.
 * Registered with test.ten-steps.
 */
export const FAIL_SECOND: ProcedureDefinition = {
  name: 'test.fail-second',
  lockKeys: (args) => {
    const lock = (args as { lock?: unknown } | null)?.lock;
    return [`test:${typeof lock === 'string' && lock !== '' ? lock : 'test'}`];
  },
  steps: [
    { name: 'ok', run: () => Promise.resolve({ output: null, effects: [] }) },
    {
      name: 'boom',
      run: (ctx) => {
        const permanent = (ctx.args as { permanent?: unknown } | null)?.permanent === true;
        const cause = new Error('connect ECONNREFUSED 127.0.0.1:1 (simulated)');
        if (permanent)
          return Promise.reject(
            new StepPermanentError('INVALID_ARGUMENT', 'step boom refuses to run', { cause }),
          );
        return Promise.reject(
          new StepRetryableError(
            'SERVER_UNREACHABLE',
            `step boom failed on attempt ${ctx.attempt}`,
            { cause },
          ),
        );
      },
    },
    { name: 'never', run: () => Promise.resolve({ output: null, effects: [] }) },
  ],
};

/**
 * The test.* procedures, registered only when the node runs with
 * [testing] procedures = true: they write files where their arguments say.
 */
export const TEST_PROCEDURES: readonly ProcedureDefinition[] = [TEN_STEPS, FAIL_SECOND, CHUNKED];
