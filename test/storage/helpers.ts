import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';

import { Level } from 'level';

import type { ConfChange, Entry, InitialState } from '../../src/raft/index.js';
import { emptyState } from '../../src/raft/index.js';
import { LogStore } from '../../src/storage/internal.js';
import type { KvOp, KvStore, OpenOptions, StorageHooks } from '../../src/storage/internal.js';
import type { FabricError, FabricErrorCode } from '../../src/util/fabric-error.js';
import { isFabricError } from '../../src/util/fabric-error.js';
import { silentLogger } from '../../src/util/logger.js';

/** Entry narrowed to application commands. */
export type NormalEntry = Extract<Entry, { type: 'normal' }>;

export const IDENTITY = { clusterId: 'cluster-a', nodeId: 'node-1' } as const;

/** A fresh directory under os.tmpdir(), removed when the test ends. */
export async function tempDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fabric-storage-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A data dir path inside a fresh temp dir (it does not exist yet). */
export async function dataDirFor(t: TestContext): Promise<string> {
  return join(await tempDir(t), 'data');
}

export function openAt(
  dataDir: string,
  opts: Partial<OpenOptions> = {},
  hooks: StorageHooks = {},
): Promise<LogStore> {
  return LogStore.open(
    {
      dataDir,
      identity: IDENTITY,
      logger: silentLogger(),
      initialize: (): InitialState => emptyState(),
      ...opts,
    },
    hooks,
  );
}

export function normal(index: number, term: number, text = `cmd-${index}`): NormalEntry {
  return { type: 'normal', index, term, data: new TextEncoder().encode(text) };
}

export function conf(index: number, term: number, change: ConfChange): Entry {
  return { type: 'conf', index, term, change };
}

/** Entries from..to (inclusive) at `term`. */
export function range(from: number, to: number, term: number): NormalEntry[] {
  const out: NormalEntry[] = [];
  for (let i = from; i <= to; i++) out.push(normal(i, term));
  return out;
}

/** A Ready step 1 with entries and a hard state that commits nothing new. */
export function appendOf(entries: Entry[], term = entries.at(-1)?.term ?? 1, commit = 0) {
  return { entries, hardState: { term, vote: '', commit }, snapshot: undefined, mustSync: true };
}

/** Asserts that `p` rejects with a FabricError of `code`, and returns it. */
export async function rejectsWith(
  p: Promise<unknown>,
  code: FabricErrorCode,
): Promise<FabricError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isFabricError(e, code), `expected FabricError ${code}, got ${String(e)}`);
    return e;
  }
  assert.fail(`expected FabricError ${code}, but it resolved`);
}

/** Opens the data dir's LevelDB directly (the store must be closed) to inspect or damage it. */
export async function withRawDb<T>(
  dataDir: string,
  fn: (db: Level<Buffer, Buffer>) => Promise<T>,
): Promise<T> {
  const db = new Level<Buffer, Buffer>(dataDir, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
  await db.open({ createIfMissing: false });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Every key in the raw database, as hex. */
export function rawKeys(dataDir: string): Promise<string[]> {
  return withRawDb(dataDir, async (db) => {
    const keys: string[] = [];
    for await (const k of db.keys()) keys.push(k.toString('hex'));
    return keys;
  });
}

export interface RecordedBatch {
  readonly ops: readonly KvOp[];
  readonly sync: boolean;
}

/** Hooks that record every batch the store writes (and optionally delay or fail it). */
export function recordingHooks(before: (n: number) => Promise<void> = () => Promise.resolve()): {
  hooks: StorageHooks;
  batches: RecordedBatch[];
} {
  const batches: RecordedBatch[] = [];
  const wrapKv = (kv: KvStore): KvStore => ({
    get: (key) => kv.get(key),
    range: (bounds) => kv.range(bounds),
    close: () => kv.close(),
    batch: async (ops, options) => {
      batches.push({ ops, sync: options.sync });
      await before(batches.length);
      await kv.batch(ops, options);
    },
  });
  return { hooks: { wrapKv }, batches };
}
