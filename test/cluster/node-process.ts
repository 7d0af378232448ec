import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FABRIC_BIN = fileURLToPath(new URL('../../bin/fabric.js', import.meta.url));

/** A real `fabric node start` process, its log in `<dir>/<id>.log`. */
export class NodeProcess {
  readonly id: string;
  readonly address: string;
  readonly configFile: string;
  #proc: ChildProcess | undefined;
  #exit: Promise<number | null> | undefined;

  readonly #env: Readonly<Record<string, string>>;

  constructor(
    id: string,
    address: string,
    configFile: string,
    env: Readonly<Record<string, string>> = {},
  ) {
    this.id = id;
    this.address = address;
    this.configFile = configFile;
    this.#env = env;
  }

  get running(): boolean {
    return (
      this.#proc !== undefined && this.#proc.exitCode === null && this.#proc.signalCode === null
    );
  }

  get pid(): number | undefined {
    return this.#proc?.pid;
  }

  start(extraArgs: readonly string[] = []): void {
    const log = createWriteStream(path.join(path.dirname(this.configFile), `${this.id}.log`), {
      flags: 'a',
    });
    const proc = spawn(
      process.execPath,
      [FABRIC_BIN, 'node', 'start', '--config', this.configFile, ...extraArgs],
      {
        cwd: path.dirname(this.configFile),
        env: { ...process.env, ...this.#env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    proc.stdout.pipe(log);
    proc.stderr.pipe(log);
    this.#exit = new Promise((resolve) => {
      proc.once('exit', (code) => {
        resolve(code);
      });
    });
    this.#proc = proc;
  }

  /** kill -9: no chance to flush or close anything. */
  async kill9(): Promise<void> {
    if (!this.running) return;
    this.#proc?.kill('SIGKILL');
    await this.#exit;
  }

  /** SIGTERM and wait for a clean exit; returns the exit code. */
  async terminate(): Promise<number | null> {
    if (!this.running) return this.#proc?.exitCode ?? null;
    this.#proc?.kill('SIGTERM');
    return (await this.#exit) ?? null;
  }

  exited(): Promise<number | null> {
    return this.#exit ?? Promise.resolve(null);
  }
}
