import { batchFieldSize } from './stream-frame.js';

/**
 * Encoded messages waiting for a peer's stream, bounded by count and bytes.
 *
 * When full, the caller drops the newest message, not the oldest. The
 * queue's front is what the receiver needs next: AppendEntries must arrive as
 * a contiguous run, so dropping an old one would make every newer queued
 * append a rejected gap, while dropping the newest leaves a prefix the
 * follower can still use. Anything newer the core regenerates itself once it
 * hears the peer is unreachable (it falls back to probing; elections and
 * heartbeats repeat on their own timers).
 */
export class OutboundQueue {
  readonly #maxBytes: number;
  readonly #maxCount: number;
  #items: Buffer[] = [];
  /** Index of the oldest item; items before it are taken (compacted lazily). */
  #head = 0;
  /** Sum of batchFieldSize over the items from #head on. */
  #bytes = 0;

  constructor(maxBytes: number, maxCount: number) {
    this.#maxBytes = maxBytes;
    this.#maxCount = maxCount;
  }

  get length(): number {
    return this.#items.length - this.#head;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Appends `m`, or returns false (and keeps nothing) when that would exceed a bound. */
  push(m: Buffer): boolean {
    const size = batchFieldSize(m);
    if (this.length >= this.#maxCount || this.#bytes + size > this.#maxBytes) return false;
    this.#items.push(m);
    this.#bytes += size;
    return true;
  }

  /** Takes messages from the front while their batch fields fit in `budget` bytes (at least one). */
  take(budget: number): Buffer[] {
    const out: Buffer[] = [];
    let used = 0;
    while (this.#head < this.#items.length) {
      const m = this.#items[this.#head] as Buffer;
      const size = batchFieldSize(m);
      if (out.length > 0 && used + size > budget) break;
      out.push(m);
      used += size;
      this.#bytes -= size;
      this.#head++;
    }
    if (this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return out;
  }

  clear(): void {
    this.#items = [];
    this.#head = 0;
    this.#bytes = 0;
  }
}
