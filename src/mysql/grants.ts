import type { Engine } from './types.js';

/** What SHOW GRANTS FOR CURRENT_USER() says an account holds. */
export interface ParsedGrants {
  /** Privileges on *.*, normalised (see normalisePrivilege); 'ALL PRIVILEGES' stands for all. */
  readonly global: ReadonlySet<string>;
  /** Privileges per database pattern ("fabric\_ha", "app%": LIKE syntax as SHOW GRANTS prints it). */
  readonly schemas: ReadonlyMap<string, ReadonlySet<string>>;
  /** Roles granted to the account; their privileges are not shown by SHOW GRANTS and not counted. */
  readonly roles: readonly string[];
}

/**
 * MariaDB spells some privileges two ways (10.5 renamed them and SHOW GRANTS
 * prints the new names); fold them so a check names one.
 */
const MARIADB_ALIASES: Readonly<Record<string, string>> = {
  'REPLICATION CLIENT': 'BINLOG MONITOR',
  'REPLICA MONITOR': 'SLAVE MONITOR',
  'REPLICATION REPLICA': 'REPLICATION SLAVE',
  'READ ONLY ADMIN': 'READ_ONLY ADMIN',
};

const GRANT_ON = /^GRANT\s+(.+?)\s+ON\s+(.+?)\s+TO\s+/i;
const ROLE_GRANT = /^GRANT\s+(.+?)\s+TO\s+/i;

/**
 * Parses SHOW GRANTS lines of either engine, e.g.
 *   GRANT RELOAD, PROCESS, BINLOG MONITOR ON *.* TO `fab`@`127.0.0.1` IDENTIFIED BY PASSWORD '*D82…'
 *   GRANT SELECT, INSERT, CREATE ON `fabric\_ha`.* TO `fab`@`127.0.0.1`
 *   GRANT CONNECTION_ADMIN,REPLICATION_SLAVE_ADMIN ON *.* TO `fab`@`%`      (MySQL dynamic privileges)
 *   GRANT `dba`@`%` TO `fab`@`%`                                             (a role)
 * Table, column, routine and PROXY grants do not count toward anything
 * fabric-ha needs and are skipped.
 */
export function parseGrants(engine: Engine, lines: readonly string[]): ParsedGrants {
  const global = new Set<string>();
  const schemas = new Map<string, Set<string>>();
  const roles: string[] = [];
  for (const line of lines) {
    const on = GRANT_ON.exec(line.trim());
    if (on === null) {
      const role = ROLE_GRANT.exec(line.trim());
      if (role !== null) roles.push(role[1] as string);
      continue;
    }
    const privileges = splitPrivileges(on[1] as string).map((p) => normalisePrivilege(engine, p));
    const target = parseTarget(on[2] as string);
    if (target === '*') privileges.forEach((p) => global.add(p));
    else if (target !== undefined) {
      const set = schemas.get(target) ?? new Set<string>();
      privileges.forEach((p) => set.add(p));
      schemas.set(target, set);
    }
  }
  return { global, schemas, roles };
}

/** Splits "SELECT, INSERT (a, b), RELOAD" at top-level commas; column lists stay attached. */
function splitPrivileges(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

/** Upper case, single spaces, ALL → ALL PRIVILEGES, MariaDB aliases folded. Column grants keep their "(...)". */
export function normalisePrivilege(engine: Engine, privilege: string): string {
  const p = privilege.trim().replace(/\s+/g, ' ').toUpperCase();
  if (p === 'ALL') return 'ALL PRIVILEGES';
  return engine === 'mariadb' ? (MARIADB_ALIASES[p] ?? p) : p;
}

/** '*' for *.*, the database pattern for db.*, undefined for tables and routines. */
function parseTarget(target: string): string | undefined {
  const t = target.trim();
  if (/^(PROCEDURE|FUNCTION|PACKAGE)\s/i.test(t)) return undefined;
  if (t === '*.*' || t === '*') return '*';
  const m = /^(`(?:[^`]|``)+`|[^.`]+)\.\*$/.exec(t);
  if (m === null) return undefined;
  const db = m[1] as string;
  return db.startsWith('`') ? db.slice(1, -1).replaceAll('``', '`') : db;
}

/** Whether `grants` hold `privilege` (or one of `alternatives`) on `schema`, or on *.* when schema is absent. */
export function holdsPrivilege(
  grants: ParsedGrants,
  privilege: string,
  alternatives: readonly string[] = [],
  schema?: string,
): boolean {
  const wanted = [privilege, ...alternatives, 'ALL PRIVILEGES'];
  if (wanted.some((p) => grants.global.has(p))) return true;
  if (schema === undefined) return false;
  for (const [pattern, privileges] of grants.schemas) {
    if (likeMatches(pattern, schema) && wanted.some((p) => privileges.has(p))) return true;
  }
  return false;
}

/** SQL LIKE as grant tables use it: % any run, _ one character, backslash escapes. */
export function likeMatches(pattern: string, name: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\' && i + 1 < pattern.length) re += escapeRegExp(pattern[++i] as string);
    else if (ch === '%') re += '.*';
    else if (ch === '_') re += '.';
    else re += escapeRegExp(ch);
  }
  return new RegExp(`^${re}$`, 's').test(name);
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
