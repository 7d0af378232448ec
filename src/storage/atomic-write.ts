import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Suffix of files being written; a crash can leave them behind, and open() removes them. */
export const TMP_SUFFIX = '.tmp';

/**
 * Writes `dir/name` so that after a crash it is either absent (or the old
 * version) or complete: write `name.tmp`, fsync it, rename it over `name`,
 * then fsync the directory so the rename itself is durable.
 */
export async function writeFileAtomic(
  dir: string,
  name: string,
  chunks: readonly Uint8Array[],
): Promise<void> {
  const tmp = join(dir, name + TMP_SUFFIX);
  const file = await open(tmp, 'w', 0o600);
  try {
    const expected = chunks.reduce((n, c) => n + c.byteLength, 0);
    const { bytesWritten } = await file.writev([...chunks]);
    // A regular file takes the whole write or fails; check rather than trust it.
    if (bytesWritten !== expected) {
      throw new Error(`short write to ${tmp}: ${bytesWritten} of ${expected} bytes`);
    }
    await file.sync();
  } catch (e) {
    await file.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await file.close();
  await rename(tmp, join(dir, name));
  await fsyncDir(dir);
}

/** Makes a directory's entries (created, renamed or removed files) durable. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
