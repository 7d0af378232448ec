import type { Effect, JsonValue } from '../fabric/index.js';

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
   * Throws PermanentStepError for arguments it cannot accept.
   */
  lockKeys(args: JsonValue): string[];
  /**
   * Admission: checks the arguments against the farm as this (leading) node
   * has applied it, before anything is committed, so bad input fails the
   * request at once with a precise error and leaves no procedure behind.
   * Throws PermanentStepError. The steps check again when they run: the farm
   * may change while the procedure waits for its locks.
   */
  admit?(args: JsonValue): void;
  /** Attempts per step before the procedure ends FAILED; default: [procedures] max_attempts. */
  readonly maxAttempts?: number;
}

/** A failure that retrying cannot fix (bad input, a broken rule): the procedure fails at once. */
export class PermanentStepError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentStepError';
    this.code = code;
  }
}

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
