import { accept } from './apply-result.js';
import type { ApplyResult, Rejection } from './apply-result.js';
import { applyEffects } from './apply-effects.js';
import type {
  StepCheckpointCommand,
  StepDoneCommand,
  StepFailedCommand,
  StepStartCommand,
} from './commands.js';
import { broken, obj } from './effect-outcome.js';
import { isRejection } from './farm-lookups.js';
import type { ModelState } from './model-state.js';
import type { Procedure, StepRecord } from './procedure-types.js';
import { finish } from './scheduling.js';

type StepCommand = StepStartCommand | StepCheckpointCommand | StepDoneCommand | StepFailedCommand;

/** The procedure and its current step, if the command may act on them at all. */
interface Target {
  readonly p: Procedure;
  readonly rec: StepRecord;
}

/**
 * The checks every step command shares, in this order: the procedure
 * exists; the proposer's term is not older than the procedure's owner term
 * (term fencing: a deposed leader cannot act on a procedure its successor
 * took over); the procedure is RUNNING; the step is the current one.
 */
function target(s: ModelState, c: StepCommand): Target | Rejection {
  const who = obj.procedure(c.procedureId);
  const p = s.procedures.get(c.procedureId);
  if (p === undefined) return broken('PROCEDURE_NOT_FOUND', who, 'exists', 'no such procedure');
  if (c.term < p.ownerTerm)
    return broken(
      'STALE_TERM',
      who,
      'term-fence',
      `${c.type} from term ${c.term}, but term ${p.ownerTerm} already drives this procedure`,
    );
  if (p.state !== 'RUNNING')
    return broken('INVALID_TRANSITION', who, 'running', `is ${p.state}, not RUNNING`);
  const rec = p.steps[c.step];
  if (c.step !== p.current || rec === undefined)
    return broken(
      'INVALID_TRANSITION',
      who,
      'current-step',
      `step ${c.step} is not the current step (${p.current})`,
    );
  return { p, rec };
}

/**
 * The target of a step-done, step-failed or step-checkpoint: its step must be the started one.
 *
 * @internal
 */
export function startedTarget(s: ModelState, c: StepCommand, rule: string): Target | Rejection {
  const t = target(s, c);
  if (isRejection(t) || t.rec.state === 'started') return t;
  return broken(
    'INVALID_TRANSITION',
    obj.procedure(t.p.id),
    rule,
    `step ${c.step} (${t.rec.name}) is ${t.rec.state}, not started`,
  );
}

/** Replaces step `i` and bumps the owner term to the command's. @internal */
export function withStep(p: Procedure, i: number, rec: StepRecord, term: number): Procedure {
  const steps = p.steps.map((r, j) => (j === i ? rec : r));
  return { ...p, steps, ownerTerm: Math.max(p.ownerTerm, term) };
}

/**
 * step-start: a pending step starts; a step already started in an older
 * term is taken over by the newer leader (a new attempt). Starting again
 * in the same term is refused, which makes a re-delivered start harmless.
 *
 * @internal
 */
export function applyStepStart(s: ModelState, c: StepStartCommand): ApplyResult {
  const t = target(s, c);
  if (isRejection(t)) return t;
  const { p, rec } = t;
  const takeover = rec.state === 'started' && c.term > (rec.term ?? -1);
  if (rec.state !== 'pending' && !takeover)
    return broken(
      'INVALID_TRANSITION',
      obj.procedure(p.id),
      'start-pending',
      `step ${c.step} (${rec.name}) is already started in term ${rec.term ?? '?'}`,
    );
  const attempts = rec.attempts + 1;
  const started: StepRecord = {
    name: rec.name,
    state: 'started',
    attempts,
    startedAt: c.at,
    term: c.term,
    // The new attempt resumes from the last committed progress, not from zero.
    ...(rec.progress === undefined ? {} : { progress: rec.progress }),
    ...(rec.error === undefined ? {} : { error: rec.error }),
  };
  const next = withStep(p, c.step, started, c.term);
  s.procedures.set(p.id, next);
  return accept({
    type: 'step-start',
    procedureId: p.id,
    step: c.step,
    attempts,
    ownerTerm: next.ownerTerm,
  });
}

/**
 * step-done: the started current step completes and its effects commit
 * with it, or (if any effect breaks a rule) nothing happens at all. The
 * last step ends the procedure DONE with that step's output as its result.
 *
 * @internal
 */
export function applyStepDone(s: ModelState, c: StepDoneCommand): ApplyResult {
  const t = startedTarget(s, c, 'done-started');
  if (isRejection(t)) return t;
  const { p, rec } = t;
  const effects = applyEffects(s.farm, c.effects);
  if (!effects.ok)
    return {
      ...effects,
      message: `procedure:${p.id} step ${c.step} (${rec.name}): ${effects.message}`,
    };
  s.farm = effects.farm;
  const done: StepRecord = {
    name: rec.name,
    state: 'done',
    attempts: rec.attempts,
    ...(rec.startedAt === undefined ? {} : { startedAt: rec.startedAt }),
    finishedAt: c.at,
    term: c.term,
    output: c.output,
  };
  const next = { ...withStep(p, c.step, done, c.term), current: c.step + 1 };
  const last = next.current === p.steps.length;
  let started: string[] = [];
  if (last)
    started = finish(s, { ...next, state: 'DONE', finishedAt: c.at, result: c.output }, c.at);
  else s.procedures.set(p.id, next);
  return accept({
    type: 'step-done',
    procedureId: p.id,
    state: last ? 'DONE' : 'RUNNING',
    topologyEpoch: s.farm.topologyEpoch,
    started,
  });
}

/**
 * step-failed: a retryable failure with attempts left puts the step back
 * to pending (the next step-start is attempt + 1); otherwise the procedure
 * ends FAILED, naming the step, and releases its locks.
 *
 * @internal
 */
export function applyStepFailed(s: ModelState, c: StepFailedCommand): ApplyResult {
  const t = startedTarget(s, c, 'failed-started');
  if (isRejection(t)) return t;
  const { p, rec } = t;
  const retry = c.retryable && rec.attempts < c.maxAttempts;
  const failed: StepRecord = {
    ...rec,
    state: retry ? 'pending' : 'failed',
    ...(retry ? {} : { finishedAt: c.at }),
    term: c.term,
    error: c.error,
  };
  const next = withStep(p, c.step, failed, c.term);
  let started: string[] = [];
  if (retry) s.procedures.set(p.id, next);
  else {
    const error = { step: rec.name, ...c.error };
    started = finish(s, { ...next, state: 'FAILED', finishedAt: c.at, error }, c.at);
  }
  return accept({
    type: 'step-failed',
    procedureId: p.id,
    state: retry ? 'RUNNING' : 'FAILED',
    retry,
    started,
  });
}
