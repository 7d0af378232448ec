/**
 * Every operating error fabric-ha reports carries a stable code (a string
 * union member, never a message to parse). src/api maps codes to gRPC
 * status codes in one table; the CLI prints the message, which names the
 * object, the field and the rule.
 */
export const FABRIC_ERROR_CODES = [
  // storage
  'DATA_DIR_LOCKED',
  'DATA_DIR_FOREIGN',
  'DATA_DIR_CORRUPT',
  'DATA_DIR_UNUSABLE',
  // configuration
  'CONFIG_INVALID',
  // cluster and Raft
  'NOT_LEADER',
  'NO_LEADER',
  'PROPOSAL_DROPPED',
  'CONF_CHANGE_REJECTED',
  'NODE_NOT_FOUND',
  'NODE_EXISTS',
  'NODE_REMOVED',
  // transport
  'PEER_UNREACHABLE',
  'PEER_REJECTED',
  'MALFORMED_MESSAGE',
  // the replicated Fabric model (src/fabric)
  'GROUP_NOT_FOUND',
  'GROUP_EXISTS',
  'GROUP_IN_USE',
  'SERVER_NOT_FOUND',
  'SERVER_EXISTS',
  'SERVER_IS_PRIMARY',
  'PRIMARY_EXISTS',
  'SHARD_MAP_NOT_FOUND',
  'SHARD_MAP_EXISTS',
  'SHARD_MAP_IN_USE',
  'SHARD_TABLE_NOT_FOUND',
  'SHARD_TABLE_EXISTS',
  'SHARD_NOT_FOUND',
  'SHARD_EXISTS',
  // routing a key to a shard (src/routing, served by ShardingService.LookupServers)
  'KEY_INVALID',
  'KEY_BELOW_LOWEST_BOUND',
  'NO_SHARDS',
  'PROCEDURE_NOT_FOUND',
  'PROCEDURE_EXISTS',
  'INVALID_TRANSITION',
  'STALE_TERM',
  'STALE_ATTEMPT',
  'CHECKPOINT_TOO_LARGE',
  // managed MySQL/MariaDB servers (src/mysql) and the farm procedures
  'SERVER_UNREACHABLE',
  // The server answered and refused fabric-ha's account (MySQL error 1045/1130): it is alive.
  'SERVER_ACCESS_DENIED',
  'SERVER_IDENTITY_CHANGED',
  'SERVER_QUERY_FAILED',
  'SERVER_MISCONFIGURED',
  'NO_CANDIDATE',
  'ERRANT_TRANSACTIONS',
  'REPLICATION_TIMEOUT',
  'PROCEDURE_FAILED',
  'FAILOVER_COOLDOWN',
  'FENCE_FAILED',
  // generic
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'SHUTTING_DOWN',
  'INTERNAL',
] as const;
export type FabricErrorCode = (typeof FABRIC_ERROR_CODES)[number];

export class FabricError extends Error {
  readonly code: FabricErrorCode;
  /** Structured context (ids, paths, indexes) for logs and API error details. */
  readonly details: Readonly<Record<string, string | number | boolean>>;

  constructor(
    code: FabricErrorCode,
    message: string,
    details: Readonly<Record<string, string | number | boolean>> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'FabricError';
    this.code = code;
    this.details = details;
  }
}

export function isFabricError(e: unknown, code?: FabricErrorCode): e is FabricError {
  return e instanceof FabricError && (code === undefined || e.code === code);
}
