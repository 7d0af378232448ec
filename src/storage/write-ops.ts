import type { Entry, HardState, SnapshotMetadata } from '../raft/index.js';
import { encodeEntry } from './entry-codec.js';
import { encodeHardState } from './hard-state-codec.js';
import { HARD_STATE_KEY, SNAPSHOT_META_KEY, entryKey } from './keys.js';
import type { KvOp } from './kv-store.js';
import { encodeSnapshotMetadata } from './snapshot-meta-codec.js';

/** Adds a put per entry to `ops`; returns the record sizes, in order. */
export function putEntries(ops: KvOp[], entries: readonly Entry[]): number[] {
  const sizes: number[] = [];
  for (const e of entries) {
    const value = encodeEntry(e);
    ops.push({ type: 'put', key: entryKey(e.index), value });
    sizes.push(value.byteLength);
  }
  return sizes;
}

/**
 * Adds a delete for every entry key in from..to, except those in
 * keepFrom..keepTo (about to be overwritten in the same batch). LevelDB has
 * no range delete inside a batch, so this is one op per key.
 */
export function deleteEntries(
  ops: KvOp[],
  from: number,
  to: number,
  keepFrom = Infinity,
  keepTo = -Infinity,
): void {
  for (let i = from; i <= to; i++) {
    if (i < keepFrom || i > keepTo) ops.push({ type: 'del', key: entryKey(i) });
  }
}

export function putHardState(ops: KvOp[], hs: HardState): void {
  ops.push({ type: 'put', key: HARD_STATE_KEY, value: encodeHardState(hs) });
}

export function putSnapshotMetadata(ops: KvOp[], m: SnapshotMetadata): void {
  ops.push({ type: 'put', key: SNAPSHOT_META_KEY, value: encodeSnapshotMetadata(m) });
}
