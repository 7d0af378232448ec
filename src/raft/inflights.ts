/**
 * The window of AppendEntries in flight to one follower in replicate state,
 * bounded both by message count and by payload bytes (etcd's Inflights; the
 * byte bound keeps a burst of large entries from flooding a slow link).
 *
 * Invariant: indexes are strictly increasing from head to tail.
 */
export class Inflights {
  readonly maxCount: number;
  readonly maxBytes: number;
  #indexes: number[] = [];
  #sizes: number[] = [];
  #head = 0;
  #bytes = 0;

  constructor(maxCount: number, maxBytes: number) {
    this.maxCount = maxCount;
    this.maxBytes = maxBytes;
  }

  get count(): number {
    return this.#indexes.length - this.#head;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Records a message whose last entry is `index`. */
  add(index: number, bytes: number): void {
    this.#indexes.push(index);
    this.#sizes.push(bytes);
    this.#bytes += bytes;
  }

  /** Frees every message whose last index is <= `index` (they were acknowledged). */
  freeLE(index: number): void {
    while (this.#head < this.#indexes.length && (this.#indexes[this.#head] ?? Infinity) <= index) {
      this.#bytes -= this.#sizes[this.#head] ?? 0;
      this.#head++;
    }
    if (this.#head > 64 && this.#head * 2 > this.#indexes.length) {
      this.#indexes = this.#indexes.slice(this.#head);
      this.#sizes = this.#sizes.slice(this.#head);
      this.#head = 0;
    }
  }

  /** Frees the oldest message; used when a heartbeat shows the link alive but acks were lost. */
  freeFirstOne(): void {
    const first = this.#indexes[this.#head];
    if (first !== undefined) this.freeLE(first);
  }

  full(): boolean {
    return this.count >= this.maxCount || (this.maxBytes > 0 && this.#bytes >= this.maxBytes);
  }

  reset(): void {
    this.#indexes = [];
    this.#sizes = [];
    this.#head = 0;
    this.#bytes = 0;
  }
}
