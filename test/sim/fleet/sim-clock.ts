/**
 * The time a simulated MariaDB fleet runs on: the simulator's virtual clock.
 * `sleep` resolves when the simulator's time reaches it, so every await in a
 * fleet call is an interleaving point the seed controls.
 */
export interface SimClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** A one-shot timer on a SimClock, as Scheduler.after offers it. */
export function simAfter(clock: SimClock, ms: number, fn: () => void): { cancel(): void } {
  let live = true;
  void clock.sleep(ms).then(() => {
    if (live) fn();
  });
  return {
    cancel: () => {
      live = false;
    },
  };
}

/** A clock driven by hand, for the fleet's own tests: advance() runs what fell due. */
export class ManualClock implements SimClock {
  #now = 0;
  #timers: { at: number; seq: number; resolve: () => void }[] = [];
  #seq = 0;

  now(): number {
    return this.#now;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.#timers.push({ at: this.#now + Math.max(0, ms), seq: this.#seq++, resolve });
    });
  }

  /** Moves time forward by `ms`, waking sleepers in order, letting each one's continuation run. */
  async advance(ms: number): Promise<void> {
    const end = this.#now + ms;
    for (;;) {
      this.#timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.#timers[0];
      if (next === undefined || next.at > end) break;
      this.#timers.shift();
      this.#now = next.at;
      next.resolve();
      await drainMicrotasks();
    }
    this.#now = end;
  }
}

/** Lets every pending promise continuation run (a few macrotask-free turns). */
export async function drainMicrotasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
