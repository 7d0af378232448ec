import { runStatements } from './run-statements.js';
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
  await runStatements(address, account, [
    {
      kind: 'CREATE DATABASE',
      sql: `CREATE DATABASE IF NOT EXISTS \`${name.replaceAll('`', '``')}\``,
    },
  ]);
}
