import type { Effect, JsonValue, StepProgress } from '../fabric/index.js';
import { StepPermanentError } from './step-errors.js';

export { StepPermanentError, StepRetryableError } from './step-errors.js';

/** What a step's run() gets. */
export interface StepContext {
  readonly procedureId: string;
  readonly args: JsonValue;
  /** Outputs of the steps already done, by step name. */
  readonly outputs: Readonly<Record<string, JsonValue>>;
  /** 1 for the first attempt; a step resumed by a new leader counts as a new attempt. */
  readonly attempt: number;
  /** Aborted the moment this node stops leading: stop every side effect. */
  readonly signal: AbortSignal;
  /**
   * The last progress record committed for this step by an earlier attempt
   * (or this one); undefined when the step starts from zero. A step resumed
   * by a new leader continues from here.
   */
  readonly progress: StepProgress | undefined;
  /**
   * Commits a small progress record (at most MAX_CHECKPOINT_BYTES of JSON)
   * for this attempt through Raft; resolves once it is committed. Rejects
   * with StepPermanentError(CHECKPOINT_TOO_LARGE) for a record over the
   * limit, and stops the attempt if a newer one has taken the step over.
   */
  checkpoint(progress: JsonValue): Promise<void>;
  /** Milliseconds since the epoch, from the executor's injected clock (simulated in the simulator). */
  now(): number;
  /** Waits `ms` on the injected clock; resolves early when `signal` aborts. */
  sleep(ms: number): Promise<void>;
}

/** A step's outcome: its output, and the farm changes committed with its completion. */
export interface StepResult {
  readonly output: JsonValue;
  readonly effects: readonly Effect[];
}

/**
 * One step of a procedure. run() may be executed more than once (a leader
 * can die after acting and before its completion commits; the next leader
 * runs the step again), so it must check the world before acting and make a
 * repeated run harmless — the contract MySQL Fabric's recovery assumed but
 * never enforced (mysql-fabric.md §2).
 */
export interface StepDefinition {
  readonly name: string;
  run(ctx: StepContext): Promise<StepResult>;
}

export interface ProcedureDefinition {
  readonly name: string;
  readonly steps: readonly StepDefinition[];
  /**
   * What the procedure locks, from its arguments (e.g. "group:g1"): procedures
   * sharing a key run one at a time in submission order, others concurrently.
   * Throws StepPermanentError for arguments it cannot accept.
   */
  lockKeys(args: JsonValue): string[];
  /**
   * Admission: checks the arguments against the farm as this (leading) node
   * has applied it, before anything is committed, so bad input fails the
   * request at once with a precise error and leaves no procedure behind.
   * Throws StepPermanentError. The steps check again when they run: the farm
   * may change while the procedure waits for its locks. `at` is the
   * submission's time on the proposer's clock (the command's `at`).
   */
  admit?(args: JsonValue, at: number): void;
  /** Attempts per step before the procedure ends FAILED; default: [procedures] max_attempts. */
  readonly maxAttempts?: number;
}

/** The farm procedures' older name for StepPermanentError. */
export const PermanentStepError = StepPermanentError;
export type PermanentStepError = StepPermanentError;

/** The procedures this node can run, by name. */
export class ProcedureRegistry {
  readonly #defs = new Map<string, ProcedureDefinition>();

  register(def: ProcedureDefinition): this {
    if (this.#defs.has(def.name)) throw new Error(`procedure ${def.name} is already registered`);
    if (def.steps.length === 0) throw new Error(`procedure ${def.name} has no steps`);
    this.#defs.set(def.name, def);
    return this;
  }

  get(name: string): ProcedureDefinition | undefined {
    return this.#defs.get(name);
  }

  names(): string[] {
    return [...this.#defs.keys()].sort();
  }
}
