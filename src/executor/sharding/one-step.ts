import type { Effect, FabricModel, JsonValue } from '../../fabric/index.js';
import type { ProcedureDefinition } from '../procedure-definition.js';
import { asArgs } from './args.js';
import type { Args } from './args.js';
import { needLocks } from './sharding-checks.js';

/** What a metadata-only sharding step commits and answers. */
export interface Plan {
  readonly effects: readonly Effect[];
  readonly output: JsonValue;
}

/**
 * A sharding procedure that only changes the replicated metadata: one
 * step, 'update-metadata'. Admission plans it against the farm as it is
 * (refusing bad input before anything is queued); the step plans it again
 * against the farm as it is when the locks are held, so a re-run (a new
 * leader after the old one died before the completion committed) chooses
 * the same ids and commits the same effects, and a completed run is never
 * re-run (the executor's step checkpoint).
 */
export function oneStepProcedure<P>(opts: {
  readonly name: string;
  readonly model: FabricModel;
  readonly parse: (a: Args) => P;
  readonly lockKeys: (p: P) => string[];
  /** Throws StepPermanentError for input the model refuses (sharding-checks.ts). */
  readonly plan: (p: P) => Plan;
}): ProcedureDefinition {
  const parse = (args: JsonValue): P => opts.parse(asArgs(args));
  return {
    name: opts.name,
    lockKeys: (args) => opts.lockKeys(parse(args)),
    admit: (args) => {
      opts.plan(parse(args));
    },
    steps: [
      {
        name: 'update-metadata',
        run: (ctx) => {
          const p = parse(ctx.args);
          const { effects, output } = opts.plan(p);
          needLocks(opts.model, ctx, opts.lockKeys(p));
          return Promise.resolve({ output, effects });
        },
      },
    ],
  };
}
