import type { Effect } from './effects.js';
import type { JsonValue } from './json.js';
import type { StepError } from './procedure-types.js';

/**
 * The commands the Raft log carries to the Fabric model. Everything that
 * is not a pure function of the model (ids, wall-clock times, the
 * proposer's term) is chosen by the proposer and travels inside the
 * command, so every replica applies exactly the same change.
 *
 * `at` is the proposer's wall clock in ms since the epoch; `term` is the
 * proposer's Raft term when it proposed; `step` is a step index.
 */
export type Command =
  | SubmitCommand
  | StepStartCommand
  | StepCheckpointCommand
  | StepDoneCommand
  | StepFailedCommand
  | PruneCommand
  | NodeUpsertCommand
  | NodeRemoveCommand;

export type CommandType = Command['type'];

/** Creates a procedure, or returns the original one for a known request id. */
export interface SubmitCommand {
  readonly type: 'submit';
  readonly requestId: string;
  readonly procedureId: string;
  readonly name: string;
  readonly args: JsonValue;
  /** e.g. "group:g1", "shard:7"; duplicates are ignored. */
  readonly lockKeys: readonly string[];
  /** Step names, in order; at least one. */
  readonly steps: readonly string[];
  readonly at: number;
  readonly term: number;
}

/** The executor is about to run the procedure's current step. */
export interface StepStartCommand {
  readonly type: 'step-start';
  readonly procedureId: string;
  readonly step: number;
  readonly term: number;
  readonly at: number;
}

/**
 * The running attempt of the current step records how far it got, so a new
 * leader resumes a long step (a shard copy) from its last chunk, not from zero.
 */
export interface StepCheckpointCommand {
  readonly type: 'step-checkpoint';
  readonly procedureId: string;
  readonly step: number;
  readonly term: number;
  readonly at: number;
  /** The attempt that ran the step (fencing: only the current attempt may checkpoint). */
  readonly attempt: number;
  /** At most MAX_CHECKPOINT_BYTES of canonical JSON. */
  readonly progress: JsonValue;
}

/** The current step succeeded; its effects are applied with its completion. */
export interface StepDoneCommand {
  readonly type: 'step-done';
  readonly procedureId: string;
  readonly step: number;
  readonly term: number;
  readonly at: number;
  readonly output: JsonValue;
  readonly effects: readonly Effect[];
}

/** The current step failed; it is retried or the procedure fails. */
export interface StepFailedCommand {
  readonly type: 'step-failed';
  readonly procedureId: string;
  readonly step: number;
  readonly term: number;
  readonly at: number;
  readonly error: StepError;
  readonly retryable: boolean;
  /** Attempts allowed in all; a retryable failure of attempt < maxAttempts is retried. */
  readonly maxAttempts: number;
}

/** Bounds the procedure history and the request-id memory (proposed periodically by the leader). */
export interface PruneCommand {
  readonly type: 'prune';
  readonly at: number;
  /** DONE/FAILED procedures kept at most, newest first. */
  readonly maxCompleted: number;
  /** DONE/FAILED procedures that finished longer ago than this are dropped. */
  readonly maxAgeMs: number;
  /** Request ids older than this are forgotten, unless their procedure is still live. */
  readonly dedupWindowMs: number;
}

export interface NodeUpsertCommand {
  readonly type: 'node-upsert';
  readonly id: string;
  readonly address: string;
}

export interface NodeRemoveCommand {
  readonly type: 'node-remove';
  readonly id: string;
}

/** Every command type once; a Record so that a new union member must be listed. */
const COMMAND_TYPE_SET: Readonly<Record<CommandType, true>> = {
  submit: true,
  'step-start': true,
  'step-checkpoint': true,
  'step-done': true,
  'step-failed': true,
  prune: true,
  'node-upsert': true,
  'node-remove': true,
};

export const COMMAND_TYPES: readonly CommandType[] = Object.keys(COMMAND_TYPE_SET) as CommandType[];
