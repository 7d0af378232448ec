import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

import { createConnection } from 'mysql2/promise';

import { FabricError } from '../util/fabric-error.js';
import { installDbArgs } from './mariadbd-args.js';
import type { InstancePaths } from './mariadbd-args.js';

const execFileAsync = promisify(execFile);

/** mariadbd answers 120-140 ms after start here; 25 ms polls add little on top. */
const READY_POLL_MS = 25;
const LOG_TAIL_LINES = 15;

/**
 * Runs mariadb-install-db into paths.dataDir (~0.5 s). On failure the
 * half-made data dir is removed so the next start tries again.
 */
export async function installDb(binary: string, paths: InstancePaths): Promise<void> {
  try {
    const { stdout, stderr } = await execFileAsync(binary, installDbArgs(paths), {
      maxBuffer: 16 * 1024 * 1024,
    });
    await writeFile(paths.installLog, stdout + stderr);
  } catch (e) {
    const out = e as { stdout?: string; stderr?: string; message?: string };
    await writeFile(paths.installLog, `${out.stdout ?? ''}${out.stderr ?? ''}`).catch(
      () => undefined,
    );
    await rm(paths.dataDir, { recursive: true, force: true });
    throw new FabricError(
      'SERVER_UNREACHABLE',
      `mariadb-install-db failed for ${paths.dataDir}: ${tail(out.stderr ?? out.message ?? '')}`,
      { dataDir: paths.dataDir },
      { cause: e },
    );
  }
}

export interface ReadyWait {
  readonly port: number;
  /** Ours answers with this @@datadir; another server that grabbed the port does not. */
  readonly dataDir: string;
  /** Files whose ends explain a failed start (mariadbd's output, then its error log). */
  readonly logs: readonly string[];
  readonly timeoutMs: number;
  /** Why the process is gone (exit code or signal), or undefined while it runs. */
  readonly exited: () => string | undefined;
}

/**
 * Polls until root@127.0.0.1 (empty password) reaches this instance (its
 * @@datadir: a parallel test's server may hold a port we thought free, and
 * ours then exits with "Address already in use"). Fails fast
 * when mariadbd exits (bad flag, port in use), quoting its error log.
 */
export async function waitUntilReady(w: ReadyWait): Promise<void> {
  const deadline = Date.now() + w.timeoutMs;
  for (;;) {
    const gone = w.exited();
    if (gone !== undefined) {
      throw await startFailure(w, `mariadbd exited (${gone}) before accepting connections`);
    }
    if (await answers(w.port, w.dataDir)) return;
    if (Date.now() > deadline) {
      throw await startFailure(w, `mariadbd did not accept connections within ${w.timeoutMs} ms`);
    }
    await sleep(READY_POLL_MS);
  }
}

async function answers(port: number, dataDir: string): Promise<boolean> {
  try {
    const conn = await createConnection({
      host: '127.0.0.1',
      port,
      user: 'root',
      password: '',
      connectTimeout: 1000,
    });
    try {
      const [rows] = await conn.query('SELECT @@datadir AS d');
      const d = (rows as { d?: string }[])[0]?.d ?? '';
      return resolve(d) === resolve(dataDir);
    } finally {
      conn.destroy();
    }
  } catch {
    return false;
  }
}

async function startFailure(w: ReadyWait, what: string): Promise<FabricError> {
  const ends: string[] = [];
  for (const path of w.logs) {
    const text = await readFile(path, 'utf8').catch(() => '');
    if (text.trim() !== '') ends.push(`end of ${path}:\n${tail(text)}`);
  }
  return new FabricError(
    'SERVER_UNREACHABLE',
    `local MariaDB on port ${w.port}: ${what}; ${ends.length > 0 ? ends.join('\n') : 'it logged nothing'}`,
    { port: w.port },
  );
}

function tail(text: string): string {
  return text.trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n');
}
