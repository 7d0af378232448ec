import type { TestCluster } from './cluster.js';
import { sleep } from './cluster.js';

/**
 * Clients writing distinct keys continuously through random running nodes.
 * A write is retried with the same request id until acknowledged, as a real
 * client would across a leader change; only acknowledged writes are
 * recorded, and each must end up applied exactly once.
 */
export class Writer {
  readonly acked = new Map<string, string>();
  /** Wall-clock times (ms) of acknowledgements, for failover timing. */
  readonly ackTimes: number[] = [];
  #stopped = false;
  #next = 0;
  readonly #loops: Promise<void>[] = [];

  constructor(
    private readonly cluster: TestCluster,
    concurrency: number,
    private readonly prefix = 'k',
  ) {
    for (let i = 0; i < concurrency; i++) this.#loops.push(this.#loop());
  }

  async #loop(): Promise<void> {
    while (!this.#stopped) {
      const key = `${this.prefix}-${this.#next++}`;
      const value = `v-${key}`;
      await this.#writeUntilAcked(key, value);
    }
  }

  async #writeUntilAcked(key: string, value: string): Promise<void> {
    for (let attempt = 0; !this.#stopped; attempt++) {
      const nodes = this.cluster.running();
      const n = nodes[(attempt + key.length) % Math.max(1, nodes.length)];
      if (n === undefined) {
        await sleep(20);
        continue;
      }
      try {
        await this.cluster.client(n.id).put(key, value, `req-${key}`, 3_000);
        this.acked.set(key, value);
        this.ackTimes.push(Date.now());
        return;
      } catch {
        await sleep(Math.min(200, 10 * (attempt + 1)));
      }
    }
  }

  /** First acknowledgement at or after `t`. */
  firstAckAfter(t: number): number | undefined {
    return this.ackTimes.find((x) => x >= t);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all(this.#loops);
  }
}
