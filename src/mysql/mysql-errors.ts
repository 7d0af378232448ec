import { FabricError } from '../util/fabric-error.js';
import type { Statement } from './statement.js';

/** The fields of a mysql2 error (or a Node socket error) fabric-ha reads. */
interface DriverError {
  readonly code?: string;
  readonly errno?: number;
  readonly sqlState?: string;
  readonly sqlMessage?: string;
  readonly message?: string;
  readonly fatal?: boolean;
}

function asDriverError(e: unknown): DriverError {
  return typeof e === 'object' && e !== null ? e : { message: String(e) };
}

const ER_PARSE_ERROR = 1064;

/** Server errors that mean "the server is going away", not "the statement is wrong". */
const SHUTDOWN_ERRNOS = new Set([1053 /* ER_SERVER_SHUTDOWN */, 1927 /* ER_CONNECTION_KILLED */]);

/** Why a connection attempt failed, in words (never the password). */
function connectReason(err: DriverError, user: string, connectTimeoutMs: number): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing listens on that port)';
    case 'ETIMEDOUT':
      return `no answer within the connect timeout of ${connectTimeoutMs} ms`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'cannot resolve the host name';
    case 'ER_ACCESS_DENIED_ERROR':
      return `access denied for user '${user}' (fabric-ha's admin account; its password comes from the [servers] section of the cluster configuration)`;
    case 'ER_HOST_NOT_PRIVILEGED':
      return `the server does not let user '${user}' connect from this host`;
    case 'ER_CON_COUNT_ERROR':
      return 'too many connections';
    default:
      return err.sqlMessage ?? err.message ?? 'unknown error';
  }
}

/**
 * The server answered and refused the account: ER_ACCESS_DENIED_ERROR
 * (1045, wrong user or password) or ER_HOST_NOT_PRIVILEGED (1130). It is
 * alive, so this is not "unreachable": retrying will not help, fixing the
 * credentials or the grants will.
 */
const ACCESS_DENIED = new Set(['ER_ACCESS_DENIED_ERROR', 'ER_HOST_NOT_PRIVILEGED']);
const ACCESS_DENIED_ERRNOS = new Set([1045, 1130]);

export function isAccessDenied(err: { readonly code?: string; readonly errno?: number }): boolean {
  return (
    (err.code !== undefined && ACCESS_DENIED.has(err.code)) ||
    (err.errno !== undefined && ACCESS_DENIED_ERRNOS.has(err.errno))
  );
}

/** A connect (or handshake) failure: SERVER_ACCESS_DENIED when the account was refused, else SERVER_UNREACHABLE. */
export function connectError(
  address: string,
  user: string,
  connectTimeoutMs: number,
  e: unknown,
): FabricError {
  const err = asDriverError(e);
  if (isAccessDenied(err))
    return new FabricError(
      'SERVER_ACCESS_DENIED',
      `the server at ${address} refused the connection: ${connectReason(err, user, connectTimeoutMs)}`,
      details(address, err),
      { cause: sanitised(err, []) },
    );
  return new FabricError(
    'SERVER_UNREACHABLE',
    `cannot connect to the server at ${address}: ${connectReason(err, user, connectTimeoutMs)}`,
    details(address, err),
    { cause: sanitised(err, []) },
  );
}

/**
 * A failed statement. Timeouts, lost connections and shutdowns are
 * SERVER_UNREACHABLE (the caller cannot tell them from a cut network);
 * everything else is SERVER_QUERY_FAILED naming the statement's kind. The
 * statement's secrets are blanked out of the server's message, and the
 * driver error (whose .sql holds the full text) is never attached as is.
 */
export function statementError(
  address: string,
  stmt: Statement,
  timeoutMs: number,
  e: unknown,
): FabricError {
  const err = asDriverError(e);
  const secrets = stmt.secrets ?? [];
  const d = { ...details(address, err), statement: stmt.kind };
  const cause = sanitised(err, secrets);
  if (err.code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
    return new FabricError(
      'SERVER_UNREACHABLE',
      `the server at ${address} did not answer ${stmt.kind} within ${timeoutMs} ms`,
      { ...d, timeout: true },
      { cause },
    );
  }
  if (isConnectionLoss(err)) {
    return new FabricError(
      'SERVER_UNREACHABLE',
      `lost the connection to the server at ${address} during ${stmt.kind}: ${cause.message}`,
      { ...d, lost: true },
      { cause },
    );
  }
  return new FabricError(
    'SERVER_QUERY_FAILED',
    `${stmt.kind} failed on the server at ${address}: ${cause.message}`,
    d,
    { cause },
  );
}

/** The connection is dead: the socket closed or the server is shutting down. */
export function isConnectionLoss(e: unknown): boolean {
  const err = asDriverError(e);
  return err.fatal === true || (err.errno !== undefined && SHUTDOWN_ERRNOS.has(err.errno));
}

function details(address: string, err: DriverError): Record<string, string | number> {
  const d: Record<string, string | number> = { address };
  if (err.code !== undefined) d.driverCode = err.code;
  if (typeof err.errno === 'number' && err.errno > 0) d.errno = err.errno;
  if (err.sqlState !== undefined) d.sqlState = err.sqlState;
  return d;
}

/** A copy of the driver error with secrets blanked and no SQL text attached. */
function sanitised(err: DriverError, secrets: readonly string[]): Error {
  // A syntax error quotes the statement from the error on ("near '...'"),
  // possibly cutting a password short where no redaction would find it.
  const message =
    secrets.length > 0 && err.errno === ER_PARSE_ERROR
      ? 'syntax error (the server’s message is withheld: it quotes the statement, which holds a password)'
      : redact(err.sqlMessage ?? err.message ?? 'unknown error', secrets);
  const withErrno =
    typeof err.errno === 'number' && err.errno > 0 ? `${message} (error ${err.errno})` : message;
  const copy = new Error(withErrno);
  Object.assign(copy, { code: err.code, errno: err.errno, sqlState: err.sqlState });
  return copy;
}

/** Blanks every secret, raw and as mysql2 escapes it inside quotes. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s === '') continue;
    const escaped = escapeLikeMysql2(s);
    out = out.split(escaped).join('***').split(s).join('***');
  }
  return out;
}

/** mysql2 (sqlstring) escapes these characters inside a quoted string. */
const ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\u001a': '\\Z',
  '"': '\\"',
  "'": "\\'",
  '\\': '\\\\',
};

function escapeLikeMysql2(text: string): string {
  let out = '';
  for (const c of text) out += ESCAPES[c] ?? c;
  return out;
}
