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
  /** For each acknowledged write: when its successful attempt was sent, and when it was acknowledged. */
  readonly attempts: { sentAt: number; ackedAt: number }[] = [];
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
        const sentAt = Date.now();
        await this.cluster.client(n.id).put(key, value, `req-${key}`, 3_000);
        this.acked.set(key, value);
        const ackedAt = Date.now();
        this.ackTimes.push(ackedAt);
        this.attempts.push({ sentAt, ackedAt });
        return;
      } catch {
        await sleep(Math.min(200, 10 * (attempt + 1)));
      }
    }
  }

  /**
   * The first acknowledgement of a write sent at or after `t` (a write sent
   * before a kill and answered just after it says nothing about failover).
   */
  firstAckAfter(t: number): number | undefined {
    let best: number | undefined;
    for (const a of this.attempts)
      if (a.sentAt >= t && (best === undefined || a.ackedAt < best)) best = a.ackedAt;
    return best;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all(this.#loops);
  }
}

/** Writes `n` distinct keys through `via`, 25 at a time; returns what was acknowledged. */
export async function writeKeys(
  c: TestCluster,
  via: string,
  prefix: string,
  n: number,
): Promise<Map<string, string>> {
  const acked = new Map<string, string>();
  for (let i = 0; i < n; i += 25) {
    const batch = Array.from({ length: Math.min(25, n - i) }, (_, j) => `${prefix}-${i + j}`);
    await Promise.all(
      batch.map(async (k) => {
        await c.client(via).put(k, `v-${k}`, `req-${k}`);
        acked.set(k, `v-${k}`);
      }),
    );
  }
  return acked;
}
