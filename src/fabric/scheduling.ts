import type { ModelState } from './model-state.js';
import type { Procedure } from './procedure-types.js';

/**
 * Moves a QUEUED procedure to RUNNING if it heads every queue it is in.
 * Returns whether it started.
 *
 * @internal
 */
export function tryStart(s: ModelState, id: string, at: number): boolean {
  const p = s.procedures.get(id);
  if (p?.state !== 'QUEUED' || !s.locks.holdsAll(id, p.lockKeys)) return false;
  s.procedures.set(id, { ...p, state: 'RUNNING', startedAt: at });
  return true;
}

/**
 * Records a procedure's final state, releases its locks and starts the
 * waiters that now head all of their queues. Returns the ids started, in
 * submission order (so every replica reports the same list).
 *
 * @internal
 */
export function finish(s: ModelState, ended: Procedure, at: number): string[] {
  s.procedures.set(ended.id, ended);
  const candidates = new Set(s.locks.release(ended.id, ended.lockKeys));
  const started: string[] = [];
  for (const id of s.procedures.keys()) {
    if (candidates.has(id) && tryStart(s, id, at)) started.push(id);
  }
  return started;
}
