import { createConnection } from 'mysql2/promise';
import { splitAddress } from './address-pool.js';
import { connectError, statementError } from './mysql-errors.js';
import type { ServerAccount } from './types.js';

/**
 * CREATE DATABASE IF NOT EXISTS on one server, as `account`. The sandbox
 * runs it on the primary (binlogged, unlike provisionAccounts) so that the
 * database reaches every replica through replication.
 */
export async function createDatabase(
  address: string,
  account: ServerAccount,
  name: string,
): Promise<void> {
  const { host, port } = splitAddress(address);
  const conn = await createConnection({
    host,
    port,
    user: account.user,
    password: account.password,
    connectTimeout: 5_000,
  }).catch((e: unknown) => {
    throw connectError(address, account.user, 5_000, e);
  });
  const stmt = {
    kind: 'CREATE DATABASE',
    sql: `CREATE DATABASE IF NOT EXISTS \`${name.replaceAll('`', '``')}\``,
  };
  try {
    await conn.query(stmt.sql).catch((e: unknown) => {
      throw statementError(address, stmt, 0, e);
    });
  } finally {
    conn.destroy();
  }
}
