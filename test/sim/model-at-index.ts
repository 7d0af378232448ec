import type { FabricModel } from '../../src/fabric/index.js';
import type { NodeId } from '../../src/raft/index.js';
import { SafetyViolation } from './checker.js';
import { fnv } from './hash.js';

/**
 * The model at one applied index must be the same on every node. Checked
 * inside apply, where the model is exactly at `index`: every answer, and
 * the whole model (a snapshot, which grows with the history) every
 * `fullEvery` indexes.
 */
export class ModelAtIndex {
  readonly #fullEvery: number;
  /** applied index -> hash of the model there, as the first node to reach it had it. */
  readonly #seen = new Map<number, number>();

  constructor(fullEvery: number) {
    this.#fullEvery = fullEvery;
  }

  check(node: NodeId, index: number, model: FabricModel, answer: Uint8Array): void {
    const full = index % this.#fullEvery === 0;
    const h = fnv(fnv(2166136261, answer), full ? model.snapshot() : new Uint8Array(0));
    const seen = this.#seen.get(index);
    if (seen === undefined) this.#seen.set(index, h);
    else if (seen !== h)
      throw new SafetyViolation(
        `Model: ${node} ${full ? 'has a different model' : 'answered differently'} at applied index ${index}`,
      );
  }
}
