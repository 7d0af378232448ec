import type { RequiredPrivilege } from './dialect.js';
import { holdsPrivilege, parseGrants } from './grants.js';
import type { ConfigProblem, Engine } from './types.js';

/**
 * The required privileges that SHOW GRANTS FOR CURRENT_USER() does not
 * show for `account` (CURRENT_USER(), e.g. "fab@127.0.0.1"). ALL
 * PRIVILEGES ON *.* satisfies everything. Privileges held only through
 * roles are not counted: SHOW GRANTS does not expand them, and fabric-ha's
 * connections do not activate roles.
 */
export function privilegeProblems(
  engine: Engine,
  required: readonly RequiredPrivilege[],
  grantLines: readonly string[],
  account: string,
): ConfigProblem[] {
  const grants = parseGrants(engine, grantLines);
  const who = quoteAccount(account);
  const roleNote =
    grants.roles.length > 0
      ? ` (privileges of its roles ${grants.roles.join(', ')} are not counted)`
      : '';
  return required
    .filter((p) => !holdsPrivilege(grants, p.name, p.alternatives, p.schema))
    .map((p) => {
      const on = p.schema === undefined ? '*.*' : `\`${p.schema}\`.*`;
      const or = p.alternatives === undefined ? '' : ` (or ${p.alternatives.join(', ')})`;
      return {
        setting: `privilege ${p.name}`,
        found: `not granted to ${who} on ${on}${roleNote}`,
        required: `${p.name}${or} ON ${on}, for ${p.why}`,
        fix: `GRANT ${p.name} ON ${on} TO ${who}`,
      };
    });
}

/** "fab@127.0.0.1" → 'fab'@'127.0.0.1' (the user may itself contain @, the host never does). */
export function quoteAccount(account: string): string {
  const at = account.lastIndexOf('@');
  if (at === -1) return `'${account}'`;
  return `'${account.slice(0, at)}'@'${account.slice(at + 1)}'`;
}
