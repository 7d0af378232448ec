/**
 * Capped exponential backoff with jitter for reconnecting to a peer.
 *
 * The n-th consecutive failure waits a random time in [d/2, d] with
 * d = min(max, initial * 2^n) ("equal jitter"): the spread keeps nodes that
 * lost the same peer from redialing in lockstep, and the lower half-bound
 * keeps a flapping peer from being hammered at near-zero intervals.
 */
export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  /** A number in [0, 1); injectable so tests are deterministic. */
  readonly random: () => number;
}

export class Backoff {
  readonly #opts: BackoffOptions;
  /** Consecutive failures since the last reset(). */
  #failures = 0;

  constructor(opts: BackoffOptions) {
    if (!(opts.initialMs > 0 && opts.maxMs >= opts.initialMs)) {
      throw new RangeError(
        `backoff: need 0 < initialMs <= maxMs, got ${opts.initialMs}, ${opts.maxMs}`,
      );
    }
    this.#opts = opts;
  }

  get failures(): number {
    return this.#failures;
  }

  /** Records a failure and returns how long to wait before the next attempt, in ms. */
  next(): number {
    const { initialMs, maxMs, random } = this.#opts;
    // Stop doubling once at the cap, so the exponent never overflows.
    const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(this.#failures, 30));
    this.#failures++;
    const r = Math.min(Math.max(random(), 0), 1);
    return Math.round(ceiling / 2 + (r * ceiling) / 2);
  }

  /** The link proved healthy: the next failure starts from initialMs again. */
  reset(): void {
    this.#failures = 0;
  }
}
