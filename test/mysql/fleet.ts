/**
 * Test fleet: n throwaway MariaDB servers on free loopback ports (never
 * 3306, where this machine's own MariaDB runs), each with fabric-ha's
 * accounts provisioned under random passwords. Servers start in parallel.
 * Whatever happens, they die: stop() in t.after / after(), and a process
 * exit (or SIGINT/SIGTERM) handler SIGKILLs any left over.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';

import { createConnection } from 'mysql2/promise';
import type { Connection } from 'mysql2/promise';

import { LocalMariadb, provisionAccounts } from '../../src/mysql/index.js';
import type { LocalMariadbOptions, MysqlSettings, ServerAccount } from '../../src/mysql/index.js';
import { freePorts } from '../../src/util/free-ports.js';

export const APP_DATABASE = 'app';

export interface FleetAccounts {
  readonly admin: ServerAccount;
  readonly replication: ServerAccount;
  readonly app: ServerAccount & { readonly database: string };
}

/** Per-server start options beyond port, id and directory (e.g. omitArgs for a misconfigured one). */
export type ServerOverrides = Partial<
  Pick<LocalMariadbOptions, 'extraArgs' | 'omitArgs' | 'readOnly'>
>;

export interface FleetOptions {
  /** Overrides for server i (by index). */
  readonly servers?: readonly ServerOverrides[];
  /** Connect timeout in settings (default 2000 ms). */
  readonly connectTimeoutMs?: number;
  /** Query timeout in settings (default 5000 ms). */
  readonly queryTimeoutMs?: number;
}

export interface Fleet {
  readonly servers: LocalMariadb[];
  readonly accounts: FleetAccounts;
  /** fabric-ha's view: admin + replication accounts, timeouts. */
  readonly settings: MysqlSettings;
  readonly baseDir: string;
  /** SIGKILLs every server and removes the fleet's directory. */
  stop(): Promise<void>;
}

/** Every server started by any fleet in this process, for the exit handler. */
const live = new Set<LocalMariadb>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = (): void => {
    for (const s of live) {
      const pid = s.pid;
      if (pid !== undefined) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

function password(): string {
  return randomBytes(12).toString('base64url');
}

/** Starts n servers in parallel; on any failure stops those that started. */
export async function startFleet(n: number, opts: FleetOptions = {}): Promise<Fleet> {
  installExitHook();
  const baseDir = await mkdtemp(join(tmpdir(), 'fabric-ha-fleet-'));
  const ports = await freePorts(n);
  if (ports.includes(3306))
    throw new Error('freePorts returned 3306, which belongs to the machine');
  const accounts: FleetAccounts = {
    admin: { user: 'fabric_admin', password: password() },
    replication: { user: 'fabric_repl', password: password() },
    app: { user: 'app', password: password(), database: APP_DATABASE },
  };
  /** Index i holds server i once it started; stop() needs whichever did. */
  const started = new Map<number, LocalMariadb>();
  const stop = async (): Promise<void> => {
    const running = [...started.values()];
    await Promise.all(running.map((s) => s.destroy()));
    for (const s of running) live.delete(s);
    await rm(baseDir, { recursive: true, force: true });
  };
  try {
    await Promise.all(
      ports.map(async (port, i) => {
        const server = await LocalMariadb.start({
          baseDir: join(baseDir, `s${i + 1}`),
          port,
          serverId: i + 1,
          ...opts.servers?.[i],
        });
        started.set(i, server);
        live.add(server);
        await provisionAccounts(server.address, accounts);
      }),
    );
  } catch (e) {
    await stop();
    throw e;
  }
  const settings: MysqlSettings = {
    admin: accounts.admin,
    replication: accounts.replication,
    connectTimeoutMs: opts.connectTimeoutMs ?? 2000,
    queryTimeoutMs: opts.queryTimeoutMs ?? 5000,
  };
  const servers = ports.map((_, i) => started.get(i) as LocalMariadb);
  return { servers, accounts, settings, baseDir, stop };
}

/** A fleet that lives as long as test `t` (stopped in t.after, even when the test fails). */
export async function useFleet(t: TestContext, n: number, opts?: FleetOptions): Promise<Fleet> {
  const fleet = await startFleet(n, opts);
  t.after(() => fleet.stop());
  return fleet;
}

/** A direct connection as `account` (the app user, or root with password ''), for writes and reads in tests. */
export async function connectAs(
  server: LocalMariadb,
  account: ServerAccount,
  database?: string,
): Promise<Connection> {
  return createConnection({
    host: '127.0.0.1',
    port: server.port,
    user: account.user,
    password: account.password,
    ...(database === undefined ? {} : { database }),
  });
}

export const ROOT: ServerAccount = { user: 'root', password: '' };
