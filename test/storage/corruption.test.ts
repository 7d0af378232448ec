import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  ENTRY_KEYS,
  HARD_STATE_KEY,
  IDENTITY_KEY,
  restoreAdvice,
  SNAPSHOT_META_KEY,
  encodeEntry,
  encodeHardState,
  entryKey,
} from '../../src/storage/internal.js';
import {
  IDENTITY,
  appendOf,
  dataDirFor,
  normal,
  openAt,
  range,
  rejectsWith,
  withRawDb,
} from './helpers.js';

/** A closed data dir holding entries 1..10 (terms 1..2) with commit 8. */
async function tenEntries(t: Parameters<typeof dataDirFor>[0]): Promise<string> {
  const dir = await dataDirFor(t);
  const store = await openAt(dir);
  await store.persist(appendOf([...range(1, 5, 1), ...range(6, 10, 2)], 2, 8));
  await store.close();
  return dir;
}

async function expectCorrupt(dir: string, ...fragments: (string | RegExp)[]): Promise<void> {
  const err = await rejectsWith(openAt(dir), 'DATA_DIR_CORRUPT');
  assert.ok(err.message.includes(dir), `names the data dir: ${err.message}`);
  assert.ok(
    err.message.includes(restoreAdvice(IDENTITY.nodeId)),
    `says what to do: ${err.message}`,
  );
  for (const f of fragments) {
    if (typeof f === 'string')
      assert.ok(err.message.includes(f), `mentions "${f}": ${err.message}`);
    else assert.match(err.message, f);
  }
}

test('storage: a bit flip in an entry fails open with DATA_DIR_CORRUPT naming the index, and is left as found', async (t) => {
  const dir = await tenEntries(t);
  const damaged = await withRawDb(dir, async (db) => {
    const value = Buffer.from(await db.get(entryKey(7)));
    value[value.byteLength - 1] = (value[value.byteLength - 1] ?? 0) ^ 0x01;
    await db.put(entryKey(7), value);
    return value;
  });
  await expectCorrupt(dir, 'log entry 7', 'checksum');
  const err = await rejectsWith(openAt(dir), 'DATA_DIR_CORRUPT');
  assert.equal(err.details.index, 7);
  // Never silently truncated: the damaged record and everything after it are still there.
  await withRawDb(dir, async (db) => {
    assert.deepStrictEqual(await db.get(entryKey(7)), damaged);
    assert.ok(Buffer.isBuffer(await db.get(entryKey(10))));
  });
});

test('storage: a torn entry record fails open with DATA_DIR_CORRUPT', async (t) => {
  const dir = await tenEntries(t);
  await withRawDb(dir, async (db) => {
    const value = await db.get(entryKey(10));
    await db.put(entryKey(10), value.subarray(0, 3));
  });
  await expectCorrupt(dir, 'log entry 10', 'torn');
});

test('storage: a missing entry in the middle of the log fails open with DATA_DIR_CORRUPT', async (t) => {
  const dir = await tenEntries(t);
  await withRawDb(dir, (db) => db.del(entryKey(5)));
  await expectCorrupt(dir, 'log entry 6', 'jumps from entry 4 to 6');
});

test('storage: a log that does not start right after the snapshot fails open with DATA_DIR_CORRUPT', async (t) => {
  const dir = await tenEntries(t);
  await withRawDb(dir, (db) => db.batch([1, 2].map((i) => ({ type: 'del', key: entryKey(i) }))));
  await expectCorrupt(dir, 'log entry 3', 'snapshot ends at 0');
});

test('storage: a decreasing term fails open with DATA_DIR_CORRUPT', async (t) => {
  const dir = await tenEntries(t);
  await withRawDb(dir, (db) => db.put(entryKey(8), encodeEntry(normal(8, 1))));
  await expectCorrupt(dir, 'log entry 8', 'term 1 is lower');
});

test('storage: an entry stored under the wrong key fails open with DATA_DIR_CORRUPT', async (t) => {
  const dir = await tenEntries(t);
  await withRawDb(dir, (db) => db.put(entryKey(4), encodeEntry(normal(5, 1))));
  await expectCorrupt(dir, 'log entry 4', 'is entry 5');
});

test('storage: a malformed key in the entry range fails open with DATA_DIR_CORRUPT', async (t) => {
  const dir = await tenEntries(t);
  const key = Buffer.concat([ENTRY_KEYS.gte, Buffer.from([1, 2])]);
  await withRawDb(dir, (db) => db.put(key, Buffer.from('x')));
  await expectCorrupt(dir, `key 0x${key.toString('hex')}`);
});

test('storage: a commit index past the last entry fails open with DATA_DIR_CORRUPT', async (t) => {
  const dir = await tenEntries(t);
  await withRawDb(dir, (db) =>
    db.put(HARD_STATE_KEY, encodeHardState({ term: 2, vote: '', commit: 11 })),
  );
  await expectCorrupt(dir, 'hard state', 'commit index 11 is past the last log index 10');
});

test('storage: a damaged or missing hard state fails open with DATA_DIR_CORRUPT', async (t) => {
  const dir = await tenEntries(t);
  await withRawDb(dir, async (db) => {
    const value = Buffer.from(await db.get(HARD_STATE_KEY));
    value[6] = (value[6] ?? 0) ^ 0x80;
    await db.put(HARD_STATE_KEY, value);
  });
  await expectCorrupt(dir, 'hard state', 'checksum');
  await withRawDb(dir, (db) => db.del(HARD_STATE_KEY));
  await expectCorrupt(dir, 'hard state', 'missing');
});

test('storage: damaged snapshot metadata fails open with DATA_DIR_CORRUPT', async (t) => {
  const dir = await tenEntries(t);
  await withRawDb(dir, (db) => db.put(SNAPSHOT_META_KEY, Buffer.from([1, 0, 0, 0, 0, 9])));
  await expectCorrupt(dir, 'snapshot metadata');
});

test('storage: a damaged or lost identity fails open with DATA_DIR_CORRUPT', async (t) => {
  const dir = await tenEntries(t);
  await withRawDb(dir, async (db) => {
    const value = Buffer.from(await db.get(IDENTITY_KEY));
    value[value.byteLength - 1] = 0x21;
    await db.put(IDENTITY_KEY, value);
  });
  await expectCorrupt(dir, 'identity', 'checksum');
  let initialized = false;
  await withRawDb(dir, (db) => db.del(IDENTITY_KEY));
  const err = await rejectsWith(
    openAt(dir, {
      initialize: () => {
        initialized = true;
        return { hardState: { term: 0, vote: '', commit: 0 }, entries: [] };
      },
    }),
    'DATA_DIR_CORRUPT',
  );
  assert.match(err.message, /identity: the record is missing but the log has records/);
  assert.equal(initialized, false);
});
