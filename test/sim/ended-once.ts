import type { FabricModel, Procedure } from '../../src/fabric/index.js';
import { SafetyViolation } from './checker.js';

/**
 * Procedures end exactly once: a procedure that ended DONE (or FAILED) on
 * one node, at one moment, has ended the same way on every node and at
 * every later moment. A new leader re-running a procedure's end must not
 * turn its outcome around.
 */
export class EndedOnce {
  /** procedure id -> the state it ended in, as first seen in any node's model. */
  readonly #ended = new Map<string, string>();

  /** Throws on a procedure that ended two ways; `firstEnd` sees each the first time it ended. */
  check(model: FabricModel, firstEnd?: (p: Procedure) => void): void {
    for (const p of model.procedures()) {
      if (p.state !== 'DONE' && p.state !== 'FAILED') continue;
      const prior = this.#ended.get(p.id);
      if (prior !== undefined && prior !== p.state)
        throw new SafetyViolation(`Procedures: ${p.id} ended ${prior} and ${p.state}`);
      if (prior === undefined) {
        this.#ended.set(p.id, p.state);
        firstEnd?.(p);
      }
    }
  }
}
