import type { Scheduler, Timer } from '../../src/node/scheduler.js';

/** Simulated milliseconds per tick: the ms deadlines of the driver become ticks. */
export const MS_PER_TICK = 10;

/** One queued callback. */
export interface SimTask {
  run(): void;
}

/** The simulator's clock and event queue, as one node incarnation sees them. */
export interface SimClock {
  /** The current tick. */
  now(): number;
  /** Runs `task` from the event queue at `tick` (ties in posting order). */
  post(tick: number, task: SimTask): void;
  /** Runs `task` after the event being handled, before the next one (setImmediate). */
  defer(task: SimTask): void;
}

/** A timer of one incarnation: it does nothing once cancelled or once its incarnation died. */
class SimTimer implements Timer, SimTask {
  #live = true;
  readonly #fn: () => void;
  readonly #owner: SimScheduler;

  constructor(fn: () => void, owner: SimScheduler) {
    this.#fn = fn;
    this.#owner = owner;
  }

  cancel(): void {
    this.#live = false;
  }

  run(): void {
    if (this.#live && this.#owner.alive) this.#fn();
  }
}

/**
 * The driver's scheduler port for one node incarnation, over the
 * simulator's event queue. The repeating timer is the simulator's tick (one
 * per step, whatever its period); a crash kills the incarnation, and every
 * callback it had pending is dropped, as a dead process's timers are.
 */
export class SimScheduler implements Scheduler {
  readonly #clock: SimClock;
  #alive = true;
  #ticker: (() => void) | undefined;

  constructor(clock: SimClock) {
    this.#clock = clock;
  }

  get alive(): boolean {
    return this.#alive;
  }

  kill(): void {
    this.#alive = false;
  }

  now(): number {
    return this.#clock.now() * MS_PER_TICK;
  }

  after(ms: number, fn: () => void): Timer {
    return this.afterTicks(Math.max(1, Math.ceil(ms / MS_PER_TICK)), fn);
  }

  /** Runs `fn` `ticks` from now (0: later in this tick) unless cancelled or dead by then. */
  afterTicks(ticks: number, fn: () => void): Timer {
    const t = new SimTimer(fn, this);
    this.#clock.post(this.#clock.now() + ticks, t);
    return t;
  }

  every(_ms: number, fn: () => void): Timer {
    this.#ticker = fn;
    return {
      cancel: () => {
        this.#ticker = undefined;
      },
    };
  }

  soon(fn: () => void): void {
    this.#clock.defer(new SimTimer(fn, this));
  }

  /** One simulator step: the driver's interval timer fires. */
  tick(): void {
    if (this.#alive) this.#ticker?.();
  }
}
