import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Entry } from '../../src/raft/index.js';
import { crashEntry, crashTerm } from './fixtures/crash-data.js';
import { FixtureProcess } from './fixtures/fixture-process.js';
import { dataDirFor, openAt } from './helpers.js';

const ROUNDS = 3;

/** The highest index acknowledged on stdout ("ack <index>"), or 0. */
function lastAck(lines: readonly string[]): number {
  let last = 0;
  for (const l of lines) {
    const m = /^ack (\d+)$/.exec(l);
    if (m !== null) last = Math.max(last, Number(m[1]));
  }
  return last;
}

function assertIntact(entries: readonly Entry[], through: number): void {
  assert.ok(entries.length >= through, `only ${entries.length} entries, ${through} acknowledged`);
  for (let i = 1; i <= through; i++) {
    assert.deepStrictEqual(entries[i - 1], crashEntry(i), `entry ${i}`);
  }
}

test(
  'storage: every acknowledged entry survives kill -9 at a random moment',
  { timeout: 120_000 },
  async (t) => {
    const dir = await dataDirFor(t);
    let acked = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const writer = new FixtureProcess('crash-writer.ts', [dir]);
      t.after(() => writer.kill9());
      await writer.waitForLine((l) => l.startsWith('ack '));
      const delay = Math.floor(Math.random() * 300);
      await sleep(delay);
      await writer.kill9();
      assert.equal(writer.child.signalCode, 'SIGKILL', `writer died on its own: ${writer.stderr}`);
      const roundAck = lastAck(writer.lines);
      t.diagnostic(`round ${round}: killed after ${delay} ms, ${roundAck} acknowledged`);
      assert.ok(roundAck > acked);
      acked = roundAck;

      // The next round's writer reopens too; verify here first, every round.
      const store = await openAt(dir);
      const { entries, hardState } = store.initialState;
      assertIntact(entries, acked);
      assert.ok(hardState.term >= crashTerm(acked), `term ${hardState.term} went back`);
      assert.equal(store.stats().lastIndex, entries.length);
      t.diagnostic(`round ${round}: ${entries.length} entries on disk after reopen`);
      await store.close();
    }
  },
);
