/**
 * kill -9 of the Fabric leader during a switchover, at every step boundary
 * and at random moments: the new leader finishes it, once, and the group
 * ends with exactly one primary (the only writable server) and every
 * secondary replicating from it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeededRng } from '../../src/raft/index.js';
import { sleep } from '../cluster/cluster.js';
import { readOnlyFlags, setUpGroup, startFarm } from './farm.js';
import type { Farm } from './farm.js';
import { waitForStepDone } from './procedure-watch.js';

/** Every step waits this long after its start commits: room to kill between two steps. */
const STEP_PAUSE_MS = 200;
const STEPS = 7;

async function killLeaderDuringSwitchover(
  farm: Farm,
  at: { boundary: number } | { afterMs: number },
): Promise<{ killed: string; attempts: number[] }> {
  const leader = await farm.cluster.waitForLeader();
  const observer = farm.clientExcept(leader);
  const via = farm.cluster.running().find((n) => n.id !== leader)?.id ?? '';
  const submitted = await observer.groups.promote('g1', { noWait: true });
  if ('boundary' in at) await waitForStepDone(farm, via, submitted.id, at.boundary - 1);
  else await sleep(at.afterMs);
  await farm.cluster.node(leader).kill9();
  const done = await observer.waitProcedure(submitted.id, 60_000);
  const p = done.procedure;
  assert.equal(
    p?.state,
    'PROCEDURE_STATE_DONE',
    `procedure ${submitted.id}: ${JSON.stringify(p?.error)}`,
  );
  farm.cluster.node(leader).start();
  await farm.cluster.waitForLeader();
  return { killed: leader, attempts: p.steps.map((s) => s.attempts) };
}

async function assertOnePrimary(farm: Farm, via: string): Promise<void> {
  const c = farm.client(via);
  const primaries = await c.groups.lookupServers('g1', { status: 'PRIMARY' });
  assert.equal(primaries.length, 1, 'exactly one PRIMARY in the model');
  const flags = await readOnlyFlags(farm);
  const writable = farm.fleet.servers.filter((_, i) => flags[i] === false).map((s) => s.address);
  assert.deepEqual(writable, [primaries[0]?.address], 'the primary is the only writable server');
  const h = await c.groups.health('g1');
  for (const row of h) {
    assert.deepEqual(row.issues, [], `${row.address}: ${row.issues.join('; ')}`);
    if (row.address !== primaries[0]?.address)
      assert.equal(row.replicating_from, primaries[0]?.address);
  }
}

test('switchover: kill -9 of the Fabric leader at every step boundary and at random moments', async (t) => {
  const farm = await startFarm(t, { stepPauseMs: STEP_PAUSE_MS });
  await setUpGroup(farm);
  const rng = new SeededRng(Number(process.env.SEED ?? 4));
  const runs: ({ boundary: number } | { afterMs: number })[] = [
    ...Array.from({ length: STEPS - 1 }, (_, i) => ({ boundary: i + 1 })),
    ...Array.from({ length: 3 }, () => ({ afterMs: rng.int(STEPS * STEP_PAUSE_MS) })),
  ];
  let promotes = 0;
  for (const at of runs) {
    const r = await killLeaderDuringSwitchover(farm, at);
    promotes++;
    t.diagnostic(
      `${JSON.stringify(at)}: killed ${r.killed}; attempts per step ${r.attempts.join(',')}`,
    );
    const via = farm.cluster.running().find((n) => n.id !== r.killed)?.id ?? 'n1';
    await assertOnePrimary(farm, via);
  }
  const all = await farm.client().procedures({ states: [], limit: 1000 });
  const count = all.procedures.filter((p) => p.name === 'group.promote').length;
  assert.equal(count, promotes + 1, 'each switchover ran as exactly one procedure');
});
