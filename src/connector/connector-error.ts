/**
 * The connector's operating errors, each with a stable code (style.md §4.9):
 * an application branches on `code`, never on a message. Errors the
 * database itself raises for the application's statement (a duplicate key,
 * a syntax error) are not wrapped: they reach the caller as mysql2 raised
 * them.
 */
export const CONNECTOR_ERROR_CODES = [
  /** The route names a group the topology does not have. */
  'UNKNOWN_GROUP',
  /** A READ_WRITE route's group had no PRIMARY until the deadline. */
  'NO_PRIMARY',
  /** A READ_ONLY route's group had no server that takes reads until the deadline. */
  'NO_READABLE_SERVER',
  /** The server that would serve the route refuses it by its mode (OFFLINE, WRITE_ONLY, READ_ONLY). */
  'MODE_NOT_ALLOWED',
  /** No Fabric node answered with a topology before the deadline. */
  'NO_TOPOLOGY',
  /** The statement kept failing over (or waiting for a new epoch) past the deadline. */
  'DEADLINE_EXCEEDED',
  /**
   * The connection broke while a write or COMMIT was in flight: it may or may
   * not have committed, so it is not re-run; the application decides.
   */
  'IN_DOUBT',
  /** The route is malformed (no group, an unknown mode, …). */
  'INVALID_ROUTE',
  /** A `{ table, key }` (or `{ scope: 'GLOBAL', table }`) route names a table no shard map holds. */
  'TABLE_NOT_SHARDED',
  /** The key is not of the map's type (routing's reason is in the message). */
  'KEY_INVALID',
  /** A RANGE* map's key is below its lowest lower bound (Fabric's server refuses it too). */
  'KEY_BELOW_LOWEST_BOUND',
  /** The table's shard map has no ENABLED shard in this epoch. */
  'NO_ENABLED_SHARDS',
  /** `{ scope: 'GLOBAL' }` without a table, and the farm has no shard map. */
  'NO_SHARD_MAP',
  /** `{ scope: 'GLOBAL' }` without a table, and the farm has several shard maps: name a table. */
  'AMBIGUOUS_SHARD_MAP',
  /** Inside a shard-keyed transaction, a key that lives on another shard (`conn.checkKey`). */
  'SHARD_MISMATCH',
  /** The pool was closed. */
  'POOL_CLOSED',
] as const;
export type ConnectorErrorCode = (typeof CONNECTOR_ERROR_CODES)[number];

/** Structured context of a ConnectorError (group, server address, epoch, …). */
export type ConnectorErrorDetails = Readonly<Record<string, string | number | boolean>>;

/** Every error the connector itself raises. `cause` holds the driver's error when there is one. */
export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  readonly details: ConnectorErrorDetails;

  constructor(
    code: ConnectorErrorCode,
    message: string,
    details: ConnectorErrorDetails = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ConnectorError';
    this.code = code;
    this.details = details;
  }
}

/** Whether `e` is a ConnectorError (with this code, when given). */
export function isConnectorError(e: unknown, code?: ConnectorErrorCode): e is ConnectorError {
  return e instanceof ConnectorError && (code === undefined || e.code === code);
}
