// The production binding of the executor's clock. It lives outside
// src/executor, which reads time only through ExecutorPort.now/delay (the
// determinism fence, eslint/determinism-fence.js): the node binds them here,
// the simulator to simulated time.

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
