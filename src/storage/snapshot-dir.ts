import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { Snapshot, SnapshotMetadata } from '../raft/index.js';
import { TMP_SUFFIX, fsyncDir, writeFileAtomic } from './atomic-write.js';
import { RecordProblem } from './record-problem.js';
import {
  decodeSnapshotFile,
  encodeSnapshotFile,
  isSnapshotFileName,
  snapshotFileName,
} from './snapshot-file.js';
import { errnoOf } from './storage-errors.js';

export const SNAPSHOTS_DIR = 'snapshots';

/**
 * `<dataDir>/snapshots`: one file per snapshot (snapshot-file.ts). The
 * LevelDB snapshot metadata key says which file is current; any other file
 * is either older (kept until the batch that superseded it resolved) or an
 * orphan of a crash before that batch, and removeAllBut() deletes it.
 */
export class SnapshotDir {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, SNAPSHOTS_DIR);
  }

  async ensure(): Promise<void> {
    const created = await mkdir(this.path, { recursive: true });
    if (created !== undefined) await fsyncDir(join(this.path, '..'));
  }

  /** Writes the snapshot's file atomically; returns its name. */
  async write(s: Snapshot): Promise<string> {
    const name = snapshotFileName(s.metadata);
    await writeFileAtomic(this.path, name, encodeSnapshotFile(s));
    return name;
  }

  /** Reads the file for `m`; throws RecordProblem when it is missing, torn or not `m`'s. */
  async read(m: SnapshotMetadata): Promise<Snapshot> {
    const name = snapshotFileName(m);
    let file: Buffer;
    try {
      file = await readFile(join(this.path, name));
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') throw new RecordProblem('the file is missing');
      throw e;
    }
    const s = decodeSnapshotFile(file);
    if (s.metadata.index !== m.index || s.metadata.term !== m.term) {
      throw new RecordProblem(
        `the file holds index ${s.metadata.index} term ${s.metadata.term}, not index ${m.index} term ${m.term}`,
      );
    }
    return s;
  }

  /**
   * Removes every snapshot file except `keep`, and every leftover *.tmp.
   * Returns the names removed. Call it only while holding the LevelDB lock:
   * a *.tmp may otherwise be another process's write in progress.
   */
  async removeAllBut(keep: string | undefined): Promise<string[]> {
    const removed: string[] = [];
    for (const name of await readdir(this.path)) {
      const stale = name.endsWith(TMP_SUFFIX) || (isSnapshotFileName(name) && name !== keep);
      if (!stale) continue;
      await rm(join(this.path, name), { force: true });
      removed.push(name);
    }
    if (removed.length > 0) await fsyncDir(this.path);
    return removed;
  }

  /** Whether any snapshot file is present (a fresh store must have none). */
  async hasAny(): Promise<boolean> {
    return (await readdir(this.path)).some(isSnapshotFileName);
  }
}
