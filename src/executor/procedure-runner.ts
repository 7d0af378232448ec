import type { JsonValue, Procedure, StepRecord } from '../fabric/index.js';
import type { Logger } from '../util/logger.js';
import type { ExecutorPort } from './executor-port.js';
import type { ProcedureDefinition, StepContext, StepDefinition } from './procedure-definition.js';
import type { RetryPolicy } from './retry-policy.js';
import { retryDelay } from './retry-policy.js';
import { checkpointer, isStale } from './step-checkpointer.js';
import { StepCommitError, StepPermanentError, StepRetryableError } from './step-errors.js';

/** Why a runner stopped driving its procedure. */
export type RunnerExit = 'finished' | 'not-leader' | 'superseded' | 'gone';

/**
 * Drives one RUNNING procedure, step by step, for as long as this node
 * leads in `term`. Each step: commit its start (so a successor knows it may
 * have acted), confirm leadership, act, commit its completion with its
 * effects. A completion from a superseded term is refused by the model
 * (term fencing), so a deposed leader can never finish a step twice.
 */
export class ProcedureRunner {
  readonly #port: ExecutorPort;
  readonly #def: ProcedureDefinition;
  readonly #id: string;
  readonly #term: number;
  readonly #signal: AbortSignal;
  readonly #retry: RetryPolicy;
  readonly #maxAttempts: number;
  readonly #log: Logger;

  constructor(opts: {
    port: ExecutorPort;
    def: ProcedureDefinition;
    procedureId: string;
    term: number;
    signal: AbortSignal;
    retry: RetryPolicy;
    maxAttempts: number;
    logger: Logger;
  }) {
    this.#port = opts.port;
    this.#def = opts.def;
    this.#id = opts.procedureId;
    this.#term = opts.term;
    this.#signal = opts.signal;
    this.#retry = opts.retry;
    this.#maxAttempts = opts.def.maxAttempts ?? opts.maxAttempts;
    this.#log = opts.logger.child({ procedureId: opts.procedureId, procedure: opts.def.name });
  }

  async run(): Promise<RunnerExit> {
    for (;;) {
      if (this.#signal.aborted || this.#port.leaderTerm() !== this.#term) return 'not-leader';
      const proc = this.#port.procedure(this.#id);
      if (proc === undefined) return 'gone';
      if (proc.state !== 'RUNNING') return 'finished';
      if (proc.ownerTerm > this.#term) return 'superseded';
      const exit = await this.#runStep(proc);
      if (exit !== undefined) return exit;
    }
  }

  /** One attempt of the current step; undefined means "look at the model again". */
  async #runStep(proc: Procedure): Promise<RunnerExit | undefined> {
    const index = proc.current;
    const def = this.#def.steps[index];
    const record = proc.steps[index];
    if (def === undefined || record === undefined) {
      return this.#fail(
        index,
        'INTERNAL',
        `procedure ${proc.name} has no step ${index} on this node`,
        false,
      );
    }
    if (record.state !== 'started' || record.term !== this.#term) {
      const started = await this.#port.commit({
        type: 'step-start',
        procedureId: this.#id,
        step: index,
        term: this.#term,
        at: this.#port.now(),
      });
      if (!started.ok) return this.#refused('step-start', started.code, started.message);
      return undefined;
    }
    await this.#port.confirmLeadership();
    if (this.#signal.aborted) return 'not-leader';
    return this.#act(proc, index, def, record);
  }

  #context(proc: Procedure, index: number, record: StepRecord): StepContext {
    const port = this.#port;
    const signal = this.#signal;
    return {
      procedureId: this.#id,
      args: proc.args,
      outputs: outputsOf(proc),
      attempt: record.attempts,
      signal,
      progress: record.progress,
      checkpoint: checkpointer({
        port,
        signal,
        procedureId: this.#id,
        step: index,
        term: this.#term,
        attempt: record.attempts,
      }),
      now: () => port.now(),
      sleep: (ms) => port.delay(ms, signal),
    };
  }

  async #act(
    proc: Procedure,
    index: number,
    def: StepDefinition,
    record: StepRecord,
  ): Promise<RunnerExit | undefined> {
    const attempt = record.attempts;
    const started = this.#port.now();
    try {
      const result = await def.run(this.#context(proc, index, record));
      if (this.#signal.aborted) return 'not-leader';
      const done = await this.#port.commit({
        type: 'step-done',
        procedureId: this.#id,
        step: index,
        term: this.#term,
        at: this.#port.now(),
        output: result.output,
        effects: result.effects,
      });
      this.#log.info(
        { step: def.name, ms: this.#port.now() - started, ok: done.ok },
        'step completed',
      );
      if (!done.ok) {
        // A rule of the model refused the step's effects: retrying changes nothing.
        if (done.code === 'STALE_TERM') return 'superseded';
        return await this.#fail(index, done.code, done.message, false);
      }
      return undefined;
    } catch (e) {
      if (this.#signal.aborted) return 'not-leader';
      // A newer attempt owns the step: this one must stop, not record a failure.
      if (isStale(e)) return 'superseded';
      // Not the step's failure: the executor drives the procedure again.
      if (e instanceof StepCommitError) throw e;
      const permanent = e instanceof StepPermanentError;
      const code = stepErrorCode(e);
      this.#log.warn({ step: def.name, attempt, code, err: e }, 'step failed');
      const exit = await this.#fail(
        index,
        code,
        (e as Error).message,
        !permanent,
        (e as Error).cause,
      );
      if (exit === undefined && !permanent)
        await this.#port.delay(retryDelay(this.#retry, attempt), this.#signal);
      return exit;
    }
  }

  async #fail(
    step: number,
    code: string,
    message: string,
    retryable: boolean,
    cause?: unknown,
  ): Promise<RunnerExit | undefined> {
    const failed = await this.#port.commit({
      type: 'step-failed',
      procedureId: this.#id,
      step,
      term: this.#term,
      at: this.#port.now(),
      error:
        cause === undefined
          ? { code, message }
          : {
              code,
              message,
              cause: cause instanceof Error ? cause.message : JSON.stringify(cause),
            },
      retryable,
      maxAttempts: this.#maxAttempts,
    });
    if (!failed.ok) return this.#refused('step-failed', failed.code, failed.message);
    return undefined;
  }

  #refused(what: string, code: string, message: string): RunnerExit | undefined {
    if (code === 'STALE_TERM') return 'superseded';
    this.#log.warn({ what, code, message }, 'the model refused a step command');
    return undefined;
  }
}

/**
 * The code a failed attempt records: the typed errors' stable code; for an
 * untyped error (a driver's), its own `code` if it has one.
 */
function stepErrorCode(e: unknown): string {
  if (e instanceof StepPermanentError || e instanceof StepRetryableError) return e.code;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'STEP_ERROR';
}

function outputsOf(proc: Procedure): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const s of proc.steps)
    if (s.state === 'done' && s.output !== undefined) out[s.name] = s.output;
  return out;
}
