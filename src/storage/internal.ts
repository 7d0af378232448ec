// The wider surface for tests and sibling layers: codecs, key layout, seams.
export { LogStore } from './log-store.js';
export type { PersistInput, StoreStats } from './log-store.js';
export type { NodeIdentity, OpenOptions } from './open-options.js';
export type { StorageHooks } from './open-options.js';
export type { KvOp, KvStore, KeyRange } from './kv-store.js';
export { ENTRY_FORMAT_VERSION, decodeEntry, encodeEntry, encodedEntrySize } from './entry-codec.js';
export { decodeHardState, encodeHardState } from './hard-state-codec.js';
export { decodeSnapshotMetadata, encodeSnapshotMetadata } from './snapshot-meta-codec.js';
export { STORAGE_FORMAT_VERSION, decodeIdentity, encodeIdentity } from './identity-codec.js';
export type { StoredIdentity } from './identity-codec.js';
export { decodeSnapshotFile, encodeSnapshotFile, snapshotFileName } from './snapshot-file.js';
export {
  ENTRY_KEYS,
  HARD_STATE_KEY,
  IDENTITY_KEY,
  SNAPSHOT_META_KEY,
  entryKey,
  indexOfEntryKey,
} from './keys.js';
export { MARKER_FILE } from './data-dir.js';
export { SNAPSHOTS_DIR } from './snapshot-dir.js';
export { RESTORE_ADVICE, restoreAdvice } from './storage-errors.js';
export { RecordProblem } from './record-problem.js';
export { crc32c } from './crc32c.js';
