import { Level } from 'level';

import type { KeyRange, KvOp, KvStore } from './kv-store.js';
import { corruptError, errnoOf, lockedError, unusableError } from './storage-errors.js';

type Db = Level<Buffer, Buffer>;

/**
 * Opens (creating if needed) the LevelDB in `dataDir`. LevelDB takes an
 * exclusive lock on `dataDir/LOCK` for as long as it is open: that lock is
 * what keeps two fabric-ha processes off one data dir. Errors name
 * `reportAs` (the data dir, when this is a copy of it: verify-copy.ts).
 */
export async function openLevelKv(dataDir: string, reportAs = dataDir): Promise<KvStore> {
  const db: Db = new Level<Buffer, Buffer>(dataDir, {
    keyEncoding: 'buffer',
    valueEncoding: 'buffer',
  });
  try {
    await db.open({ createIfMissing: true, errorIfExists: false });
  } catch (e) {
    throw openError(reportAs, e);
  }
  return new LevelKv(db);
}

/** Translates LevelDB's open failure (the cause inside LEVEL_DATABASE_NOT_OPEN). */
export function openError(dataDir: string, e: unknown): Error {
  const cause = e instanceof Error && e.cause !== undefined ? e.cause : e;
  const code = errnoOf(cause);
  const detail = cause instanceof Error ? cause.message : String(cause);
  if (code === 'LEVEL_LOCKED') return lockedError(dataDir, e);
  if (code === 'LEVEL_CORRUPTION') return corruptError(dataDir, 'LevelDB', detail, {}, e);
  return unusableError(dataDir, `LevelDB cannot open it: ${detail}`, e);
}

class LevelKv implements KvStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async get(key: Buffer): Promise<Buffer | undefined> {
    // abstract-level 3 resolves undefined for a missing key; its types predate that.
    const value: Buffer | undefined = await this.#db.get(key);
    return value;
  }

  // classic-level and level 10 default to sync: false, which would lose
  // acknowledged entries on power loss: every caller states its choice.
  batch(ops: readonly KvOp[], options: { readonly sync: boolean }): Promise<void> {
    return this.#db.batch([...ops], { sync: options.sync });
  }

  async *range(bounds: KeyRange): AsyncIterable<readonly [Buffer, Buffer]> {
    const { gte, lt, limit = -1 } = bounds;
    for await (const pair of this.#db.iterator({ gte, lt, limit })) yield pair;
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
