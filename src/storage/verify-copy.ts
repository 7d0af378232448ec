import { copyFile, link, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { checkCleanClose, readCleanClose } from './clean-close.js';
import { checkIdentity } from './identity-check.js';
import { decodeIdentity } from './identity-codec.js';
import { isEmpty } from './initialize-store.js';
import { IDENTITY_KEY } from './keys.js';
import type { KvStore } from './kv-store.js';
import { openLevelKv } from './level-kv.js';
import { loadState } from './load-state.js';
import type { LoadedState } from './load-state.js';
import type { NodeIdentity } from './open-options.js';
import { checkSealed, readSeal } from './seal.js';
import type { Seal } from './seal-codec.js';
import type { SnapshotDir } from './snapshot-dir.js';
import { corruptError, decodeOrCorrupt } from './storage-errors.js';
import { tableProblem } from './table-check.js';

/** Where the copy is made: inside the data dir, so table files can be hard links. */
export const VERIFY_DIR = 'open-check';

export interface VerifiedState {
  readonly loaded: LoadedState;
  readonly seal: Seal;
}

/**
 * Checks a data dir before LevelDB opens it. Opening a LevelDB is not
 * read-only: its recovery replays the .log into a new table file and deletes
 * the log, dropping any torn or damaged record without an error. So the
 * checks run on a copy (table files hard-linked, they are immutable; the
 * rest copied) and the data dir itself is opened only once they passed:
 * identity (DATA_DIR_FOREIGN), LevelDB's own report of dropped records,
 * every record's checksum and the log's shape (load-state.ts), the seal
 * chain (seal.ts) and the clean-close record (clean-close.ts).
 *
 * Returns undefined for a dir LevelDB has not created yet, or one whose
 * identity was never written (a crash during initialisation, which
 * initialize-store.ts redoes after checking the dir is empty).
 */
export async function verifyCopy(
  dataDir: string,
  identity: NodeIdentity,
  snapshots: SnapshotDir,
): Promise<VerifiedState | undefined> {
  const names = await readdir(dataDir);
  if (!names.includes('CURRENT')) return undefined;
  const copy = join(dataDir, VERIFY_DIR);
  await rm(copy, { recursive: true, force: true });
  await mkdir(copy);
  try {
    await checkTables(dataDir, names);
    await copyLevelDb(dataDir, copy, names);
    const kv = await openLevelKv(copy, dataDir);
    try {
      return await verifyOpened(kv, dataDir, copy, identity, snapshots);
    } finally {
      await kv.close();
    }
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

async function verifyOpened(
  kv: KvStore,
  dataDir: string,
  copy: string,
  identity: NodeIdentity,
  snapshots: SnapshotDir,
): Promise<VerifiedState | undefined> {
  const record = await kv.get(IDENTITY_KEY);
  if (record !== undefined) {
    const stored = decodeOrCorrupt(() => decodeIdentity(record), dataDir, 'identity');
    checkIdentity(dataDir, stored, identity);
  }
  await checkNothingDropped(dataDir, copy);
  if (record === undefined) {
    if (!(await isEmpty(kv))) {
      throw corruptError(dataDir, 'identity', 'the record is missing but the log has records');
    }
    return undefined;
  }
  const loaded = await loadState(kv, snapshots, dataDir);
  const seal = await readSeal(kv, dataDir);
  const { hardState } = loaded.initialState;
  const lastIndex = Math.max(loaded.log.last, loaded.initialState.snapshot?.metadata.index ?? 0);
  checkSealed(dataDir, seal, lastIndex, hardState);
  const closed = await readCleanClose(dataDir);
  if (closed !== undefined) checkCleanClose(dataDir, closed, seal);
  return { loaded, seal };
}

/**
 * LevelDB 1.20 (classic-level) skips a record of its .log whose checksum or
 * framing is bad, logging "dropping N bytes" in its info LOG, and opens
 * anyway (paranoid_checks is off and classic-level cannot set it). A record
 * cut short at the very end of the file is the torn tail of a write that a
 * crash interrupted, and LevelDB drops that one silently: only the seal
 * chain and the clean-close record can tell whether it was acknowledged.
 */
async function checkNothingDropped(dataDir: string, copy: string): Promise<void> {
  const log = await readFile(join(copy, 'LOG'), 'utf8').catch(() => '');
  const dropped = /([^/\s]+): dropping (\d+) bytes; (.*)$/m.exec(log);
  if (dropped === null) return;
  const [, name = '?', bytes = '?', why = '?'] = dropped;
  throw corruptError(
    dataDir,
    `LevelDB log ${name}`,
    `LevelDB's recovery dropped ${bytes} bytes before the end of the file (${why}): acknowledged writes may be lost`,
  );
}

async function checkTables(dataDir: string, names: readonly string[]): Promise<void> {
  for (const name of names.filter((n) => TABLE.test(n))) {
    const problem = tableProblem(await readFile(join(dataDir, name)));
    if (problem !== undefined) throw corruptError(dataDir, `LevelDB table ${name}`, problem);
  }
}

const TABLE = /\.(ldb|sst)$/;
const COPIED = /^(CURRENT|MANIFEST-\d+|\d+\.log)$/;

async function copyLevelDb(from: string, to: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (TABLE.test(name)) {
      await link(join(from, name), join(to, name)).catch(() =>
        copyFile(join(from, name), join(to, name)),
      );
    } else if (COPIED.test(name)) {
      await copyFile(join(from, name), join(to, name));
    }
  }
}
