/**
 * Runs async tasks one at a time, in the order they were queued. Writes go
 * through it so that a persist() called while another is in flight starts
 * only after it, and so sees the log as that write left it.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    // A failed task must not stop the ones queued behind it from running
    // (they decide for themselves what a failure means).
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    await this.#tail;
  }
}
