/**
 * `op`'s answer, or `onTimeout()`'s once `ms` pass, whichever comes first.
 * The op itself is not cancelled (a probe of a hung server runs on); the
 * caller decides what a late answer means.
 */
export async function withTimeout<T>(op: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      resolve(onTimeout());
    }, ms);
  });
  try {
    return await Promise.race([op, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
