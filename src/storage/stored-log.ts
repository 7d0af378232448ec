import { InvariantViolation } from '../raft/index.js';

/**
 * What the store remembers about the entries on disk, without the entries
 * themselves (the Raft core holds those): the stored index range and each
 * record's size, so a write knows which keys are stale and stats() can
 * report bytes.
 *
 * Invariant: the stored entries are exactly first..last (none when
 * last === first - 1), and sizes[i] is the record size of entry first + i.
 * It changes only after a batch that made the same change on disk resolved.
 */
export class StoredLog {
  #first: number;
  #sizes: number[];
  #bytes: number;

  constructor(first: number, sizes: number[]) {
    this.#first = first;
    this.#sizes = sizes;
    this.#bytes = sizes.reduce((a, b) => a + b, 0);
  }

  get first(): number {
    return this.#first;
  }

  get last(): number {
    return this.#first + this.#sizes.length - 1;
  }

  get count(): number {
    return this.#sizes.length;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Replaces entries from `index` on with entries of the given sizes. */
  writeFrom(index: number, sizes: readonly number[]): void {
    if (this.#sizes.length === 0) this.#first = index;
    const keep = index - this.#first;
    if (keep < 0 || keep > this.#sizes.length) {
      throw new InvariantViolation(
        `storage: cannot write entry ${index} into a log holding ${this.#first}..${this.last}`,
      );
    }
    for (const s of this.#sizes.splice(keep)) this.#bytes -= s;
    for (const s of sizes) {
      this.#sizes.push(s);
      this.#bytes += s;
    }
  }

  /** Forgets entries up to and including `index` (log compaction). */
  dropThrough(index: number): void {
    if (index < this.#first) return;
    const n = Math.min(index - this.#first + 1, this.#sizes.length);
    for (const s of this.#sizes.splice(0, n)) this.#bytes -= s;
    this.#first = index + 1;
  }

  /** Forgets every entry; the next one stored will be `index + 1` (a snapshot from the leader). */
  resetAfter(index: number): void {
    this.#first = index + 1;
    this.#sizes = [];
    this.#bytes = 0;
  }
}
