import type { DurableLog } from '../../src/node/durable-log.js';
import type { Entry, InitialState, Ready, Snapshot } from '../../src/raft/index.js';
import type { Checker } from './checker.js';
import { SafetyViolation } from './checker.js';
import { SimDisk } from './sim-disk.js';
import type { SimScheduler } from './sim-scheduler.js';

/**
 * A node's durable log in the simulator: its SimDisk, plus the prefix hashes
 * of every persisted entry the checker uses for Log Matching. It outlives
 * the node's incarnations; each binds it to the driver through port().
 */
export class SimLog {
  readonly disk: SimDisk;
  readonly #id: string;
  readonly #checker: Checker;
  /** Prefix hashes of the durable log: hashes[i] covers disk.base + 1 + i. */
  #hashes: number[] = [];
  #baseHash = 0;
  /** Snapshots the application took and saved here. */
  snapshots = 0;

  constructor(id: string, init: InitialState, checker: Checker) {
    this.#id = id;
    this.#checker = checker;
    this.disk = new SimDisk(init);
    this.#record(init.entries);
  }

  /**
   * The driver's port for one incarnation: a write completes `delay()` ticks
   * later, unless the incarnation crashed first (then it never happened,
   * exactly as an unsynced write is lost).
   */
  port(sched: SimScheduler, delay: () => number): DurableLog {
    return {
      persist: (rd, done) => {
        sched.afterTicks(delay(), () => {
          this.#write(rd);
          done();
        });
      },
      saveSnapshot: (snap, compactTo, done) => {
        this.#saveSnapshot(snap, compactTo);
        done();
      },
      close: () => Promise.resolve(),
    };
  }

  /** A damaged disk: loses up to `writes` synced writes; returns how many it lost. */
  loseLastWrites(writes: number): number {
    const lost = this.disk.loseLastWrites(writes);
    if (lost > 0) {
      // The durable log changed under the prefix hashes: recompute them.
      this.#hashes = [];
      this.#record(this.disk.entries);
    }
    return lost;
  }

  #write(rd: Ready): void {
    if (rd.snapshot !== undefined) {
      const m = rd.snapshot.metadata;
      const h = this.#checker.prefixHash(m.index, m.term);
      if (h === undefined)
        throw new SafetyViolation(
          `${this.#id} installed a snapshot at ${m.index}:${m.term} that no node ever persisted`,
        );
      this.#baseHash = h;
      this.#hashes = [];
    }
    const first = rd.entries[0];
    this.disk.write(rd);
    if (first !== undefined) {
      this.#hashes.length = first.index - this.disk.base - 1;
      this.#record(rd.entries);
    }
    const hs = this.disk.hardState;
    this.#checker.onDurableState(this.#id, hs.term, hs.commit);
  }

  #record(entries: readonly Entry[]): void {
    let h = this.#hashes.at(-1) ?? this.#baseHash;
    for (const e of entries) {
      h = this.#checker.onPersist(this.#id, h, [e]);
      this.#hashes.push(h);
    }
  }

  #saveSnapshot(snap: Snapshot, compactTo: number): void {
    this.snapshots++;
    const base = this.disk.base;
    if (compactTo > base) {
      this.#baseHash = this.#hashes[compactTo - base - 1] ?? this.#baseHash;
      this.#hashes = this.#hashes.slice(compactTo - base);
    }
    this.disk.saveSnapshot(snap, compactTo);
  }
}
