import { percentile } from '../test/cluster/stats.js';

export interface LoadResult {
  readonly opsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly ops: number;
}

/**
 * C concurrent clients, each writing its own distinct keys back to back for
 * `seconds` after a warm-up; a write counts when acknowledged (committed).
 */
export async function runLoad(
  clients: number,
  seconds: number,
  write: (client: number, seq: number) => Promise<void>,
  warmupSeconds = 1,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let measuring = false;
  let stop = false;
  let ops = 0;
  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let seq = 0; !stop; seq++) {
      const t0 = performance.now();
      await write(c, seq);
      if (measuring) {
        latencies.push(performance.now() - t0);
        ops++;
      }
    }
  });
  await new Promise((r) => setTimeout(r, warmupSeconds * 1000));
  measuring = true;
  const start = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  measuring = false;
  const elapsed = (performance.now() - start) / 1000;
  stop = true;
  await Promise.all(loops);
  return {
    opsPerSec: Math.round(ops / elapsed),
    p50Ms: Number(percentile(latencies, 50).toFixed(2)),
    p99Ms: Number(percentile(latencies, 99).toFixed(2)),
    ops,
  };
}
