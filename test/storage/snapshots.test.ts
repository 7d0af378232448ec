import assert from 'node:assert/strict';
import { readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

import type { Snapshot } from '../../src/raft/index.js';
import {
  restoreAdvice,
  SNAPSHOTS_DIR,
  encodeSnapshotFile,
  entryKey,
  snapshotFileName,
} from '../../src/storage/internal.js';
import {
  IDENTITY,
  appendOf,
  dataDirFor,
  normal,
  openAt,
  range,
  rawKeys,
  recordingHooks,
  rejectsWith,
} from './helpers.js';

function snap(index: number, term: number, text = `state@${index}`): Snapshot {
  return {
    metadata: { index, term, conf: { voters: ['node-1', 'node-2'], learners: ['node-3'] } },
    data: new TextEncoder().encode(text),
  };
}

async function snapshotFiles(dataDir: string): Promise<string[]> {
  return (await readdir(join(dataDir, SNAPSHOTS_DIR))).sort();
}

/** A data dir with entries 1..30 (term 1) and an application snapshot at 20 kept from 16. */
async function withSnapshot(dataDir: string): Promise<void> {
  const store = await openAt(dataDir);
  await store.persist(appendOf(range(1, 30, 1), 1, 25));
  await store.saveSnapshot(snap(20, 1), 15);
  await store.close();
}

test('storage: saveSnapshot writes the file and compacts entries up to compactTo in one synced batch', async (t) => {
  const dir = await dataDirFor(t);
  const { hooks, batches } = recordingHooks();
  const store = await openAt(dir, {}, hooks);
  await store.persist(appendOf(range(1, 30, 1), 1, 25));
  const n = batches.length;
  await store.saveSnapshot(snap(20, 1), 15);
  assert.equal(batches.length - n, 1);
  assert.equal(batches.at(-1)!.sync, true);
  assert.deepStrictEqual(store.stats(), {
    entries: 15,
    firstIndex: 16,
    lastIndex: 30,
    snapshotIndex: 20,
    bytes: store.stats().bytes,
  });
  await store.close();

  assert.deepStrictEqual(await snapshotFiles(dir), [snapshotFileName(snap(20, 1).metadata)]);
  const keys = await rawKeys(dir);
  assert.ok(!keys.includes(entryKey(15).toString('hex')));
  assert.ok(keys.includes(entryKey(16).toString('hex')));
  const again = await openAt(dir);
  assert.deepStrictEqual(again.initialState.snapshot, snap(20, 1));
  assert.deepStrictEqual(again.initialState.entries, range(21, 30, 1));
  assert.equal(again.stats().firstIndex, 16);
  await again.close();
});

test('storage: a newer snapshot replaces the older file; an equal or older one only compacts', async (t) => {
  const dir = await dataDirFor(t);
  await withSnapshot(dir);
  const store = await openAt(dir);
  // The core hands back its current snapshot when asked to compact below it.
  await store.saveSnapshot(snap(20, 1), 18);
  assert.equal(store.stats().firstIndex, 19);
  assert.equal(store.stats().snapshotIndex, 20);
  await store.saveSnapshot(snap(12, 1), 12);
  assert.equal(store.stats().snapshotIndex, 20);
  assert.deepStrictEqual(await snapshotFiles(dir), [snapshotFileName(snap(20, 1).metadata)]);

  await store.saveSnapshot(snap(28, 1), 28);
  assert.deepStrictEqual(await snapshotFiles(dir), [snapshotFileName(snap(28, 1).metadata)]);
  assert.equal(store.stats().firstIndex, 29);
  assert.equal(store.stats().snapshotIndex, 28);
  await store.close();
  const again = await openAt(dir);
  assert.deepStrictEqual(again.initialState.snapshot, snap(28, 1));
  assert.deepStrictEqual(again.initialState.entries, range(29, 30, 1));
  await again.close();
});

test('storage: a snapshot from the leader replaces the whole log in one batch', async (t) => {
  const dir = await dataDirFor(t);
  const { hooks, batches } = recordingHooks();
  const store = await openAt(dir, {}, hooks);
  await store.persist(appendOf(range(1, 10, 1), 1, 5));
  await store.saveSnapshot(snap(4, 1), 2);
  const n = batches.length;
  await store.persist({
    entries: [normal(51, 3), normal(52, 3)],
    hardState: { term: 3, vote: '', commit: 50 },
    snapshot: snap(50, 3),
    mustSync: true,
  });
  assert.equal(batches.length - n, 1);
  assert.deepStrictEqual(store.stats(), {
    entries: 2,
    firstIndex: 51,
    lastIndex: 52,
    snapshotIndex: 50,
    bytes: store.stats().bytes,
  });
  await store.close();

  assert.deepStrictEqual(await snapshotFiles(dir), [snapshotFileName(snap(50, 3).metadata)]);
  const entryKeys = (await rawKeys(dir)).filter((k) => k.startsWith('65'));
  assert.deepStrictEqual(entryKeys, [entryKey(51).toString('hex'), entryKey(52).toString('hex')]);
  const again = await openAt(dir);
  assert.deepStrictEqual(again.initialState.snapshot, snap(50, 3));
  assert.deepStrictEqual(again.initialState.entries, [normal(51, 3), normal(52, 3)]);
  assert.deepStrictEqual(again.initialState.hardState, { term: 3, vote: '', commit: 50 });
  await again.close();
});

test('storage: initialize() may start the log from a snapshot', async (t) => {
  const dir = await dataDirFor(t);
  const init = {
    hardState: { term: 2, vote: '', commit: 9 },
    snapshot: snap(9, 2),
    entries: [normal(10, 2)],
  };
  const store = await openAt(dir, { initialize: () => init });
  assert.deepStrictEqual(store.initialState, init);
  assert.deepStrictEqual(store.stats().snapshotIndex, 9);
  await store.close();
});

test('storage: leftover tmp files and orphaned snapshot files are removed on open', async (t) => {
  const dir = await dataDirFor(t);
  await withSnapshot(dir);
  const current = snapshotFileName(snap(20, 1).metadata);
  const orphan = snapshotFileName(snap(25, 1).metadata); // written, then a crash before its batch
  const snaps = join(dir, SNAPSHOTS_DIR);
  await writeFile(join(snaps, orphan), Buffer.concat(encodeSnapshotFile(snap(25, 1))));
  await writeFile(join(snaps, `${orphan}.tmp`), 'half a snap');
  await writeFile(join(snaps, 'snap-00000000000000000001-1.bin.tmp'), '');
  const store = await openAt(dir);
  assert.deepStrictEqual(await snapshotFiles(dir), [current]);
  assert.equal(store.stats().snapshotIndex, 20);
  await store.close();
});

test('storage: a torn latest snapshot file makes open fail with DATA_DIR_CORRUPT', async (t) => {
  const dir = await dataDirFor(t);
  await withSnapshot(dir);
  const file = join(dir, SNAPSHOTS_DIR, snapshotFileName(snap(20, 1).metadata));
  const size = (await readFile(file)).byteLength;
  await truncate(file, size - 3);
  const err = await rejectsWith(openAt(dir), 'DATA_DIR_CORRUPT');
  assert.ok(err.message.includes(dir));
  assert.ok(err.message.includes(snapshotFileName(snap(20, 1).metadata)));
  assert.match(err.message, /torn/);
  assert.ok(err.message.includes(restoreAdvice(IDENTITY.nodeId)));
  assert.equal((await readFile(file)).byteLength, size - 3, 'the file is left as found');
});

test('storage: a bit flip in the latest snapshot file makes open fail with DATA_DIR_CORRUPT', async (t) => {
  const dir = await dataDirFor(t);
  await withSnapshot(dir);
  const file = join(dir, SNAPSHOTS_DIR, snapshotFileName(snap(20, 1).metadata));
  const bytes = await readFile(file);
  bytes[bytes.byteLength - 2] = (bytes[bytes.byteLength - 2] ?? 0) ^ 0x10;
  await writeFile(file, bytes);
  const err = await rejectsWith(openAt(dir), 'DATA_DIR_CORRUPT');
  assert.match(err.message, /checksum/);
});

test('storage: a missing latest snapshot file makes open fail with DATA_DIR_CORRUPT', async (t) => {
  const dir = await dataDirFor(t);
  await withSnapshot(dir);
  const file = snapshotFileName(snap(20, 1).metadata);
  await rm(join(dir, SNAPSHOTS_DIR, file));
  const err = await rejectsWith(openAt(dir), 'DATA_DIR_CORRUPT');
  assert.match(err.message, /missing/);
});
