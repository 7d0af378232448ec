/**
 * The durable storage of one fabric-ha node: its Raft log, hard state and
 * snapshots, in a data dir laid out as
 *
 *   <dataDir>/FABRIC-HA     marker: this is a fabric-ha data dir (data-dir.ts)
 *   <dataDir>/CURRENT, LOCK, MANIFEST-*, *.log, *.ldb
 *                           the LevelDB (key layout in keys.ts); its LOCK
 *                           keeps a second process out
 *   <dataDir>/snapshots/snap-<index, 20 digits>-<term>.bin
 *                           snapshot files (snapshot-file.ts)
 *   <dataDir>/CLEAN-CLOSE   present only while the node is stopped after a
 *                           clean close (clean-close.ts)
 *   <dataDir>/open-check/   a transient copy of the LevelDB, verified before
 *                           the dir itself is opened (verify-copy.ts)
 */
export { LogStore } from './log-store.js';
export type { PersistInput, StoreStats } from './log-store.js';
export type { NodeIdentity, OpenOptions } from './open-options.js';
