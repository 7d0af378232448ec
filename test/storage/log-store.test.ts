import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import type { InitialState } from '../../src/raft/index.js';
import { entryKey } from '../../src/storage/internal.js';
import {
  appendOf,
  conf,
  dataDirFor,
  normal,
  openAt,
  range,
  rawKeys,
  recordingHooks,
  rejectsWith,
} from './helpers.js';

const BOOT: InitialState = {
  hardState: { term: 1, vote: '', commit: 2 },
  entries: [
    conf(1, 1, { type: 'add-voter', nodeId: 'node-1', context: new Uint8Array([9]) }),
    conf(2, 1, { type: 'add-voter', nodeId: 'node-2' }),
  ],
};

test('storage: a new data dir is created from initialize() and reopens unchanged', async (t) => {
  const dir = await dataDirFor(t);
  let calls = 0;
  const initialize = (): InitialState => (calls++, BOOT);
  const store = await openAt(dir, { initialize });
  assert.equal(store.created, true);
  assert.deepStrictEqual(store.initialState, { ...BOOT, snapshot: undefined });
  await store.close();

  const again = await openAt(dir, { initialize });
  assert.equal(again.created, false);
  assert.equal(calls, 1);
  assert.deepStrictEqual(again.initialState, { ...BOOT, snapshot: undefined });
  assert.deepStrictEqual(again.stats(), {
    entries: 2,
    firstIndex: 1,
    lastIndex: 2,
    snapshotIndex: 0,
    bytes: again.stats().bytes,
  });
  await again.close();
});

test('storage: persisted entries and hard state survive a reopen', async (t) => {
  const dir = await dataDirFor(t);
  const store = await openAt(dir);
  await store.persist(appendOf(range(1, 5, 1), 1, 0));
  await store.persist({
    entries: [normal(6, 2), { type: 'normal', index: 7, term: 2, data: new Uint8Array(0) }],
    hardState: { term: 2, vote: 'node-2', commit: 5 },
    snapshot: undefined,
    mustSync: true,
  });
  await store.close();

  const again = await openAt(dir);
  assert.deepStrictEqual(again.initialState.hardState, { term: 2, vote: 'node-2', commit: 5 });
  assert.deepStrictEqual(again.initialState.entries, [
    ...range(1, 5, 1),
    normal(6, 2),
    { type: 'normal', index: 7, term: 2, data: new Uint8Array(0) },
  ]);
  assert.equal(again.stats().lastIndex, 7);
  await again.close();
});

test('storage: persist overwrites the stored suffix and deletes the stale tail', async (t) => {
  const dir = await dataDirFor(t);
  const store = await openAt(dir);
  await store.persist(appendOf(range(1, 10, 1)));
  await store.persist(appendOf([normal(6, 2, 'new-6'), normal(7, 2, 'new-7')], 2, 0));
  assert.equal(store.stats().lastIndex, 7);
  assert.equal(store.stats().entries, 7);
  await store.close();

  const keys = await rawKeys(dir);
  for (let i = 8; i <= 10; i++) assert.ok(!keys.includes(entryKey(i).toString('hex')), `key ${i}`);
  const again = await openAt(dir);
  assert.deepStrictEqual(again.initialState.entries, [
    ...range(1, 5, 1),
    normal(6, 2, 'new-6'),
    normal(7, 2, 'new-7'),
  ]);
  await again.close();
});

test('storage: stats count entries and bytes as the log grows and shrinks', async (t) => {
  const store = await openAt(await dataDirFor(t));
  assert.deepStrictEqual(store.stats(), {
    entries: 0,
    firstIndex: 1,
    lastIndex: 0,
    snapshotIndex: 0,
    bytes: 0,
  });
  await store.persist(appendOf(range(1, 4, 1)));
  const four = store.stats().bytes;
  assert.ok(four > 0);
  await store.persist(appendOf(range(3, 3, 1)));
  assert.deepStrictEqual(
    { ...store.stats(), bytes: 0 },
    {
      entries: 3,
      firstIndex: 1,
      lastIndex: 3,
      snapshotIndex: 0,
      bytes: 0,
    },
  );
  assert.ok(store.stats().bytes < four);
  await store.close();
});

test('storage: a Ready with 1,000 entries is written as one synced batch', async (t) => {
  const { hooks, batches } = recordingHooks();
  const store = await openAt(await dataDirFor(t), {}, hooks);
  const before = batches.length;
  await store.persist(appendOf(range(1, 1000, 1)));
  assert.equal(batches.length - before, 1);
  const batch = batches.at(-1)!;
  assert.equal(batch.sync, true);
  // 1,000 entries, the hard state and the batch's seal (seal.ts).
  assert.equal(batch.ops.filter((op) => op.type === 'put').length, 1002);
  assert.equal(store.stats().lastIndex, 1000);
  await store.close();
});

test('storage: entries and term or vote changes are written with sync, commit-only changes need not be', async (t) => {
  const { hooks, batches } = recordingHooks();
  const store = await openAt(await dataDirFor(t), {}, hooks);
  const n0 = batches.length;
  // Entries: synced even if a (buggy) Ready said otherwise.
  await store.persist({ ...appendOf(range(1, 3, 1)), mustSync: false });
  // A vote alone.
  await store.persist({
    entries: [],
    hardState: { term: 1, vote: 'node-2', commit: 0 },
    snapshot: undefined,
    mustSync: false,
  });
  // A term alone.
  await store.persist({
    entries: [],
    hardState: { term: 2, vote: 'node-2', commit: 0 },
    snapshot: undefined,
    mustSync: false,
  });
  // Commit alone: the Ready's choice stands.
  await store.persist({
    entries: [],
    hardState: { term: 2, vote: 'node-2', commit: 3 },
    snapshot: undefined,
    mustSync: false,
  });
  assert.deepStrictEqual(
    batches.slice(n0).map((b) => b.sync),
    [true, true, true, false],
  );
  // Nothing to write: no batch at all.
  await store.persist({ entries: [], hardState: undefined, snapshot: undefined, mustSync: false });
  assert.equal(batches.length - n0, 4);
  await store.close();
});

test('storage: writes are serialised in call order', async (t) => {
  let inFlight = 0;
  let maxInFlight = 0;
  const { hooks } = recordingHooks(async (n) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await sleep(n === 2 ? 30 : 1); // the first persist is slow
    inFlight--;
  });
  const dir = await dataDirFor(t);
  const store = await openAt(dir, {}, hooks);
  const done: string[] = [];
  const writes = [
    store.persist(appendOf(range(1, 100, 1))).then(() => done.push('a')),
    store.persist(appendOf(range(101, 200, 1))).then(() => done.push('b')),
    store.persist(appendOf(range(150, 160, 2), 2)).then(() => done.push('c')),
  ];
  await Promise.all(writes);
  assert.deepStrictEqual(done, ['a', 'b', 'c']);
  assert.equal(maxInFlight, 1);
  assert.equal(store.stats().lastIndex, 160);
  await store.close();

  const again = await openAt(dir);
  assert.deepStrictEqual(again.initialState.entries, [...range(1, 149, 1), ...range(150, 160, 2)]);
  await again.close();
});

test('storage: an entry batch that does not fit the log is refused before anything is written', async (t) => {
  const { hooks, batches } = recordingHooks();
  const store = await openAt(await dataDirFor(t), {}, hooks);
  await store.persist(appendOf(range(1, 3, 1)));
  const n = batches.length;
  await assert.rejects(store.persist(appendOf(range(5, 6, 1))), /must start in 1\.\.4/);
  await assert.rejects(store.persist(appendOf([normal(4, 1), normal(6, 1)])), /cannot follow/);
  await assert.rejects(store.persist(appendOf([normal(4, 2), normal(5, 1)])), /cannot follow/);
  await assert.rejects(store.persist(appendOf([normal(4, 1)], 1, 9)), /commit 9 is past/);
  assert.equal(batches.length, n);
  // A refused write is a caller bug, not a storage failure: the store still works.
  await store.persist(appendOf(range(4, 4, 1)));
  assert.equal(store.stats().lastIndex, 4);
  await store.close();
});

test('storage: after a failed write every later write is refused', async (t) => {
  const { hooks, batches } = recordingHooks((n) =>
    n === 2 ? Promise.reject(new Error('EIO: disk on fire')) : Promise.resolve(),
  );
  const store = await openAt(await dataDirFor(t), {}, hooks);
  await assert.rejects(store.persist(appendOf(range(1, 2, 1))), /disk on fire/);
  const err = await rejectsWith(store.persist(appendOf(range(1, 2, 1))), 'DATA_DIR_UNUSABLE');
  assert.match(err.message, /earlier write failed/);
  assert.equal(batches.length, 2);
  await store.close();
});

test('storage: writes after close are refused and close is idempotent', async (t) => {
  const store = await openAt(await dataDirFor(t));
  const pending = store.persist(appendOf(range(1, 2, 1)));
  const closing = store.close();
  await pending; // queued before close: still written
  await closing;
  await store.close();
  await rejectsWith(store.persist(appendOf(range(3, 3, 1))), 'SHUTTING_DOWN');
});
