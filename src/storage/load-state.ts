import type { Entry, HardState, InitialState, Snapshot } from '../raft/index.js';
import { decodeEntry } from './entry-codec.js';
import { decodeHardState } from './hard-state-codec.js';
import {
  ENTRY_KEYS,
  HARD_STATE_KEY,
  SNAPSHOT_META_KEY,
  describeKey,
  indexOfEntryKey,
} from './keys.js';
import type { KvStore } from './kv-store.js';
import { RecordProblem } from './record-problem.js';
import type { SnapshotDir } from './snapshot-dir.js';
import { snapshotFileName } from './snapshot-file.js';
import { decodeSnapshotMetadata } from './snapshot-meta-codec.js';
import { corruptError, decodeOrCorrupt } from './storage-errors.js';
import { StoredLog } from './stored-log.js';

export interface LoadedState {
  readonly initialState: InitialState;
  readonly log: StoredLog;
  /** The current snapshot file's name, if there is a snapshot. */
  readonly snapshotFile: string | undefined;
}

/**
 * Reads and verifies everything a restarting node needs. Every record's
 * checksum is checked, and so is the log's shape: contiguous indexes that
 * continue the snapshot, terms that never decrease, a commit index inside
 * the log. Anything wrong throws DATA_DIR_CORRUPT; nothing is truncated,
 * because a silently shortened log could forget a vote or an entry this
 * node already acknowledged to the cluster.
 */
export async function loadState(
  kv: KvStore,
  snapshots: SnapshotDir,
  dataDir: string,
): Promise<LoadedState> {
  const hardState = await loadHardState(kv, dataDir);
  const snapshot = await loadSnapshot(kv, snapshots, dataDir);
  const { entries, log } = await loadEntries(kv, snapshot, dataDir);
  const lastIndex = Math.max(log.last, snapshot?.metadata.index ?? 0);
  if (hardState.commit > lastIndex) {
    throw corruptError(
      dataDir,
      'hard state',
      `commit index ${hardState.commit} is past the last log index ${lastIndex}`,
      { index: hardState.commit },
    );
  }
  const lastTerm = entries.at(-1)?.term ?? snapshot?.metadata.term ?? 0;
  if (hardState.term < lastTerm) {
    // A node's term is never below a term in its log: the hard state is
    // older than the entries, so a vote it cast may be forgotten.
    throw corruptError(
      dataDir,
      'hard state',
      `term ${hardState.term} is older than the term ${lastTerm} of the last log entry ${lastIndex}`,
      { index: lastIndex },
    );
  }
  return {
    initialState: { hardState, snapshot, entries },
    log,
    snapshotFile: snapshot === undefined ? undefined : snapshotFileName(snapshot.metadata),
  };
}

async function loadHardState(kv: KvStore, dataDir: string): Promise<HardState> {
  const record = await kv.get(HARD_STATE_KEY);
  if (record === undefined) throw corruptError(dataDir, 'hard state', 'the record is missing');
  return decodeOrCorrupt(() => decodeHardState(record), dataDir, 'hard state');
}

async function loadSnapshot(
  kv: KvStore,
  snapshots: SnapshotDir,
  dataDir: string,
): Promise<Snapshot | undefined> {
  const record = await kv.get(SNAPSHOT_META_KEY);
  if (record === undefined) return undefined;
  const meta = decodeOrCorrupt(() => decodeSnapshotMetadata(record), dataDir, 'snapshot metadata');
  const where = `snapshot file ${snapshots.path}/${snapshotFileName(meta)}`;
  try {
    return await snapshots.read(meta);
  } catch (e) {
    if (!(e instanceof RecordProblem)) throw e;
    throw corruptError(dataDir, where, e.message, { index: meta.index }, e);
  }
}

/** Walks the stored log in index order, checking each record and its neighbours. */
async function loadEntries(
  kv: KvStore,
  snapshot: Snapshot | undefined,
  dataDir: string,
): Promise<{ entries: Entry[]; log: StoredLog }> {
  const snapIndex = snapshot?.metadata.index ?? 0;
  const snapTerm = snapshot?.metadata.term ?? 0;
  const entries: Entry[] = [];
  const sizes: number[] = [];
  let first = snapIndex + 1;
  let prev: Entry | undefined;
  for await (const [key, value] of kv.range(ENTRY_KEYS)) {
    const index = indexOfEntryKey(key);
    if (index === undefined) {
      throw corruptError(dataDir, `key ${describeKey(key)}`, 'not a well-formed log entry key');
    }
    const where = `log entry ${index}`;
    const e = decodeOrCorrupt(() => decodeEntry(value), dataDir, where, index);
    const problem = shapeProblem(e, index, prev, snapIndex, snapTerm);
    if (problem !== undefined) throw corruptError(dataDir, where, problem, { index });
    if (prev === undefined) first = index;
    if (index > snapIndex) entries.push(e);
    sizes.push(value.byteLength);
    prev = e;
  }
  if (prev !== undefined && prev.index < snapIndex) {
    throw corruptError(
      dataDir,
      `log entry ${prev.index + 1}`,
      `missing: the log ends at ${prev.index}, before the snapshot at ${snapIndex}`,
      { index: prev.index + 1 },
    );
  }
  return { entries, log: new StoredLog(first, sizes) };
}

/** What is wrong with entry `e` (stored under `index`) given its predecessor, if anything. */
function shapeProblem(
  e: Entry,
  index: number,
  prev: Entry | undefined,
  snapIndex: number,
  snapTerm: number,
): string | undefined {
  if (e.index !== index) return `the record under this key is entry ${e.index}`;
  if (prev === undefined && index > snapIndex + 1) {
    return `gap: the snapshot ends at ${snapIndex} and the log resumes at ${index}`;
  }
  if (prev !== undefined && index !== prev.index + 1) {
    return `gap: the log jumps from entry ${prev.index} to ${index}`;
  }
  if (prev !== undefined && e.term < prev.term) {
    return `term ${e.term} is lower than entry ${prev.index}'s term ${prev.term}`;
  }
  if (index === snapIndex && e.term !== snapTerm) {
    return `term ${e.term} differs from the snapshot's term ${snapTerm} at the same index`;
  }
  if (index === snapIndex + 1 && e.term < snapTerm) {
    return `term ${e.term} is lower than the snapshot's term ${snapTerm}`;
  }
  return undefined;
}
