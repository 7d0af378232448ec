// The production binding of the executor's clock: the one file in
// src/executor allowed real time (see eslint/determinism-fence.js). Steps
// and the runner read time only through ExecutorPort.now/delay, which the
// node binds here and the simulator binds to simulated time.

/** Wall-clock milliseconds since the epoch. */
export function systemNow(): number {
  return Date.now();
}

/** Sleeps, unless the signal aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
