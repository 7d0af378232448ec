import { FabricError } from '../util/fabric-error.js';
import type { Scheduler, Timer } from './scheduler.js';

interface Waiter<T> {
  readonly resolve: (v: T) => void;
  readonly reject: (e: Error) => void;
  readonly timer: Timer;
}

/**
 * Promises keyed by a log index or a read context, each with a deadline.
 * A deadline that passes means "outcome unknown": the command may still
 * commit, which is why retries carry request ids.
 */
export class Waiters<K, T> {
  readonly #map = new Map<K, Waiter<T>>();
  readonly #scheduler: Scheduler;

  constructor(scheduler: Scheduler) {
    this.#scheduler = scheduler;
  }

  wait(key: K, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = this.#scheduler.after(timeoutMs, () => {
        this.#map.delete(key);
        reject(
          new FabricError(
            'DEADLINE_EXCEEDED',
            `${what} did not complete within ${timeoutMs} ms; its outcome is unknown, retry with the same request id`,
          ),
        );
      });
      this.#map.set(key, { resolve, reject, timer });
    });
  }

  /** The keys still waiting. */
  keys(): K[] {
    return [...this.#map.keys()];
  }

  has(key: K): boolean {
    return this.#map.has(key);
  }

  resolve(key: K, value: T): void {
    const w = this.#map.get(key);
    if (w === undefined) return;
    this.#map.delete(key);
    w.timer.cancel();
    w.resolve(value);
  }

  reject(key: K, err: Error): void {
    const w = this.#map.get(key);
    if (w === undefined) return;
    this.#map.delete(key);
    w.timer.cancel();
    w.reject(err);
  }

  /** Rejects every waiter whose key matches. */
  rejectWhere(pred: (key: K) => boolean, err: Error): void {
    for (const key of [...this.#map.keys()]) if (pred(key)) this.reject(key, err);
  }

  rejectAll(err: Error): void {
    this.rejectWhere(() => true, err);
  }
}
