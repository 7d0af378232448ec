import { FabricError } from '../util/fabric-error.js';
import type { FabricErrorCode } from '../util/fabric-error.js';
import type { ProcedureState } from './procedure-types.js';

export type RejectionDetails = Readonly<Record<string, string | number | boolean>>;

/**
 * A command the model refused. Nothing changed. The message names the
 * object and the rule; details carry the same as fields (object, rule,
 * effect index) for the API's error details.
 */
export interface Rejection {
  readonly ok: false;
  readonly code: FabricErrorCode;
  readonly message: string;
  readonly details: RejectionDetails;
}

export interface Accepted {
  readonly ok: true;
  readonly result: CommandResult;
}

/** What apply returns to the proposer: never an exception for a bad command. */
export type ApplyResult = Accepted | Rejection;

export type CommandResult =
  | SubmitResult
  | StepStartResult
  | StepCheckpointResult
  | StepDoneResult
  | StepFailedResult
  | PruneResult
  | NodeResult;

export interface SubmitResult {
  readonly type: 'submit';
  /** For a duplicate request: the ORIGINAL procedure's id, not the one in the retry. */
  readonly procedureId: string;
  readonly duplicate: boolean;
  /** The procedure's state now; absent for a duplicate whose procedure was pruned. */
  readonly state?: ProcedureState;
  /** Procedures that became RUNNING through this command (for the executor to pick up). */
  readonly started: readonly string[];
}

export interface StepStartResult {
  readonly type: 'step-start';
  readonly procedureId: string;
  readonly step: number;
  readonly attempts: number;
  readonly ownerTerm: number;
}

export interface StepCheckpointResult {
  readonly type: 'step-checkpoint';
  readonly procedureId: string;
  readonly step: number;
  /** The committed record's size in bytes (canonical JSON). */
  readonly bytes: number;
}

export interface StepDoneResult {
  readonly type: 'step-done';
  readonly procedureId: string;
  /** RUNNING while steps remain, else DONE. */
  readonly state: ProcedureState;
  readonly topologyEpoch: number;
  readonly started: readonly string[];
}

export interface StepFailedResult {
  readonly type: 'step-failed';
  readonly procedureId: string;
  /** RUNNING when the step will be retried, else FAILED. */
  readonly state: ProcedureState;
  readonly retry: boolean;
  readonly started: readonly string[];
}

export interface PruneResult {
  readonly type: 'prune';
  readonly procedures: number;
  readonly requests: number;
}

export interface NodeResult {
  readonly type: 'node-upsert' | 'node-remove';
  readonly nodeId: string;
}

export function accept(result: CommandResult): Accepted {
  return { ok: true, result };
}

export function reject(
  code: FabricErrorCode,
  message: string,
  details: RejectionDetails = {},
): Rejection {
  return { ok: false, code, message, details };
}

/** The typed error a caller throws for a rejection (the API maps its code to a gRPC status). */
export function rejectionError(r: Rejection): FabricError {
  return new FabricError(r.code, r.message, r.details);
}
