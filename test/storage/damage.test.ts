/**
 * Damage to the files of a stopped node's LevelDB, as an operator or a disk
 * would do it: a torn tail after a crash is accepted, anything that loses a
 * write the node had synced is refused, and a refused dir is left exactly as
 * it was (LevelDB's recovery never runs on it: verify-copy.ts).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { test } from 'node:test';

import { CLEAN_CLOSE_FILE } from '../../src/storage/clean-close.js';
import { sealKey } from '../../src/storage/keys.js';
import { encodeSeal } from '../../src/storage/seal-codec.js';
import { appendOf, dataDirFor, normal, openAt, rejectsWith, withRawDb } from './helpers.js';

const BATCHES = 200;
const PAYLOAD = 'x'.repeat(300);

/** A dir written one entry per synced batch (about 70 KB of .log: three 32 KB blocks). */
async function written(
  t: TestContext,
  opts: { clean: boolean; reopen?: boolean },
): Promise<string> {
  const dir = await dataDirFor(t);
  let store = await openAt(dir);
  const half = opts.reopen === true ? BATCHES / 2 : BATCHES + 1;
  for (let i = 1; i <= BATCHES; i++) {
    if (i === half) {
      // Reopening turns the .log written so far into a table file (.ldb).
      await store.close();
      store = await openAt(dir);
    }
    await store.persist(appendOf([normal(i, 1, `${i}-${PAYLOAD}`)], 1, i - 1));
  }
  await store.close();
  // Without the clean-close record the dir is what a kill -9 right after the
  // last synced batch leaves.
  if (!opts.clean) await rm(join(dir, CLEAN_CLOSE_FILE));
  return dir;
}

async function newest(dir: string, ext: string): Promise<string> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(ext)).sort();
  const name = names.at(-1);
  if (name === undefined) throw new Error(`no ${ext} file in ${dir}`);
  return join(dir, name);
}

async function flip(file: string, at: (size: number) => number): Promise<void> {
  const bytes = await readFile(file);
  const i = at(bytes.byteLength);
  bytes[i] = (bytes[i] ?? 0) ^ 0x40;
  await writeFile(file, bytes);
}

/** Every file's name and content hash: what a refused open must leave unchanged. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name === 'LOG' || name === 'LOG.old' || name === 'LOCK') continue;
    const p = join(dir, name);
    if ((await stat(p)).isDirectory()) continue;
    out[name] = createHash('sha256')
      .update(await readFile(p))
      .digest('hex');
  }
  return out;
}

async function refused(dir: string, ...fragments: string[]): Promise<void> {
  const before = await fingerprint(dir);
  const err = await rejectsWith(openAt(dir), 'DATA_DIR_CORRUPT');
  for (const f of fragments) assert.ok(err.message.includes(f), `mentions "${f}": ${err.message}`);
  assert.deepEqual(await fingerprint(dir), before, 'the refused dir is unchanged');
}

const DAMAGES: readonly { name: string; damage: (dir: string) => Promise<void>; says: string }[] = [
  {
    name: 'the newest .log cut by 1 byte',
    damage: async (dir) =>
      truncate(await newest(dir, '.log'), (await stat(await newest(dir, '.log'))).size - 1),
    says: 'stopped cleanly',
  },
  {
    name: 'the newest .log cut by 100 bytes',
    damage: async (dir) =>
      truncate(await newest(dir, '.log'), (await stat(await newest(dir, '.log'))).size - 100),
    says: 'stopped cleanly',
  },
  {
    name: 'the newest .log cut in half',
    damage: async (dir) =>
      truncate(
        await newest(dir, '.log'),
        Math.floor((await stat(await newest(dir, '.log'))).size / 2),
      ),
    says: 'stopped cleanly',
  },
  {
    name: 'a byte flipped near the start of the newest .log',
    damage: async (dir) => flip(await newest(dir, '.log'), () => 100),
    says: 'dropped',
  },
  {
    name: 'a byte flipped in the middle of the newest .log',
    damage: async (dir) => flip(await newest(dir, '.log'), (n) => Math.floor(n / 2)),
    says: 'dropped',
  },
];

for (const { name, damage, says } of DAMAGES) {
  test(`storage damage: ${name} after a clean stop is refused, naming the loss, and the dir is left as found`, async (t) => {
    const dir = await written(t, { clean: true });
    await damage(dir);
    await refused(dir, dir, says);
  });
}

test('storage damage: a byte flipped in an .ldb table file is refused and the .log is not rewritten', async (t) => {
  const dir = await written(t, { clean: true, reopen: true });
  await flip(await newest(dir, '.ldb'), (n) => Math.floor(n / 3));
  await refused(dir, dir);
});

test('storage damage: a torn tail after a crash (no clean close) opens one batch shorter', async (t) => {
  const dir = await written(t, { clean: false });
  const log = await newest(dir, '.log');
  await truncate(log, (await stat(log)).size - 1);
  const store = await openAt(dir);
  assert.ok(store.stats().lastIndex >= BATCHES - 1, `last index ${store.stats().lastIndex}`);
  await store.close();
});

test('storage damage: a clean stop and restart with no damage opens with every entry', async (t) => {
  const dir = await written(t, { clean: true });
  const store = await openAt(dir);
  assert.equal(store.stats().lastIndex, BATCHES);
  await store.close();
  const again = await openAt(dir);
  assert.equal(again.stats().lastIndex, BATCHES);
  await again.close();
});

test("storage damage: another node's data dir is refused as DATA_DIR_FOREIGN and left as found", async (t) => {
  const dir = await written(t, { clean: true });
  const before = await fingerprint(dir);
  await rejectsWith(
    openAt(dir, { identity: { clusterId: 'cluster-a', nodeId: 'node-2' } }),
    'DATA_DIR_FOREIGN',
  );
  await rejectsWith(
    openAt(dir, { identity: { clusterId: 'cluster-b', nodeId: 'node-1' } }),
    'DATA_DIR_FOREIGN',
  );
  assert.deepEqual(await fingerprint(dir), before);
});

test('storage damage: two seals (a lost batch before the tail) are refused', async (t) => {
  // LevelDB dropping a whole middle block is what the flip cases show; here
  // the seal chain alone must catch it, so write a stray seal directly.
  const dir = await written(t, { clean: false });
  await withRawDb(dir, (db) =>
    db.put(
      sealKey(3),
      encodeSeal({ seq: 3, lastIndex: 2, hardState: { term: 1, vote: '', commit: 1 } }),
    ),
  );
  const err = await rejectsWith(openAt(dir), 'DATA_DIR_CORRUPT');
  assert.match(err.message, /write batch 4.*lost/);
});
