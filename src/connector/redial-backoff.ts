import type { Random } from './weighted-choice.js';

export interface BackoffBounds {
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

/**
 * The delay before dialling the next Fabric node after `failures`
 * consecutive failed attempts (≥ 1): initial × 2^(failures-1), capped, with
 * jitter in the upper half so connectors that lost the same node do not
 * redial in step.
 */
export function redialDelayMs(failures: number, b: BackoffBounds, random: Random): number {
  const exp = Math.min(b.maxBackoffMs, b.initialBackoffMs * 2 ** Math.max(0, failures - 1));
  return exp * (0.5 + random() / 2);
}
