import type { Logger } from '../util/logger.js';
import { silentLogger } from '../util/logger.js';
import { MARIADB_PRIVILEGES } from './mariadb-requirements.js';
import { runStatements } from './run-statements.js';
import type { ServerAccount } from './types.js';
import type { Statement } from './statement.js';

/** The accounts a sandbox or test server gets. */
export interface ProvisionedAccounts {
  readonly admin: ServerAccount;
  readonly replication: ServerAccount;
  /** An ordinary application account with ALL on `database`.* only (not created here). */
  readonly app?: ServerAccount & { readonly database: string };
}

/** Accounts are created for TCP logins from this host (servers run with --skip-name-resolve). */
const HOST = '127.0.0.1';

/**
 * Creates fabric-ha's accounts on a local MariaDB as root@127.0.0.1 (empty
 * password, as LocalMariadb leaves it), with sql_log_bin=0 so fresh
 * servers keep an empty GTID history and can replicate from one another
 * without diverging. Run it on every server: any may become primary.
 *
 * The admin account gets exactly the privileges checkRequirements asks
 * for, so every test that passes with it proves that list sufficient.
 * The app account has no global privilege: read_only applies to it
 * (root bypasses read_only through READ_ONLY ADMIN, mariadb.md gotcha 4).
 * Its database is not created here; create it on the primary, so it
 * replicates.
 */
export async function provisionAccounts(
  address: string,
  accounts: ProvisionedAccounts,
  logger: Logger = silentLogger(),
): Promise<void> {
  await runStatements(address, { user: 'root', password: '' }, provisionStatements(accounts));
  logger.debug({ address, admin: accounts.admin.user }, 'accounts provisioned');
}

/** The statements provisionAccounts runs, in order (exported for tests). */
export function provisionStatements(accounts: ProvisionedAccounts): Statement[] {
  const { admin, replication, app } = accounts;
  const globalPrivileges = MARIADB_PRIVILEGES.filter((p) => p.schema === undefined).map(
    (p) => p.name,
  );
  const schemaGrants = MARIADB_PRIVILEGES.filter((p) => p.schema !== undefined);
  const out: Statement[] = [
    { kind: 'SET SESSION sql_log_bin=0', sql: 'SET SESSION sql_log_bin = 0' },
    createUser(admin),
    {
      kind: 'GRANT admin',
      sql: `GRANT ${globalPrivileges.join(', ')} ON *.* TO ?@?`,
      values: [admin.user, HOST],
    },
    ...schemaGrants.map((p) => ({
      kind: 'GRANT admin schema',
      sql: `GRANT ${p.name} ON \`${p.schema ?? ''}\`.* TO ?@?`,
      values: [admin.user, HOST],
    })),
    createUser(replication),
    // REPLICATION SLAVE is all a replica's IO thread needs on 10.11 (measured).
    {
      kind: 'GRANT replication',
      sql: 'GRANT REPLICATION SLAVE ON *.* TO ?@?',
      values: [replication.user, HOST],
    },
  ];
  if (app !== undefined) {
    out.push(createUser(app), {
      kind: 'GRANT app',
      sql: `GRANT ALL PRIVILEGES ON \`${app.database.replaceAll('`', '``')}\`.* TO ?@?`,
      values: [app.user, HOST],
    });
  }
  return out;
}

function createUser(account: ServerAccount): Statement {
  return {
    kind: `CREATE USER ${account.user}`,
    sql: 'CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?',
    values: [account.user, HOST, account.password],
    secrets: [account.password],
  };
}
