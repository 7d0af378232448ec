import type { Entry, HardState, InitialState, Ready, Snapshot } from '../../src/raft/index.js';

/**
 * A node's durable storage in the simulator: what survives a crash. A Ready
 * is written here only when its simulated disk write completes; a crash
 * before that loses it, exactly as an unsynced write would be lost.
 */
export class SimDisk {
  hardState: HardState;
  snapshot: Snapshot | undefined;
  /** Entries after `base` (the last compaction point). */
  entries: Entry[];
  base: number;
  /** The states before the last few writes, newest last (for lossy crashes). */
  readonly #history: { hardState: HardState; entries: Entry[] }[] = [];

  constructor(init: InitialState) {
    this.hardState = init.hardState;
    this.snapshot = init.snapshot;
    this.entries = [...init.entries];
    this.base = init.snapshot?.metadata.index ?? 0;
  }

  lastIndex(): number {
    return this.base + this.entries.length;
  }

  /** Applies step 1 of the Ready contract atomically. */
  write(rd: Ready): void {
    this.#remember(rd.snapshot === undefined);
    if (rd.snapshot !== undefined) {
      this.snapshot = rd.snapshot;
      this.base = rd.snapshot.metadata.index;
      this.entries = [];
    }
    const first = rd.entries[0];
    if (first !== undefined) {
      if (first.index <= this.base)
        throw new Error(`disk: write at ${first.index} below base ${this.base}`);
      this.entries.length = Math.min(this.entries.length, first.index - this.base - 1);
      if (this.lastIndex() !== first.index - 1) throw new Error(`disk: gap before ${first.index}`);
      this.entries.push(...rd.entries);
    }
    if (rd.hardState !== undefined) this.hardState = rd.hardState;
  }

  /**
   * Loses up to `writes` of the last synced writes, as a damaged disk does
   * (never across a snapshot or compaction, to keep the model simple).
   * Returns how many were lost.
   */
  loseLastWrites(writes: number): number {
    let lost = 0;
    while (lost < writes) {
      const prev = this.#history.pop();
      if (prev === undefined) break;
      this.hardState = prev.hardState;
      this.entries = prev.entries;
      lost++;
    }
    this.#history.length = 0;
    return lost;
  }

  #remember(rollbackable: boolean): void {
    if (!rollbackable) {
      this.#history.length = 0;
      return;
    }
    this.#history.push({ hardState: this.hardState, entries: [...this.entries] });
    if (this.#history.length > 3) this.#history.shift();
  }

  /** Stores a snapshot taken by the application and drops entries up to `compactTo`. */
  saveSnapshot(s: Snapshot, compactTo: number): void {
    this.#history.length = 0;
    this.snapshot = s;
    if (compactTo > this.base) {
      this.entries = this.entries.slice(compactTo - this.base);
      this.base = compactTo;
    }
  }

  /** What a restarting node loads: the snapshot and the entries after it. */
  load(): InitialState {
    const snapIndex = this.snapshot?.metadata.index ?? 0;
    const entries = this.entries.filter((e) => e.index > snapIndex);
    return { hardState: this.hardState, snapshot: this.snapshot, entries };
  }
}
