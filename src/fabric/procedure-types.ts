import type { JsonValue } from './json.js';

export const PROCEDURE_STATES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
/** QUEUED waits for its locks; DONE and FAILED are final and hold no locks. */
export type ProcedureState = (typeof PROCEDURE_STATES)[number];

export const STEP_STATES = ['pending', 'started', 'done', 'failed'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** What the executor reports when a step attempt fails. */
export interface StepError {
  /** The executor's code (a FabricErrorCode or a MySQL error name); free text. */
  readonly code: string;
  readonly message: string;
  readonly cause?: string;
}

/** How far a long step got: the last progress record its running attempt committed. */
export interface StepProgress {
  /** The step's own record (e.g. the next chunk to copy); at most MAX_CHECKPOINT_BYTES. */
  readonly value: JsonValue;
  /** The attempt that committed it. */
  readonly attempt: number;
  readonly at: number;
}

/** One step's checkpoint, like a Fabric job's checkpoint row (mysql-fabric.md §2). */
export interface StepRecord {
  readonly name: string;
  readonly state: StepState;
  /** How many times the step was started, takeovers by a newer leader included. */
  readonly attempts: number;
  /** When the latest attempt started. */
  readonly startedAt?: number;
  readonly finishedAt?: number;
  /** The Raft term of the leader that ran the latest attempt. */
  readonly term?: number;
  readonly output?: JsonValue;
  /**
   * The latest progress record; kept across takeovers and retries (the next
   * attempt resumes from it), dropped when the step is done.
   */
  readonly progress?: StepProgress;
  /** The latest failure; kept while the step is retried, dropped when it is done. */
  readonly error?: StepError;
}

/** Why a procedure ended FAILED. */
export interface ProcedureError extends StepError {
  /** The name of the step that failed (its index is the procedure's `current`). */
  readonly step: string;
}

/**
 * A replicated procedure: the unit of work the executor drives step by
 * step. Everything here changes only through committed commands.
 */
export interface Procedure {
  readonly id: string;
  readonly name: string;
  /** The client's idempotency key (see dedup.ts). */
  readonly requestId: string;
  readonly args: JsonValue;
  /** Sorted and unique; all are taken at submission (see locks.ts). */
  readonly lockKeys: readonly string[];
  readonly state: ProcedureState;
  readonly steps: readonly StepRecord[];
  /** Index of the next step to run or the one running; steps.length once DONE. */
  readonly current: number;
  /**
   * The highest Raft term that has driven this procedure. Step commands
   * from a lower term are refused (STALE_TERM), so a deposed leader cannot
   * complete a step its successor took over.
   */
  readonly ownerTerm: number;
  readonly submittedAt: number;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  /** The last step's output, once DONE. */
  readonly result?: JsonValue;
  readonly error?: ProcedureError;
}
