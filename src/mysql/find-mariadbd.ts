import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The two MariaDB server binaries a local instance needs. */
export interface MariadbBinaries {
  readonly mariadbd: string;
  readonly installDb: string;
}

/** Debian/Ubuntu install the server into /usr/sbin and the install script into /usr/bin. */
const FALLBACK_DIRS = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin'];

/** How to get the binaries, for the error that says they are missing. */
export const MARIADB_INSTALL_HINT =
  'install MariaDB (Debian/Ubuntu: apt-get install -y mariadb-server; it need not run as a service)';

/**
 * Finds mariadbd and mariadb-install-db on PATH, then in the usual system
 * dirs (/usr/sbin is often not on a non-root PATH). Undefined when either
 * is missing.
 */
export function findMariadbd(
  searchPath: string = process.env.PATH ?? '',
  fallbackDirs: readonly string[] = FALLBACK_DIRS,
): MariadbBinaries | undefined {
  const dirs = [...searchPath.split(delimiter).filter((d) => d !== ''), ...fallbackDirs];
  const mariadbd = findExecutable('mariadbd', dirs);
  const installDb = findExecutable('mariadb-install-db', dirs);
  return mariadbd !== undefined && installDb !== undefined ? { mariadbd, installDb } : undefined;
}

function findExecutable(name: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not in this dir
    }
  }
  return undefined;
}
