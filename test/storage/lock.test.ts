import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FixtureProcess } from './fixtures/fixture-process.js';
import { dataDirFor, openAt, rejectsWith } from './helpers.js';

test(
  'storage: a second process on the same data dir fails with DATA_DIR_LOCKED',
  { timeout: 60_000 },
  async (t) => {
    const dir = await dataDirFor(t);
    const holder = new FixtureProcess('hold-store.ts', [dir]);
    t.after(() => holder.kill9());
    await holder.waitForLine((l) => l === 'open');

    const err = await rejectsWith(openAt(dir), 'DATA_DIR_LOCKED');
    assert.equal(
      err.message,
      `data dir ${dir} is in use by another fabric-ha process (LevelDB LOCK held); stop that process first`,
    );
    assert.equal(err.details.dataDir, dir);

    // Once the holder has gone, the lock is free again.
    holder.child.stdin.end();
    assert.deepStrictEqual(await holder.exited(), { code: 0, signal: null });
    const store = await openAt(dir);
    assert.equal(store.created, false);
    await store.close();
  },
);

test('storage: a data dir open in this process cannot be opened twice', async (t) => {
  const dir = await dataDirFor(t);
  const store = await openAt(dir);
  await rejectsWith(openAt(dir), 'DATA_DIR_LOCKED');
  await store.close();
});
