import type { NodeId } from './types.js';

export const RAFT_ERROR_CODES = [
  'NOT_LEADER',
  'NO_LEADER',
  'PROPOSAL_DROPPED',
  'CONF_CHANGE_REJECTED',
  'INVALID_MESSAGE',
  'INVALID_ARGUMENT',
  'INVARIANT_VIOLATION',
] as const;
export type RaftErrorCode = (typeof RAFT_ERROR_CODES)[number];

/** An expected, recoverable refusal by the core. Nothing changed when it is thrown. */
export class RaftError extends Error {
  readonly code: RaftErrorCode;
  constructor(code: RaftErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RaftError';
    this.code = code;
  }
}

/** A proposal or request reached a follower; `leaderId` is where to send it ('' if unknown). */
export class NotLeaderError extends RaftError {
  readonly leaderId: NodeId;
  constructor(nodeId: NodeId, leaderId: NodeId) {
    super(
      leaderId === '' ? 'NO_LEADER' : 'NOT_LEADER',
      leaderId === ''
        ? `raft: node ${nodeId} is not the leader and knows no leader; retry after an election`
        : `raft: node ${nodeId} is not the leader; the leader is ${leaderId}`,
    );
    this.name = 'NotLeaderError';
    this.leaderId = leaderId;
  }
}

export const DROP_REASONS = [
  'transfer-in-progress',
  'uncommitted-limit',
  'removed',
  'conf-change-pending',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

/** The leader refused a proposal for a transient reason; retrying later may succeed. */
export class ProposalDroppedError extends RaftError {
  readonly reason: DropReason;
  constructor(reason: DropReason, message: string) {
    super('PROPOSAL_DROPPED', message);
    this.name = 'ProposalDroppedError';
    this.reason = reason;
  }
}

/** A message that cannot have come from a correct peer; it was ignored. */
export class InvalidMessageError extends RaftError {
  constructor(message: string) {
    super('INVALID_MESSAGE', message);
    this.name = 'InvalidMessageError';
  }
}

/**
 * A broken invariant: a bug or corrupted state. Never caught by the core;
 * the process must stop (as etcd's Panicf and Tiger Style assertions do).
 */
export class InvariantViolation extends RaftError {
  constructor(message: string) {
    super('INVARIANT_VIOLATION', message);
    this.name = 'InvariantViolation';
  }
}

/** Throws InvariantViolation when `cond` is false. */
export function assert(cond: boolean, why: string): asserts cond {
  if (!cond) throw new InvariantViolation(why);
}
