import type { Ready, Snapshot } from '../raft/index.js';

/**
 * The driver's durable log port. Completion comes back through a callback,
 * not a promise: the driver's Ready loop stays synchronous, so the seeded
 * simulator can finish a write at a chosen tick without a hidden microtask
 * scheduler in between (style.md §2.3). Production binds LevelDB
 * (raft-node.ts); the simulator binds a disk that loses unsynced writes.
 */
export interface DurableLog {
  /**
   * Step 1 of the Ready contract: makes the Ready's snapshot, entries and
   * hard state durable, then calls `done` (with the error if it could not).
   */
  persist(rd: Ready, done: (err?: Error) => void): void;
  /** Stores a snapshot taken by the application and drops log entries up to `compactTo`. */
  saveSnapshot(snap: Snapshot, compactTo: number, done: (err?: Error) => void): void;
  close(): Promise<void>;
}
