import { SafetyViolation } from './checker.js';

/**
 * The recording fake of the outside world (the MySQL servers a real step
 * would touch). Each step acts by checking first and applying its effect
 * only if absent — the contract of every real step — and the world counts
 * attempts and effective applications so the checks can prove "executed
 * once or harmlessly repeated".
 */
export class FakeWorld {
  readonly #effects = new Set<string>();
  readonly #attempts = new Map<string, number>();
  /** Procedures that ended (as first seen in any node's committed model). */
  readonly #ended = new Set<string>();
  lateActions = 0;

  act(procedureId: string, step: number): boolean {
    const key = `${procedureId}#${step}`;
    this.#attempts.set(key, (this.#attempts.get(key) ?? 0) + 1);
    if (this.#ended.has(procedureId)) this.lateActions++;
    if (this.#effects.has(key)) return false;
    this.#effects.add(key);
    return true;
  }

  ended(procedureId: string): void {
    this.#ended.add(procedureId);
  }

  /** A DONE procedure must have had every step's effect applied exactly once. */
  checkDone(procedureId: string, steps: number): void {
    for (let i = 0; i < steps; i++) {
      if (!this.#effects.has(`${procedureId}#${i}`)) {
        throw new SafetyViolation(
          `Executor: procedure ${procedureId} is DONE but step ${i} never took effect`,
        );
      }
    }
  }

  get attempts(): number {
    let n = 0;
    for (const v of this.#attempts.values()) n += v;
    return n;
  }
}
