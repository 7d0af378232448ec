import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { fsyncDir, writeFileAtomic } from './atomic-write.js';
import { frameWriter, openFrame, sealFrame } from './record-frame.js';
import type { Seal } from './seal-codec.js';
import { corruptError, decodeOrCorrupt, errnoOf } from './storage-errors.js';

/**
 * A file outside LevelDB, written (atomically, synced) when the store closes
 * and removed when it opens again, before any write: "the node stopped
 * cleanly after write batch `seq`, with its log ending at `lastIndex`".
 *
 * It is what tells a lost tail from a torn one. After a crash there is no
 * such file, and a missing last batch is the unacknowledged write the crash
 * interrupted (acknowledgements wait for the sync). After a clean stop every
 * batch was synced and may have been acknowledged, so the sealed batch must
 * be there: anything less is lost data, not a torn write.
 */
export const CLEAN_CLOSE_FILE = 'CLEAN-CLOSE';
const VERSION = 1;

export interface CleanClose {
  readonly seq: number;
  readonly lastIndex: number;
}

export async function writeCleanClose(dataDir: string, seal: Seal): Promise<void> {
  const w = frameWriter(VERSION, 16);
  const record = sealFrame(w.u64(seal.seq).u64(seal.lastIndex).finish());
  await writeFileAtomic(dataDir, CLEAN_CLOSE_FILE, [record]);
}

/** The record of the last clean close, if the node was closed cleanly. */
export async function readCleanClose(dataDir: string): Promise<CleanClose | undefined> {
  let record: Buffer;
  try {
    record = await readFile(join(dataDir, CLEAN_CLOSE_FILE));
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return undefined;
    throw e;
  }
  return decodeOrCorrupt(
    () => {
      const r = openFrame(record, 'clean close', VERSION);
      const seq = r.u64('seq');
      const lastIndex = r.u64('last index');
      r.end();
      return { seq, lastIndex };
    },
    dataDir,
    `file ${CLEAN_CLOSE_FILE}`,
  );
}

/** Removed (durably) before the first write after an open: from then on a crash is possible. */
export async function removeCleanClose(dataDir: string): Promise<void> {
  await rm(join(dataDir, CLEAN_CLOSE_FILE), { force: true });
  await fsyncDir(dataDir);
}

/** Throws DATA_DIR_CORRUPT if the last batch sealed before a clean close is missing. */
export function checkCleanClose(dataDir: string, closed: CleanClose, seal: Seal): void {
  if (closed.seq === seal.seq) return;
  throw corruptError(
    dataDir,
    `write batch ${closed.seq}`,
    closed.seq > seal.seq
      ? `lost: the node stopped cleanly after write batch ${closed.seq} (log ending at ${closed.lastIndex}), ` +
          `but LevelDB holds only up to batch ${seal.seq} (log ending at ${seal.lastIndex}); ` +
          'a synced, possibly acknowledged write is missing'
      : `the node stopped cleanly after write batch ${closed.seq}, but LevelDB holds batch ${seal.seq}: ` +
          `the data dir is not the one that was closed`,
    { index: Math.min(closed.lastIndex, seal.lastIndex) + 1 },
  );
}
