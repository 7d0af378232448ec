import * as grpc from '@grpc/grpc-js';
import { ERROR_METADATA } from '../wire/index.js';
import { NotLeaderError, RaftError } from '../raft/index.js';
import type { RaftErrorCode } from '../raft/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { FabricErrorCode } from '../util/fabric-error.js';

/**
 * The one table from typed error codes to gRPC status codes. NO_LEADER is
 * UNAVAILABLE (retry later); NOT_LEADER is FAILED_PRECONDITION with the
 * leader in trailing metadata (as etcd maps ErrNotLeader).
 */
export const STATUS_OF: Readonly<Record<FabricErrorCode, grpc.status>> = {
  DATA_DIR_LOCKED: grpc.status.FAILED_PRECONDITION,
  DATA_DIR_FOREIGN: grpc.status.FAILED_PRECONDITION,
  DATA_DIR_CORRUPT: grpc.status.DATA_LOSS,
  DATA_DIR_UNUSABLE: grpc.status.FAILED_PRECONDITION,
  CONFIG_INVALID: grpc.status.INVALID_ARGUMENT,
  NOT_LEADER: grpc.status.FAILED_PRECONDITION,
  NO_LEADER: grpc.status.UNAVAILABLE,
  PROPOSAL_DROPPED: grpc.status.UNAVAILABLE,
  CONF_CHANGE_REJECTED: grpc.status.FAILED_PRECONDITION,
  NODE_NOT_FOUND: grpc.status.NOT_FOUND,
  NODE_EXISTS: grpc.status.ALREADY_EXISTS,
  // A removed member refuses everything until it exits (src/node/removal.ts).
  NODE_REMOVED: grpc.status.FAILED_PRECONDITION,
  PEER_UNREACHABLE: grpc.status.UNAVAILABLE,
  PEER_REJECTED: grpc.status.PERMISSION_DENIED,
  MALFORMED_MESSAGE: grpc.status.INVALID_ARGUMENT,
  GROUP_NOT_FOUND: grpc.status.NOT_FOUND,
  GROUP_EXISTS: grpc.status.ALREADY_EXISTS,
  GROUP_IN_USE: grpc.status.FAILED_PRECONDITION,
  SERVER_NOT_FOUND: grpc.status.NOT_FOUND,
  SERVER_EXISTS: grpc.status.ALREADY_EXISTS,
  SERVER_IS_PRIMARY: grpc.status.FAILED_PRECONDITION,
  PRIMARY_EXISTS: grpc.status.FAILED_PRECONDITION,
  SHARD_MAP_NOT_FOUND: grpc.status.NOT_FOUND,
  SHARD_MAP_EXISTS: grpc.status.ALREADY_EXISTS,
  SHARD_MAP_IN_USE: grpc.status.FAILED_PRECONDITION,
  SHARD_TABLE_NOT_FOUND: grpc.status.NOT_FOUND,
  SHARD_TABLE_EXISTS: grpc.status.ALREADY_EXISTS,
  SHARD_NOT_FOUND: grpc.status.NOT_FOUND,
  SHARD_EXISTS: grpc.status.ALREADY_EXISTS,
  // A key the map's type cannot read, or below every shard of a RANGE map: the caller's input.
  KEY_INVALID: grpc.status.INVALID_ARGUMENT,
  KEY_BELOW_LOWEST_BOUND: grpc.status.INVALID_ARGUMENT,
  // A map with no ENABLED shard routes nothing until one is added or enabled.
  NO_SHARDS: grpc.status.FAILED_PRECONDITION,
  PROCEDURE_NOT_FOUND: grpc.status.NOT_FOUND,
  PROCEDURE_EXISTS: grpc.status.ALREADY_EXISTS,
  INVALID_TRANSITION: grpc.status.FAILED_PRECONDITION,
  STALE_TERM: grpc.status.FAILED_PRECONDITION,
  STALE_ATTEMPT: grpc.status.FAILED_PRECONDITION,
  // A step's progress record is a bounded checkpoint, not a data store.
  CHECKPOINT_TOO_LARGE: grpc.status.INVALID_ARGUMENT,
  SERVER_UNREACHABLE: grpc.status.UNAVAILABLE,
  SERVER_ACCESS_DENIED: grpc.status.PERMISSION_DENIED,
  SERVER_IDENTITY_CHANGED: grpc.status.FAILED_PRECONDITION,
  SERVER_QUERY_FAILED: grpc.status.FAILED_PRECONDITION,
  SERVER_MISCONFIGURED: grpc.status.FAILED_PRECONDITION,
  NO_CANDIDATE: grpc.status.FAILED_PRECONDITION,
  ERRANT_TRANSACTIONS: grpc.status.FAILED_PRECONDITION,
  REPLICATION_TIMEOUT: grpc.status.DEADLINE_EXCEEDED,
  PROCEDURE_FAILED: grpc.status.ABORTED,
  FAILOVER_COOLDOWN: grpc.status.FAILED_PRECONDITION,
  FENCE_FAILED: grpc.status.FAILED_PRECONDITION,
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  DEADLINE_EXCEEDED: grpc.status.DEADLINE_EXCEEDED,
  SHUTTING_DOWN: grpc.status.UNAVAILABLE,
  INTERNAL: grpc.status.INTERNAL,
};

/** Suggested client back-off for UNAVAILABLE answers (about two election timeouts). */
export const RETRY_AFTER_MS = 500;

/** Raft core codes in the same vocabulary. */
const FROM_RAFT: Readonly<Record<RaftErrorCode, FabricErrorCode>> = {
  NOT_LEADER: 'NOT_LEADER',
  NO_LEADER: 'NO_LEADER',
  PROPOSAL_DROPPED: 'PROPOSAL_DROPPED',
  CONF_CHANGE_REJECTED: 'CONF_CHANGE_REJECTED',
  INVALID_MESSAGE: 'MALFORMED_MESSAGE',
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  INVARIANT_VIOLATION: 'INTERNAL',
};

/** Turns any thrown value into a gRPC error with the stable code and leader hint in metadata. */
export function toServiceError(
  e: unknown,
  leader?: { id: string; address: string },
): Partial<grpc.StatusObject> {
  let code: FabricErrorCode = 'INTERNAL';
  let message = e instanceof Error ? e.message : String(e);
  if (e instanceof FabricError) code = e.code;
  else if (e instanceof RaftError) code = FROM_RAFT[e.code];
  else message = `internal error: ${message}`;
  const metadata = new grpc.Metadata();
  metadata.set(ERROR_METADATA.code, code);
  if (STATUS_OF[code] === grpc.status.UNAVAILABLE) {
    // Retry info: no leader or a transient refusal clears within an election timeout or so.
    metadata.set(ERROR_METADATA.retryAfterMs, String(RETRY_AFTER_MS));
  }
  const leaderId = e instanceof NotLeaderError ? e.leaderId : (leader?.id ?? '');
  if (leaderId !== '') {
    metadata.set(ERROR_METADATA.leaderId, leaderId);
    if (leader?.address !== undefined) metadata.set(ERROR_METADATA.leaderAddress, leader.address);
  }
  return { code: STATUS_OF[code], details: message, metadata };
}
