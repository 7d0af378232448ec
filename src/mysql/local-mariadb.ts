import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';

import { FabricError } from '../util/fabric-error.js';
import { silentLogger } from '../util/logger.js';
import type { Logger } from '../util/logger.js';
import { MARIADB_INSTALL_HINT, findMariadbd } from './find-mariadbd.js';
import type { MariadbBinaries } from './find-mariadbd.js';
import { installDb, waitUntilReady } from './local-mariadb-steps.js';
import { instancePaths, mariadbdArgs } from './mariadbd-args.js';
import type { InstancePaths, MariadbdArgsOptions } from './mariadbd-args.js';

/** How to start one local instance. */
export interface LocalMariadbOptions extends MariadbdArgsOptions {
  /** The instance's own directory (created): data/, socket, pid file, error.log. */
  readonly baseDir: string;
  readonly logger?: Logger;
  /** How long mariadbd may take to accept connections (default 30 s: the 2-core CI box is slow under load). */
  readonly startTimeoutMs?: number;
  /**
   * A data dir made by LocalMariadb.initTemplate: a fresh instance copies it
   * instead of running mariadb-install-db (most of a sandbox's start time,
   * once per server). Every instance's identity (server_id, port, fabric-ha's
   * uuid) comes from its flags or is created later, never from the data dir.
   */
  readonly templateDataDir?: string;
}

const DEFAULT_START_TIMEOUT_MS = 30_000;

/**
 * A throwaway MariaDB server on 127.0.0.1 for the sandbox and the tests
 * (never a production tool). The data dir is initialised once by
 * mariadb-install-db; root@127.0.0.1 has an empty password. The child is
 * unref'd so a forgotten instance cannot keep Node alive; whoever starts
 * instances must stop them (test/mysql/fleet.ts also SIGKILLs leftovers on exit).
 */
export class LocalMariadb {
  readonly port: number;
  readonly #paths: InstancePaths;
  readonly #bins: MariadbBinaries;
  readonly #opts: LocalMariadbOptions;
  readonly #log: Logger;
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();

  private constructor(opts: LocalMariadbOptions, bins: MariadbBinaries) {
    this.port = opts.port;
    this.#opts = opts;
    this.#bins = bins;
    this.#paths = instancePaths(opts.baseDir);
    this.#log = (opts.logger ?? silentLogger()).child({
      component: 'local-mariadb',
      port: opts.port,
    });
  }

  /** Initialises the data dir if it does not exist yet, starts mariadbd and waits until it answers. */
  static async start(opts: LocalMariadbOptions): Promise<LocalMariadb> {
    const bins = findMariadbd();
    if (bins === undefined) {
      throw new FabricError(
        'CONFIG_INVALID',
        `cannot start a local MariaDB: mariadbd or mariadb-install-db is not on PATH nor in /usr/sbin, /usr/bin; ${MARIADB_INSTALL_HINT}`,
      );
    }
    const server = new LocalMariadb(opts, bins);
    await mkdir(server.#paths.tmpDir, { recursive: true });
    if (!existsSync(server.#paths.dataDir)) {
      if (opts.templateDataDir === undefined) await installDb(bins.installDb, server.#paths);
      else await cp(opts.templateDataDir, server.#paths.dataDir, { recursive: true });
    }
    await server.#launch(opts.readOnly === true);
    return server;
  }

  /**
   * Runs mariadb-install-db once into `<baseDir>/data` and returns that
   * dir, to pass as templateDataDir to every instance of a fleet.
   */
  static async initTemplate(baseDir: string): Promise<string> {
    const bins = findMariadbd();
    if (bins === undefined) {
      throw new FabricError(
        'CONFIG_INVALID',
        `cannot prepare a local MariaDB: mariadbd or mariadb-install-db is not on PATH nor in /usr/sbin, /usr/bin; ${MARIADB_INSTALL_HINT}`,
      );
    }
    const paths = instancePaths(baseDir);
    await mkdir(paths.tmpDir, { recursive: true });
    if (!existsSync(paths.dataDir)) await installDb(bins.installDb, paths);
    return paths.dataDir;
  }

  /** "127.0.0.1:<port>", the address fabric-ha knows the server by. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** The running mariadbd's pid; undefined while stopped. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  get running(): boolean {
    return this.#child !== undefined;
  }

  get baseDir(): string {
    return this.#paths.baseDir;
  }

  get dataDir(): string {
    return this.#paths.dataDir;
  }

  get errorLog(): string {
    return this.#paths.errorLog;
  }

  /** Graceful shutdown (SIGTERM: mariadbd flushes and exits); resolves when the process is gone. */
  async stop(): Promise<void> {
    await this.#signal('SIGTERM');
  }

  /** A crash: SIGKILL, so InnoDB recovers on the next start. */
  async kill9(): Promise<void> {
    await this.#signal('SIGKILL');
  }

  /** Stops (if running) and starts again on the same data dir and port. */
  async restart(opts: { readOnly?: boolean } = {}): Promise<void> {
    await this.stop();
    await this.#launch(opts.readOnly ?? this.#opts.readOnly === true);
  }

  /**
   * Kills the process and removes the instance's directory. SIGKILL, not
   * SIGTERM: the data is deleted next, so a clean shutdown (up to ~2 s with
   * replicas attached) would buy nothing.
   */
  async destroy(): Promise<void> {
    await this.kill9();
    await rm(this.#paths.baseDir, { recursive: true, force: true });
  }

  async #launch(readOnly: boolean): Promise<void> {
    const args = mariadbdArgs(this.#paths, { ...this.#opts, readOnly });
    // A file, not a pipe: a pipe would keep Node alive after unref().
    const out = openSync(this.#paths.outputLog, 'a');
    const child = spawn(this.#bins.mariadbd, args, { stdio: ['ignore', out, out] });
    closeSync(out);
    child.unref();
    this.#child = child;
    let exitCode: number | string | null | undefined;
    this.#exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        exitCode = code ?? signal;
        if (this.#child === child) this.#child = undefined;
        resolve();
      });
      child.once('error', (e) => {
        exitCode = e.message;
        if (this.#child === child) this.#child = undefined;
        resolve();
      });
    });
    this.#log.debug({ pid: child.pid, readOnly }, 'mariadbd started');
    await waitUntilReady({
      port: this.port,
      dataDir: this.#paths.dataDir,
      logs: [this.#paths.outputLog, this.#paths.errorLog],
      timeoutMs: this.#opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
      exited: () => (this.#child === child ? undefined : String(exitCode)),
    }).catch(async (e: unknown) => {
      await this.kill9();
      throw e;
    });
  }

  async #signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child;
    if (child === undefined) return;
    // Referenced while we wait: the exit event is what the caller awaits.
    child.ref();
    child.kill(signal);
    await this.#exited;
    this.#log.debug({ signal }, 'mariadbd exited');
  }
}
