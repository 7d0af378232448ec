import { accept } from './apply-result.js';
import type { ApplyResult } from './apply-result.js';
import type { PruneCommand } from './commands.js';
import { isLive } from './model-state.js';
import type { ModelState } from './model-state.js';
import type { Procedure } from './procedure-types.js';

/**
 * prune: bounds the history. DONE/FAILED procedures older than maxAgeMs
 * (by finishedAt, against the command's `at`) go first, then the oldest
 * beyond maxCompleted. Request ids older than dedupWindowMs are forgotten
 * unless their procedure is still live: forgetting those would let a
 * retried submit start the same work twice.
 *
 * @internal
 */
export function applyPrune(s: ModelState, c: PruneCommand): ApplyResult {
  const finished = finishedOldestFirst(s);
  const tooOld = (p: Procedure): boolean => c.at - (p.finishedAt ?? 0) > c.maxAgeMs;
  const young = finished.filter((p) => !tooOld(p));
  const dropped = [
    ...finished.filter(tooOld),
    ...young.slice(0, Math.max(0, young.length - c.maxCompleted)),
  ];
  for (const p of dropped) s.procedures.delete(p.id);
  const requests = s.requests.forget(c.at, c.dedupWindowMs, (id) => {
    const p = s.procedures.get(id);
    return p !== undefined && isLive(p);
  });
  return accept({ type: 'prune', procedures: dropped.length, requests });
}

/**
 * DONE/FAILED procedures by finishedAt, ties in submission order. The
 * sort is stable, and the map iterates in submission order.
 */
function finishedOldestFirst(s: ModelState): Procedure[] {
  return [...s.procedures.values()]
    .filter((p) => !isLive(p))
    .sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
}
