import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `fn` until it returns a value (not undefined, not a rejection); fails with `what` after `ms`. */
export async function eventually<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  ms = 30_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(everyMs);
  }
}
