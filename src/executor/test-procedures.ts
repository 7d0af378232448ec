import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JsonValue } from '../fabric/index.js';
import type { ProcedureDefinition, StepContext, StepResult } from './procedure-definition.js';
import { PermanentStepError } from './procedure-definition.js';
import { sleep } from './retry-policy.js';

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
    throw new PermanentStepError('INVALID_ARGUMENT', 'args.dir must be an absolute directory path');
  if (typeof stepMs !== 'number' || !Number.isInteger(stepMs) || stepMs < 0 || stepMs > 60_000) {
    throw new PermanentStepError(
      'INVALID_ARGUMENT',
      'args.stepMs must be an integer from 0 to 60000',
    );
  }
  if (typeof lock !== 'string' || lock === '')
    throw new PermanentStepError('INVALID_ARGUMENT', 'args.lock must be a non-empty string');
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
      await sleep(a.stepMs, ctx.signal);
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
 * FABRIC_TEST_PROCEDURES=1 (it writes files where its arguments say).
 */
export const TEN_STEPS: ProcedureDefinition = {
  name: 'test.ten-steps',
  steps: Array.from({ length: 10 }, (_, i) => markerStep(i + 1)),
  maxAttempts: 5,
  lockKeys: (args) => [`test:${parseArgs(args).lock}`],
};
