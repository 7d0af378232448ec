import type { Dialect } from './dialect.js';
import { createMariadbDialect } from './mariadb-dialect.js';
import { createMysql8Dialect } from './mysql8-dialect.js';
import { engineOf, parseVersion } from './server-version.js';

/**
 * The dialect for a server whose SELECT VERSION() returned `versionText`:
 * MariaDB when it says so, otherwise MySQL 8. A version fabric-ha does not
 * support still gets a dialect; checkRequirements reports it.
 */
export function dialectFor(versionText: string): Dialect {
  const version = parseVersion(versionText) ?? [0, 0, 0];
  return engineOf(versionText) === 'mariadb'
    ? createMariadbDialect(version)
    : createMysql8Dialect(version);
}
