/** A pending timer; cancelling one that already fired is harmless. */
export interface Timer {
  cancel(): void;
}

/**
 * The driver's time port: wall time in ms, one-shot and repeating timers,
 * and "soon" (after the current event). Production binds Node's timers
 * (realScheduler); the simulator binds its event queue, so one seed always
 * fires the same callbacks in the same order.
 */
export interface Scheduler {
  now(): number;
  after(ms: number, fn: () => void): Timer;
  every(ms: number, fn: () => void): Timer;
  soon(fn: () => void): void;
}

/** Node's timers. Deadlines never keep the process alive on their own (unref). */
export const realScheduler: Scheduler = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return {
      cancel: () => {
        clearTimeout(t);
      },
    };
  },
  every: (ms, fn) => {
    const t = setInterval(fn, ms);
    return {
      cancel: () => {
        clearInterval(t);
      },
    };
  },
  soon: (fn) => {
    setImmediate(fn);
  },
};
