import { runStatements } from './run-statements.js';
import type { ServerAccount } from './types.js';

/**
 * The sharded sandbox's schema, after MySQL Fabric's own sharding
 * walkthrough: `subscribers` sharded on `sub_no`, and one global table.
 * Run on the global group's primary: the DDL reaches every shard group
 * through its 'fabric_global' link, which is the point of a global group
 * (mysql-fabric.md §5).
 */
export async function createShardedSandboxSchema(
  address: string,
  account: ServerAccount,
  database: string,
): Promise<void> {
  const db = `\`${database.replaceAll('`', '``')}\``;
  await runStatements(address, account, [
    { kind: 'CREATE DATABASE', sql: `CREATE DATABASE IF NOT EXISTS ${db}` },
    {
      kind: 'CREATE TABLE',
      sql:
        `CREATE TABLE IF NOT EXISTS ${db}.subscribers (` +
        'sub_no INT NOT NULL PRIMARY KEY, first_name VARCHAR(40), last_name VARCHAR(40))',
    },
    {
      kind: 'CREATE TABLE',
      sql:
        `CREATE TABLE IF NOT EXISTS ${db}.plans (` +
        'plan_id INT NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL)',
    },
    {
      kind: 'INSERT',
      sql: `INSERT IGNORE INTO ${db}.plans VALUES (1, 'basic'), (2, 'premium')`,
    },
  ]);
}
