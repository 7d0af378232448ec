import assert from 'node:assert/strict';
import { chmod, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

import { Level } from 'level';

import { IDENTITY_KEY, MARKER_FILE, encodeIdentity } from '../../src/storage/internal.js';
import { IDENTITY, appendOf, openAt, range, rejectsWith, tempDir, withRawDb } from './helpers.js';

/** Every file under `dir` with its bytes, to prove a directory was not touched. */
async function snapshotTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of await readdir(dir, { recursive: true })) {
    const path = join(dir, name);
    if ((await stat(path)).isFile()) out.set(name, (await readFile(path)).toString('hex'));
  }
  return out;
}

test('storage: an existing empty directory becomes a data dir', async (t) => {
  const dir = await tempDir(t);
  const store = await openAt(dir);
  assert.equal(store.created, true);
  await store.close();
  assert.ok((await readdir(dir)).includes(MARKER_FILE));
});

test('storage: a data dir of another cluster fails with DATA_DIR_FOREIGN naming both identities', async (t) => {
  const dir = await tempDir(t);
  await (await openAt(dir)).close();
  const err = await rejectsWith(
    openAt(dir, { identity: { clusterId: 'cluster-b', nodeId: IDENTITY.nodeId } }),
    'DATA_DIR_FOREIGN',
  );
  assert.ok(err.message.includes(dir));
  assert.ok(err.message.includes('cluster "cluster-a" node "node-1"'), err.message);
  assert.ok(err.message.includes('cluster "cluster-b" node "node-1"'), err.message);
});

test('storage: a data dir of another node fails with DATA_DIR_FOREIGN naming both identities', async (t) => {
  const dir = await tempDir(t);
  const store = await openAt(dir);
  await store.persist(appendOf(range(1, 3, 1)));
  await store.close();
  const err = await rejectsWith(
    openAt(dir, { identity: { clusterId: IDENTITY.clusterId, nodeId: 'node-2' } }),
    'DATA_DIR_FOREIGN',
  );
  assert.ok(err.message.includes('node "node-1"') && err.message.includes('node "node-2"'));
  assert.equal(err.details.storedNodeId, 'node-1');
  // Still intact for its owner.
  const again = await openAt(dir);
  assert.equal(again.stats().lastIndex, 3);
  await again.close();
});

test('storage: a data dir in a storage format this build does not read fails with DATA_DIR_UNUSABLE', async (t) => {
  const dir = await tempDir(t);
  await (await openAt(dir)).close();
  await withRawDb(dir, (db) =>
    db.put(IDENTITY_KEY, encodeIdentity({ ...IDENTITY, formatVersion: 2 })),
  );
  const err = await rejectsWith(openAt(dir), 'DATA_DIR_UNUSABLE');
  assert.match(err.message, /storage format 2/);
});

test('storage: a non-empty directory that is not a data dir fails with DATA_DIR_FOREIGN and is not touched', async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, 'notes.txt'), 'precious');
  await mkdir(join(dir, 'sub'));
  await writeFile(join(dir, 'sub', 'x'), 'y');
  const before = await snapshotTree(dir);
  const err = await rejectsWith(openAt(dir), 'DATA_DIR_FOREIGN');
  assert.ok(err.message.includes(dir) && err.message.includes('notes.txt'), err.message);
  assert.deepStrictEqual(await snapshotTree(dir), before);
  assert.deepStrictEqual((await readdir(dir)).sort(), ['notes.txt', 'sub']);
});

test("storage: another program's LevelDB fails with DATA_DIR_FOREIGN and is not touched", async (t) => {
  const dir = await tempDir(t);
  const db = new Level(dir);
  await db.open();
  await db.put('their', 'data');
  await db.close();
  const before = await snapshotTree(dir);
  await rejectsWith(openAt(dir), 'DATA_DIR_FOREIGN');
  assert.deepStrictEqual(await snapshotTree(dir), before);
});

test('storage: a path below a regular file fails with DATA_DIR_UNUSABLE', async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, 'file'), '');
  const err = await rejectsWith(openAt(join(dir, 'file', 'data')), 'DATA_DIR_UNUSABLE');
  assert.match(err.message, /cannot (create|inspect) it/);
});

test('storage: a path that is a regular file fails with DATA_DIR_UNUSABLE', async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, 'file'), 'x');
  const err = await rejectsWith(openAt(join(dir, 'file')), 'DATA_DIR_UNUSABLE');
  assert.match(err.message, /not a directory/);
});

test('storage: a directory this process cannot write fails with DATA_DIR_UNUSABLE', async (t) => {
  if (process.getuid?.() === 0) {
    t.skip('root ignores permission bits');
    return;
  }
  const dir = await tempDir(t);
  const readOnly = join(dir, 'ro');
  await mkdir(readOnly, { mode: 0o500 });
  try {
    await rejectsWith(openAt(readOnly), 'DATA_DIR_UNUSABLE');
    await rejectsWith(openAt(join(readOnly, 'data')), 'DATA_DIR_UNUSABLE');
  } finally {
    await chmod(readOnly, 0o700); // so the temp dir can be removed
  }
});
