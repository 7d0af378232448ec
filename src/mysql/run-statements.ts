import { createConnection } from 'mysql2/promise';
import { splitAddress } from './address.js';
import { connectError, statementError } from './mysql-errors.js';
import type { Statement } from './statement.js';
import type { ServerAccount } from './types.js';

const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Runs `statements` in order on one fresh connection as `account`, outside
 * the ServerPool: for setting up local servers (accounts, a database), where
 * there is no identity to check yet. Errors name the server and the
 * statement, never a password.
 */
export async function runStatements(
  address: string,
  account: ServerAccount,
  statements: readonly Statement[],
): Promise<void> {
  const { host, port } = splitAddress(address);
  const conn = await createConnection({
    host,
    port,
    user: account.user,
    password: account.password,
    connectTimeout: CONNECT_TIMEOUT_MS,
  }).catch((e: unknown) => {
    throw connectError(address, account.user, CONNECT_TIMEOUT_MS, e);
  });
  try {
    for (const stmt of statements)
      await conn.query(stmt.sql, [...(stmt.values ?? [])]).catch((e: unknown) => {
        throw statementError(address, stmt, 0, e);
      });
  } finally {
    conn.destroy();
  }
}
