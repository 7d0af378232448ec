import type { JsonValue } from '../fabric/index.js';
import { checkpointTooLarge } from '../fabric/index.js';
import { FabricError, isFabricError } from '../util/fabric-error.js';
import type { CommitOutcome, ExecutorPort } from './executor-port.js';
import { StepCommitError, StepPermanentError } from './step-errors.js';

/** The attempt a checkpoint belongs to: the model refuses it for any other. */
export interface CheckpointTarget {
  readonly port: ExecutorPort;
  readonly signal: AbortSignal;
  readonly procedureId: string;
  readonly step: number;
  readonly term: number;
  readonly attempt: number;
}

/**
 * StepContext.checkpoint for one attempt. A record over the limit is
 * refused here, before it costs a Raft round (the model refuses it too,
 * with the same code); a refusal because a newer term or attempt owns the
 * step comes back as a FabricError the runner reads as "superseded".
 */
export function checkpointer(t: CheckpointTarget): (progress: JsonValue) => Promise<void> {
  return async (progress) => {
    const tooLarge = checkpointTooLarge(progress, t.procedureId, t.step);
    if (tooLarge !== undefined)
      throw new StepPermanentError('CHECKPOINT_TOO_LARGE', tooLarge.message);
    if (t.signal.aborted)
      throw new FabricError('NOT_LEADER', 'checkpoint after leadership was lost');
    let outcome: CommitOutcome;
    try {
      outcome = await t.port.commit({
        type: 'step-checkpoint',
        procedureId: t.procedureId,
        step: t.step,
        term: t.term,
        at: t.port.now(),
        attempt: t.attempt,
        progress,
      });
    } catch (e) {
      throw new StepCommitError(`checkpoint of step ${t.step}`, { cause: e });
    }
    if (outcome.ok) return;
    if (outcome.code === 'CHECKPOINT_TOO_LARGE')
      throw new StepPermanentError('CHECKPOINT_TOO_LARGE', outcome.message);
    // Any other refusal (the step is no longer started, the procedure ended)
    // also means this attempt no longer owns the step.
    throw new FabricError(
      outcome.code === 'STALE_TERM' ? 'STALE_TERM' : 'STALE_ATTEMPT',
      outcome.message,
    );
  };
}

/** The checkpoint (or any step command) was refused because a newer attempt owns the step. */
export function isStale(e: unknown): boolean {
  return isFabricError(e, 'STALE_TERM') || isFabricError(e, 'STALE_ATTEMPT');
}
