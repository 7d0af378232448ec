import type { ConnectionState } from './connection-state.js';
import { privilegeProblems } from './privilege-problems.js';
import { firstColumn, text } from './row-fields.js';
import { MINIMUM_VERSIONS, formatVersion, versionAtLeast } from './server-version.js';
import type { Session } from './session.js';
import { statement } from './statement.js';
import type { ConfigProblem } from './types.js';

const CURRENT_USER = statement('read CURRENT_USER()', 'SELECT CURRENT_USER() AS account');
const SHOW_GRANTS = statement('SHOW GRANTS', 'SHOW GRANTS FOR CURRENT_USER()');

/**
 * Everything that keeps the server from being a group member, in three
 * round trips: the version, the replication settings, and the privileges
 * of fabric-ha's admin account. Server-id uniqueness is a property of the
 * group, so the caller compares info().serverId across members.
 */
export async function checkRequirements(
  session: Session,
  state: ConnectionState,
): Promise<ConfigProblem[]> {
  const { dialect, info } = state;
  const problems: ConfigProblem[] = [];
  const minimum = MINIMUM_VERSIONS[dialect.engine];
  if (!versionAtLeast(dialect.version, minimum)) {
    const name = dialect.engine === 'mariadb' ? 'MariaDB' : 'MySQL';
    problems.push({
      setting: 'version',
      found: info.version,
      required: `${name} ${formatVersion(minimum)} or later`,
      fix: `upgrade the server to ${name} ${formatVersion(minimum)} or later`,
    });
  }
  const [settings = {}] = await session.rows(dialect.requirementsQuery);
  problems.push(...dialect.requirementProblems(settings));
  const [who = {}] = await session.rows(CURRENT_USER);
  const grants = (await session.rows(SHOW_GRANTS)).map(firstColumn);
  problems.push(
    ...privilegeProblems(dialect.engine, dialect.requiredPrivileges, grants, text(who, 'account')),
  );
  return problems;
}
