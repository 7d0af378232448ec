import { accept } from './apply-result.js';
import type { ApplyResult } from './apply-result.js';
import type { StepCheckpointCommand } from './commands.js';
import { broken, obj } from './effect-outcome.js';
import { isRejection } from './farm-lookups.js';
import type { ModelState } from './model-state.js';
import type { StepRecord } from './procedure-types.js';
import { startedTarget, withStep } from './step-commands.js';
import { checkpointBytes, checkpointTooLarge } from './step-progress.js';

/**
 * step-checkpoint: the running attempt of the current step records its
 * progress. Fenced twice: by term (a deposed leader's late checkpoint is
 * STALE_TERM, as for every step command) and by attempt (only the attempt
 * the model last started may write, STALE_ATTEMPT), so a progress record
 * never goes backwards to an abandoned attempt's view.
 *
 * @internal
 */
export function applyStepCheckpoint(s: ModelState, c: StepCheckpointCommand): ApplyResult {
  const t = startedTarget(s, c, 'checkpoint-started');
  if (isRejection(t)) return t;
  const { p, rec } = t;
  if (c.term !== rec.term || c.attempt !== rec.attempts)
    return broken(
      'STALE_ATTEMPT',
      obj.procedure(p.id),
      'checkpoint-current-attempt',
      `checkpoint of step ${c.step} (${rec.name}) from attempt ${c.attempt} in term ${c.term}, but attempt ${rec.attempts} in term ${rec.term ?? '?'} is the running one`,
    );
  const tooLarge = checkpointTooLarge(c.progress, p.id, c.step);
  if (tooLarge !== undefined) return tooLarge;
  const next: StepRecord = {
    ...rec,
    progress: { value: c.progress, attempt: c.attempt, at: c.at },
  };
  s.procedures.set(p.id, withStep(p, c.step, next, c.term));
  return accept({
    type: 'step-checkpoint',
    procedureId: p.id,
    step: c.step,
    bytes: checkpointBytes(c.progress),
  });
}
