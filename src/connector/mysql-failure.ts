/**
 * How a failed statement failed, as far as failing over goes:
 *  - 'unreachable': the server was never reached (connect refused or timed
 *    out, too many connections): nothing ran, retrying is safe.
 *  - 'read-only': the server refused the statement because it is read-only
 *    (ER_OPTION_PREVENTS_STATEMENT 1290: a write reached a demoted or fenced
 *    primary): nothing ran, retrying is safe once the route moves.
 *  - 'lost': the connection broke with the statement in flight (CR_SERVER_LOST
 *    2013, CR_SERVER_GONE_ERROR 2006, a reset socket, a killed connection):
 *    it may have run.
 *  - 'application': anything else (a duplicate key, a syntax error, access
 *    denied): the application's business, passed through untouched.
 */
export type FailureKind = 'unreachable' | 'read-only' | 'lost' | 'application';

/** The fields of a mysql2 error the connector reads. */
interface DriverError {
  readonly code?: unknown;
  readonly errno?: unknown;
  readonly fatal?: unknown;
}

const ER_OPTION_PREVENTS_STATEMENT = 1290;

/** Socket-level codes of a connection that was never established. */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ETIMEDOUT',
]);

/** Client and server errnos of a server that could not take the connection. */
const UNREACHABLE_ERRNOS: ReadonlySet<number> = new Set([
  1040, // ER_CON_COUNT_ERROR: too many connections
  2002, // CR_CONNECTION_ERROR
  2003, // CR_CONN_HOST_ERROR
  2004, // CR_IPSOCK_ERROR
  2005, // CR_UNKNOWN_HOST
]);

/** Codes of a connection that broke after it was established. */
const LOST_CODES: ReadonlySet<string> = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
]);

const LOST_ERRNOS: ReadonlySet<number> = new Set([
  1053, // ER_SERVER_SHUTDOWN
  1927, // ER_CONNECTION_KILLED (MariaDB)
  2006, // CR_SERVER_GONE_ERROR
  2013, // CR_SERVER_LOST
]);

/**
 * mysql2's refusal to queue a statement on a connection it already closed
 * (it has no code): the statement never left, like a refused connect.
 */
const CLOSED_STATE = "Can't add new command when connection is in closed state";

/** Classifies an error of a statement sent on an established connection. */
export function statementFailure(e: unknown): FailureKind {
  const d = asDriverError(e);
  if (d === undefined) return 'application';
  if (e instanceof Error && e.message === CLOSED_STATE) return 'unreachable';
  if (d.errno === ER_OPTION_PREVENTS_STATEMENT) return 'read-only';
  if (typeof d.errno === 'number' && UNREACHABLE_ERRNOS.has(d.errno)) return 'unreachable';
  if (isLost(d)) return 'lost';
  return 'application';
}

/**
 * Classifies an error of getting a connection: the statement was not sent
 * yet, so a broken connection counts as 'unreachable', never 'lost'.
 */
export function connectFailure(e: unknown): FailureKind {
  const d = asDriverError(e);
  if (d === undefined) return 'application';
  if (typeof d.code === 'string' && UNREACHABLE_CODES.has(d.code)) return 'unreachable';
  if (typeof d.errno === 'number' && UNREACHABLE_ERRNOS.has(d.errno)) return 'unreachable';
  if (isLost(d)) return 'unreachable';
  return 'application';
}

/** Whether the server itself is in trouble (worth a report to Fabric). */
export function isServerTrouble(kind: FailureKind): boolean {
  return kind !== 'application';
}

function isLost(d: DriverError): boolean {
  if (typeof d.code === 'string' && (LOST_CODES.has(d.code) || UNREACHABLE_CODES.has(d.code)))
    return true;
  if (typeof d.errno === 'number' && LOST_ERRNOS.has(d.errno)) return true;
  // mysql2 marks errors after which the connection is unusable; one with no
  // server errno is the socket's, not the statement's.
  return d.fatal === true && typeof d.errno !== 'number';
}

function asDriverError(e: unknown): DriverError | undefined {
  return typeof e === 'object' && e !== null ? e : undefined;
}

const READ_STATEMENT = /^\s*(?:\/\*[^]*?\*\/\s*)*\(?\s*(?:SELECT|SHOW|DESCRIBE|DESC|EXPLAIN)\b/i;
const LOCKING_READ = /\bFOR\s+UPDATE\b|\bLOCK\s+IN\s+SHARE\s+MODE\b|\bINTO\s+(?:OUT|DUMP)FILE\b/i;

/**
 * Whether re-running a statement whose connection broke in flight is safe:
 * a plain read (SELECT, SHOW, DESCRIBE, EXPLAIN). Anything else may have
 * committed, so it is reported in doubt instead of re-run.
 */
export function isReadStatement(sql: string): boolean {
  return READ_STATEMENT.test(sql) && !LOCKING_READ.test(sql);
}
