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
 */
export { LogStore } from './log-store.js';
export type { PersistInput, StoreStats } from './log-store.js';
export type { NodeIdentity, OpenOptions } from './open-options.js';
