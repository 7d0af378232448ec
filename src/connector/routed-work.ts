import type { PoolConnection } from 'mysql2/promise';
import type { Server__Output } from '../gen/fabric/v1/Server.js';
import { isReadStatement, statementFailure } from './mysql-failure.js';
import type { ResolvedGroupRoute } from './route.js';
import { ServerFailure } from './server-failure.js';
import type { ServerFailureKind } from './server-failure.js';
import { PinnedConnection } from './transaction-connection.js';
import type { TransactionConnection } from './transaction-connection.js';

/** Where one attempt runs. */
export interface Target {
  readonly route: ResolvedGroupRoute;
  readonly server: Server__Output;
  readonly epoch: number;
  /** The server is the group's PRIMARY (a READ_WRITE route, or a READ_ONLY fallback). */
  readonly primary: boolean;
}

/**
 * One attempt's work on a connection. Throws ServerFailure when the server
 * (not the application's statement) failed, saying whether the work may
 * have committed; any other error is the application's and passes through.
 */
export type Work<T> = (conn: PoolConnection, target: Target) => Promise<T>;

/**
 * One statement. Re-run after a lost connection only when that cannot
 * commit twice: a READ_ONLY route, or a plain read; a write whose
 * connection broke in flight is in doubt.
 */
export function statementWork<T>(sql: string, run: (c: PoolConnection) => Promise<T>): Work<T> {
  return async (conn, target) => {
    try {
      return await run(conn);
    } catch (e) {
      const kind = serverFailureOf(e, target);
      if (kind === undefined) throw e;
      const rerunnable = target.route.mode === 'READ_ONLY' || isReadStatement(sql);
      throw new ServerFailure(kind, e, kind === 'lost' && !rerunnable);
    }
  };
}

/**
 * A transaction around `fn`, pinned to the attempt's server. A server
 * failure before COMMIT is sent leaves nothing committed (the server rolls
 * back a transaction whose connection dies; a refused statement is rolled
 * back here), so the whole transaction may run again; a connection lost
 * during a read-write COMMIT is in doubt.
 */
export function transactionWork<T>(fn: (conn: TransactionConnection) => Promise<T>): Work<T> {
  return (conn, target) => runTransaction(conn, target, fn);
}

async function runTransaction<T>(
  conn: PoolConnection,
  target: Target,
  fn: (conn: TransactionConnection) => Promise<T>,
): Promise<T> {
  const readOnly = target.route.mode === 'READ_ONLY';
  try {
    await conn.query(readOnly ? 'START TRANSACTION READ ONLY' : 'START TRANSACTION');
  } catch (e) {
    // Nothing ran yet: whatever broke, running it again is safe.
    const kind = serverFailureOf(e, target);
    if (kind === undefined) throw e;
    throw new ServerFailure(kind, e, false);
  }
  const pinned = new PinnedConnection(
    conn,
    target.server.address,
    target.route.group,
    (e) => serverFailureOf(e, target),
    target.route.shard,
  );
  let result: T;
  try {
    result = await fn(pinned);
  } catch (e) {
    await rollback(conn);
    if (pinned.broken !== undefined) throw new ServerFailure(pinned.broken.kind, e, false);
    throw e;
  }
  if (pinned.broken !== undefined) {
    // `fn` swallowed a server failure: committing now would commit part of it.
    await rollback(conn);
    throw new ServerFailure(pinned.broken.kind, pinned.broken.error, false);
  }
  try {
    await conn.commit();
  } catch (e) {
    const kind = serverFailureOf(e, target);
    if (kind === undefined) throw e;
    // A read-only transaction committed nothing, whatever happened to its COMMIT.
    throw new ServerFailure(kind, e, kind === 'lost' && !readOnly);
  }
  return result;
}

/**
 * How a statement's error counts: a server failure worth failing over
 * (connection broken, or a read-only refusal from the primary), or
 * undefined for the application's own error. A read-only refusal from a
 * secondary is the application's: it sent a write down a READ_ONLY route.
 */
export function serverFailureOf(e: unknown, target: Target): ServerFailureKind | undefined {
  const kind = statementFailure(e);
  if (kind === 'application') return undefined;
  if (kind === 'read-only' && !target.primary) return undefined;
  return kind;
}

async function rollback(conn: PoolConnection): Promise<void> {
  try {
    await conn.rollback();
  } catch {
    // The connection is gone: the server rolled the transaction back itself.
  }
}
