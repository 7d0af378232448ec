/**
 * The real farm procedures (group.create/add/promote/failover) acting on the
 * simulated MariaDB fleet under simulated time: what a failover does to the
 * servers, and the two fleet invariants the whole-system simulator checks —
 * at most one writable server per group, and no write acknowledged under
 * lossless semi-sync lost by a failover (while asynchronous replication,
 * the unsafe setting, does lose them: the check can fail).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fencer, FenceMode, UnsafeVariants } from '../../../src/executor/farm/index.js';
import { FarmOnFleet } from './farm-on-fleet.js';
import { ManualClock } from './sim-clock.js';
import { SimFleet } from './sim-fleet.js';

const ADDRESSES = ['10.0.0.1:3306', '10.0.0.2:3306', '10.0.0.3:3306'];

function fencer(mode: FenceMode): Fencer {
  return { mode, fence: () => Promise.reject(new Error('no fence program in this test')) };
}

async function groupOf(
  mode: FenceMode,
  unsafe: UnsafeVariants = {},
): Promise<{ farm: FarmOnFleet; clock: ManualClock }> {
  const clock = new ManualClock();
  const fleet = new SimFleet({ clock });
  // The operator's option files: semi-sync replicas where the fence relies on them.
  for (const a of ADDRESSES) fleet.add(a).semiSyncReplica = mode === 'semi-sync';
  // fence = 'command' here is STONITH: the program powers the old primary off.
  const stonith: Fencer = {
    mode: 'command',
    fence: (target) => {
      fleet.server(target.address)?.crash();
      return Promise.resolve(`powered off ${target.address}`);
    },
  };
  const farm = new FarmOnFleet(fleet, clock, mode === 'command' ? stonith : fencer(mode), unsafe);
  const run = async (name: string, args: Record<string, unknown>): Promise<void> => {
    const p = await farm.finish(farm.submit(name, args), (ms) => clock.advance(ms));
    assert.equal(p.state, 'DONE', `${name}: ${JSON.stringify(p.error)}`);
  };
  await run('group.create', { group: 'g1' });
  for (const address of ADDRESSES) await run('group.add', { group: 'g1', address });
  await run('group.promote', { group: 'g1' });
  return { farm, clock };
}

function primaryOf(farm: FarmOnFleet): { uuid: string; address: string } {
  const uuid = farm.model.group('g1')?.primary;
  const s = uuid === undefined || uuid === null ? undefined : farm.model.server(uuid);
  assert.ok(s !== undefined, 'the group has a primary');
  return { uuid: s.uuid, address: s.address };
}

/** Up servers of the group whose read_only is off. */
function writable(farm: FarmOnFleet): string[] {
  return farm.fleet
    .servers()
    .filter((s) => s.power === 'up' && !s.readOnly)
    .map((s) => s.address);
}

/** Writes one row every 20 ms to whatever the model says is the primary, until stopped. */
function workload(farm: FarmOnFleet): { stop(): void; done: Promise<void> } {
  const state = { stopped: false };
  let n = 0;
  const done = (async () => {
    while (!state.stopped) {
      await farm.fleet.write(primaryOf(farm).address, `row-${++n}`);
      await farm.fleet.clock.sleep(20);
    }
  })();
  return {
    stop: () => {
      state.stopped = true;
    },
    done,
  };
}

async function crashAndFailOver(farm: FarmOnFleet, clock: ManualClock): Promise<string> {
  const old = primaryOf(farm);
  farm.fleet.server(old.address)?.crash();
  const p = await farm.finish(
    farm.submit('group.failover', { group: 'g1', server: old.uuid, evidence: null }),
    (ms) => clock.advance(ms),
  );
  assert.equal(p.state, 'DONE', JSON.stringify(p.error));
  const now = primaryOf(farm);
  assert.notEqual(now.uuid, old.uuid);
  return now.address;
}

test('farm on fleet: promote makes one writable primary and the others replicate from it', async () => {
  const { farm, clock } = await groupOf('none');
  const primary = primaryOf(farm);
  assert.deepEqual(writable(farm), [primary.address]);
  const w = farm.fleet.write(primary.address, 'hello');
  await clock.advance(50);
  assert.equal(await w, 'acked');
  await farm.finish(farm.submit('group.description', { group: 'g1', description: 'x' }), (ms) =>
    clock.advance(ms),
  );
  for (let i = 0; i < 3; i++) {
    await clock.advance(300);
    farm.fleet.step();
  }
  for (const s of farm.fleet.servers()) assert.deepEqual(s.log.keys(), ['hello']);
  await farm.stop();
});

test('farm on fleet: a failover under lossless semi-sync loses no acknowledged write', async () => {
  const { farm, clock } = await groupOf('semi-sync');
  const load = workload(farm);
  for (let i = 0; i < 20; i++) {
    farm.fleet.step();
    await clock.advance(50);
  }
  const next = await crashAndFailOver(farm, clock);
  load.stop();
  await clock.advance(100);
  assert.deepEqual(writable(farm), [next]);
  const acked = farm.fleet.acknowledged;
  assert.ok(acked.length > 10, `the workload wrote (${acked.length} acknowledged)`);
  const survivor = farm.fleet.server(next);
  const lost = acked.filter((w) => survivor?.log.has(w.gtid) !== true);
  assert.deepEqual(lost, [], 'every acknowledged write is on the new primary');
  await farm.stop();
});

test('farm on fleet: with asynchronous replication the same check finds lost writes', async () => {
  const { farm, clock } = await groupOf('none');
  const old = primaryOf(farm);
  // The replicas stop receiving (a cut the primary does not notice), then it crashes.
  for (const s of farm.fleet.servers())
    if (s.address !== old.address) farm.fleet.cut(s.address, old.address);
  const load = workload(farm);
  for (let i = 0; i < 10; i++) {
    farm.fleet.step();
    await clock.advance(50);
  }
  load.stop();
  const next = await crashAndFailOver(farm, clock);
  const survivor = farm.fleet.server(next);
  const lost = farm.fleet.acknowledged.filter((w) => survivor?.log.has(w.gtid) !== true);
  assert.ok(lost.length > 0, 'acknowledged writes the new primary never got');
  await farm.stop();
});

/**
 * The primary is alive and the application still reaches it; only Fabric
 * lost it. After the failover the application, still holding connections
 * to the old primary, keeps writing there: every write it gets acknowledged
 * there is lost (split brain) unless the fence stopped the old primary.
 */
async function splitBrainWrites(farm: FarmOnFleet, clock: ManualClock): Promise<number> {
  const old = primaryOf(farm);
  farm.fleet.cut('n1', old.address);
  const p = await farm.finish(
    farm.submit('group.failover', { group: 'g1', server: old.uuid, evidence: null }),
    (ms) => clock.advance(ms),
  );
  assert.equal(p.state, 'DONE', JSON.stringify(p.error));
  const before = farm.fleet.acknowledged.length;
  const late = [1, 2, 3].map((i) => farm.fleet.write(old.address, `late-${i}`));
  for (let i = 0; i < 10; i++) {
    farm.fleet.step();
    await clock.advance(50);
  }
  await Promise.race([Promise.all(late), clock.advance(0)]);
  return farm.fleet.acknowledged.slice(before).filter((w) => w.address === old.address).length;
}

test('farm on fleet: a fenced failover of a primary cut only from Fabric leaves no second writer', async () => {
  const { farm, clock } = await groupOf('command');
  assert.equal(await splitBrainWrites(farm, clock), 0);
  await farm.stop();
});

test('farm on fleet: the unsafe variant (promotion without the fence) is caught: the old primary acknowledges writes', async () => {
  const { farm, clock } = await groupOf('command', { promoteWithoutFence: true });
  assert.ok((await splitBrainWrites(farm, clock)) > 0);
  await farm.stop();
});
