/**
 * The simulator's only scheduler: a binary heap ordered by (tick, sequence).
 * Ties break by insertion order, so one seed always replays identically.
 */
export class EventQueue<T> {
  #heap: { tick: number; seq: number; item: T }[] = [];
  #seq = 0;

  push(tick: number, item: T): void {
    const h = this.#heap;
    h.push({ tick, seq: this.#seq++, item });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.#less(i, p)) break;
      this.#swap(i, p);
      i = p;
    }
  }

  /** Removes and returns the earliest item due at or before `tick`. */
  popDue(tick: number): T | undefined {
    const h = this.#heap;
    const top = h[0];
    if (top === undefined || top.tick > tick) return undefined;
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.#less(l, m)) m = l;
        if (r < h.length && this.#less(r, m)) m = r;
        if (m === i) break;
        this.#swap(i, m);
        i = m;
      }
    }
    return top.item;
  }

  #less(a: number, b: number): boolean {
    const x = this.#heap[a];
    const y = this.#heap[b];
    if (x === undefined || y === undefined) return false;
    return x.tick < y.tick || (x.tick === y.tick && x.seq < y.seq);
  }

  #swap(a: number, b: number): void {
    const h = this.#heap;
    const t = h[a];
    h[a] = h[b] as (typeof h)[number];
    h[b] = t as (typeof h)[number];
  }
}
