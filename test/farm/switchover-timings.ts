import type { Procedure__Output } from '../../src/gen/fabric/v1/Procedure.js';

/**
 * A group.promote's timings from its committed step records (the leader's
 * clock): how long writes were blocked (fence start → candidate writable)
 * and the whole procedure (first step start → last step end).
 */
export function switchoverTimings(p: Procedure__Output): { blockedMs: number; totalMs: number } {
  const step = (name: string) => p.steps.find((s) => s.name === name);
  const fence = step('fence-old-primary');
  const promoted = step('promote-candidate');
  const first = p.steps[0];
  const last = p.steps.at(-1);
  if (fence === undefined || promoted === undefined || first === undefined || last === undefined)
    throw new Error(`procedure ${p.name} is not a promote`);
  return {
    blockedMs: promoted.finished_at_ms - fence.started_at_ms,
    totalMs: last.finished_at_ms - first.started_at_ms,
  };
}
