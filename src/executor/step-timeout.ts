import type { StepContext } from './procedure-definition.js';

/**
 * `op`'s answer, or `onTimeout()`'s once `ms` pass on the step's clock,
 * whichever comes first. The op itself is not cancelled (a probe of a hung
 * server runs on); the step decides what a late answer means. The step's
 * clock, not a timer of its own, so the simulator controls it.
 */
export function within<T>(
  ctx: Pick<StepContext, 'sleep'>,
  op: Promise<T>,
  ms: number,
  onTimeout: () => T,
): Promise<T> {
  return Promise.race([op, ctx.sleep(ms).then(onTimeout)]);
}
