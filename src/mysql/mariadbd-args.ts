import { join } from 'node:path';

/** Where one local instance keeps its files (all under its base dir). */
export interface InstancePaths {
  readonly baseDir: string;
  readonly dataDir: string;
  readonly socket: string;
  readonly pidFile: string;
  readonly errorLog: string;
  readonly installLog: string;
  /** mariadbd's stdout and stderr: what it says before --log-error takes effect. */
  readonly outputLog: string;
  /**
   * Private temporary dir. The default /tmp is shared with whatever else
   * runs on the machine, and parallel mariadb-install-db runs were seen to
   * remove each other's '#sql-temptable-*' files there (error 1051).
   */
  readonly tmpDir: string;
}

export function instancePaths(baseDir: string): InstancePaths {
  return {
    baseDir,
    dataDir: join(baseDir, 'data'),
    socket: join(baseDir, 'mariadbd.sock'),
    pidFile: join(baseDir, 'mariadbd.pid'),
    errorLog: join(baseDir, 'error.log'),
    installLog: join(baseDir, 'install.log'),
    outputLog: join(baseDir, 'mariadbd.out'),
    tmpDir: join(baseDir, 'tmp'),
  };
}

/** What varies between the mariadbd command lines of the local instances. */
export interface MariadbdArgsOptions {
  readonly port: number;
  readonly serverId: number;
  readonly readOnly?: boolean;
  /** Flags appended after the defaults (a later flag overrides an earlier one in mariadbd). */
  readonly extraArgs?: readonly string[];
  /** Default flags to leave out, by name: '--log-bin' drops '--log-bin=mysql-bin'. */
  readonly omitArgs?: readonly string[];
}

/** mariadbd refuses to start as root without --user=root. */
export function userArgs(): string[] {
  return process.getuid?.() === 0 ? ['--user=root'] : [];
}

/**
 * The mariadbd command line of a local instance. Every default is a group
 * member's requirement (mariadb.md §1, measured on MariaDB 10.11):
 * binlog on with a fixed name, --log-slave-updates (10.11 defaults it to
 * OFF, and a promoted replica without it cannot serve lagging siblings),
 * ROW format, gtid_strict_mode, a unique server id, a fixed relay-log name
 * (otherwise it depends on the hostname). --no-defaults keeps
 * /etc/mysql/*.cnf out; --skip-name-resolve makes accounts @'127.0.0.1' match.
 */
export function mariadbdArgs(paths: InstancePaths, opts: MariadbdArgsOptions): string[] {
  const defaults = [
    '--no-defaults',
    ...userArgs(),
    `--datadir=${paths.dataDir}`,
    `--tmpdir=${paths.tmpDir}`,
    `--socket=${paths.socket}`,
    `--port=${opts.port}`,
    '--bind-address=127.0.0.1',
    `--pid-file=${paths.pidFile}`,
    `--server-id=${opts.serverId}`,
    '--log-bin=mysql-bin',
    '--relay-log=relay-bin',
    '--log-slave-updates',
    '--binlog-format=ROW',
    '--gtid-strict-mode=1',
    `--log-error=${paths.errorLog}`,
    '--innodb-buffer-pool-size=64M',
    '--skip-name-resolve',
  ];
  const omit = new Set(opts.omitArgs ?? []);
  const kept = defaults.filter((a) => a === '--no-defaults' || !omit.has(flagName(a)));
  return [...kept, ...(opts.readOnly === true ? ['--read-only=1'] : []), ...(opts.extraArgs ?? [])];
}

/** The install-db command line: root@127.0.0.1 etc. with an empty password, no test db. */
export function installDbArgs(paths: InstancePaths): string[] {
  return [
    '--no-defaults',
    ...userArgs(),
    `--datadir=${paths.dataDir}`,
    `--tmpdir=${paths.tmpDir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ];
}

function flagName(arg: string): string {
  const eq = arg.indexOf('=');
  return eq === -1 ? arg : arg.slice(0, eq);
}
