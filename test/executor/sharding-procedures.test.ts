/**
 * The sharding procedures (issue 12) against a real model: the contract's
 * names, arguments and outputs, admission refusing bad input with the
 * model's codes and queuing nothing, the lock keys, the step order around
 * the global link, and steps that are harmless when run again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { JsonValue } from '../../src/fabric/index.js';
import { evenHashBound, parseBound } from '../../src/routing/index.js';
import { isFabricError } from '../../src/util/fabric-error.js';
import type { FabricErrorCode } from '../../src/util/fabric-error.js';
import { shardingFarm } from './sharding-harness.js';
import type { ShardingHarness } from './sharding-harness.js';

/** Admission must refuse with `code`, leaving no procedure and no change behind. */
function refused(h: ShardingHarness, name: string, args: JsonValue, code: FabricErrorCode): string {
  const before = h.model.snapshot();
  let message = '';
  assert.throws(
    () => h.submit(name, args),
    (e: unknown) => {
      assert.ok(isFabricError(e), String(e));
      assert.equal(e.code, code, e.message);
      message = e.message;
      return true;
    },
  );
  assert.deepEqual(h.model.snapshot(), before, `${name}: a refused submission changed the model`);
  return message;
}

/** Map 1 (RANGE, global g1) with table db.subscribers and shard 1 (bound 0, g2, DISABLED). */
async function rangeMap(): Promise<ShardingHarness> {
  const h = shardingFarm();
  assert.deepEqual(
    await h.call('sharding.create-definition', { type: 'RANGE', globalGroup: 'g1' }),
    { mapId: 1 },
  );
  await h.call('sharding.add-table', { mapId: 1, table: 'db.subscribers', column: 'sub_no' });
  assert.deepEqual(
    await h.call('sharding.add-shard', { mapId: 1, group: 'g2', bound: '0', state: 'DISABLED' }),
    { shardId: 1, bound: '0' },
  );
  return h;
}

test('sharding procedures: the contract names, each with its steps in order', () => {
  const h = shardingFarm();
  const steps = (name: string): string[] =>
    h.registry.get(name)?.steps.map((s) => s.name) ?? ['(not registered)'];
  assert.deepEqual(steps('sharding.create-definition'), ['update-metadata']);
  assert.deepEqual(steps('sharding.remove-definition'), ['update-metadata']);
  assert.deepEqual(steps('sharding.add-table'), ['update-metadata']);
  assert.deepEqual(steps('sharding.remove-table'), ['update-metadata']);
  assert.deepEqual(steps('sharding.add-shard'), ['check', 'link-global', 'update-metadata']);
  assert.deepEqual(steps('sharding.enable-shard'), ['link-global', 'set-state']);
  assert.deepEqual(steps('sharding.disable-shard'), ['set-state', 'unlink-global']);
  assert.deepEqual(steps('sharding.remove-shard'), ['unlink-global', 'update-metadata']);
  assert.deepEqual(steps('sharding.move-shard'), [
    'check',
    'link-destination',
    'record-position',
    'copy',
    'catch-up',
    'cutover',
    'finish',
  ]);
  assert.deepEqual(steps('sharding.verify-shard'), ['compare']);
});

test('sharding procedures: move-shard refuses an unknown shard, the global group, a group holding a shard, and bad sizes', async () => {
  const h = await rangeMap();
  refused(h, 'sharding.move-shard', { shardId: 9, group: 'g3' }, 'SHARD_NOT_FOUND');
  refused(h, 'sharding.move-shard', { shardId: 1, group: 'g1' }, 'GROUP_IN_USE');
  refused(h, 'sharding.move-shard', { shardId: 1, group: 'g2' }, 'GROUP_IN_USE');
  refused(h, 'sharding.move-shard', { shardId: 1, group: 'nope' }, 'GROUP_NOT_FOUND');
  refused(h, 'sharding.move-shard', { shardId: 1, group: 'g3', chunkRows: 0 }, 'INVALID_ARGUMENT');
});

test('sharding procedures: definitions get ids from 1, never reused; tables and definitions are removed', async () => {
  const h = await rangeMap();
  assert.deepEqual(h.model.shardMap(1), { id: 1, type: 'RANGE', globalGroupId: 'g1' });
  assert.deepEqual(
    await h.call('sharding.create-definition', { type: 'HASH', globalGroup: 'g1' }),
    { mapId: 2 },
  );
  assert.equal(await h.call('sharding.remove-definition', { mapId: 2 }), null);
  assert.deepEqual(
    await h.call('sharding.create-definition', { type: 'RANGE_STRING', globalGroup: 'g5' }),
    { mapId: 3 },
  );
  assert.equal(await h.call('sharding.remove-table', { table: 'db.subscribers' }), null);
  assert.equal(h.model.shardTable('db.subscribers'), undefined);
  assert.deepEqual(h.model.invariantProblems(), []);
});

test('sharding procedures: lock keys name the map, the shard, the groups and the id allocators', async () => {
  const h = await rangeMap();
  const keys = (name: string, args: JsonValue): readonly string[] => h.submit(name, args).lockKeys;
  assert.deepEqual(keys('sharding.create-definition', { type: 'HASH', globalGroup: 'g5' }), [
    'group:g5',
    'ids:map',
  ]);
  assert.deepEqual(keys('sharding.add-table', { mapId: 1, table: 'db.t', column: 'k' }), [
    'map:1',
    'table:db.t',
  ]);
  assert.deepEqual(keys('sharding.remove-table', { table: 'db.subscribers' }), [
    'map:1',
    'table:db.subscribers',
  ]);
  assert.deepEqual(keys('sharding.add-shard', { mapId: 1, group: 'g3', bound: '100' }), [
    'group:g1',
    'group:g3',
    'ids:shard',
    'map:1',
  ]);
  for (const name of ['sharding.enable-shard', 'sharding.disable-shard', 'sharding.remove-shard'])
    assert.deepEqual(h.registry.get(name)?.lockKeys({ shardId: 1 }), [
      'shard:1',
      'map:1',
      'group:g2',
      'group:g1',
    ]);
  assert.deepEqual(h.registry.get('sharding.remove-definition')?.lockKeys({ mapId: 1 }), [
    'map:1',
    'group:g1',
  ]);
});

test('sharding procedures: bad definitions and tables are refused at admission with the model codes', async () => {
  const h = await rangeMap();
  const create = 'sharding.create-definition';
  assert.match(refused(h, create, { type: 'LIST', globalGroup: 'g1' }, 'INVALID_ARGUMENT'), /type/);
  refused(h, create, { type: 'RANGE' }, 'INVALID_ARGUMENT');
  refused(h, create, { type: 'RANGE', globalGroup: 'nope' }, 'GROUP_NOT_FOUND');
  assert.match(
    refused(h, create, { type: 'RANGE', globalGroup: 'g2' }, 'GROUP_IN_USE'),
    /holds shard 1/,
  );
  const addTable = 'sharding.add-table';
  for (const table of ['subscribers', 'db.', 'a.b.c', 'db .t'])
    assert.match(
      refused(h, addTable, { mapId: 1, table, column: 'k' }, 'INVALID_ARGUMENT'),
      /db\.table/,
    );
  refused(h, addTable, { mapId: 1, table: 'db.subscribers', column: 'k' }, 'SHARD_TABLE_EXISTS');
  refused(h, addTable, { mapId: 9, table: 'db.t', column: 'k' }, 'SHARD_MAP_NOT_FOUND');
  refused(h, addTable, { mapId: 0, table: 'db.t', column: 'k' }, 'INVALID_ARGUMENT');
  refused(h, 'sharding.remove-table', { table: 'db.nope' }, 'SHARD_TABLE_NOT_FOUND');
  refused(h, 'sharding.remove-definition', { mapId: 1 }, 'SHARD_MAP_IN_USE');
  refused(h, 'sharding.remove-definition', { mapId: 7 }, 'SHARD_MAP_NOT_FOUND');
});

test('sharding procedures: bad shards are refused at admission with the model codes', async () => {
  const h = await rangeMap();
  const add = 'sharding.add-shard';
  const bad = refused(h, add, { mapId: 1, group: 'g3', bound: 'abc' }, 'INVALID_ARGUMENT');
  assert.match(bad, /not a lower bound for a RANGE map/);
  assert.match(refused(h, add, { mapId: 1, group: 'g3' }, 'INVALID_ARGUMENT'), /bound/);
  const twin = refused(h, add, { mapId: 1, group: 'g3', bound: '0' }, 'SHARD_EXISTS');
  assert.match(twin, /bound-unique/);
  assert.match(refused(h, add, { mapId: 1, group: 'g1', bound: '5' }, 'GROUP_IN_USE'), /global/);
  refused(h, add, { mapId: 1, group: 'g2', bound: '5' }, 'GROUP_IN_USE');
  refused(h, add, { mapId: 1, group: 'g9', bound: '5' }, 'GROUP_NOT_FOUND');
  refused(h, add, { mapId: 1, group: 'g3', bound: '5', state: 'ON' }, 'INVALID_ARGUMENT');
  const noPrimary = refused(h, add, { mapId: 1, group: 'g4', bound: '5' }, 'INVALID_TRANSITION');
  assert.match(noPrimary, /shard group g4 has no primary/);
  refused(h, 'sharding.enable-shard', { shardId: 9 }, 'SHARD_NOT_FOUND');
  refused(h, 'sharding.disable-shard', { shardId: 1 }, 'INVALID_TRANSITION');
  refused(h, 'sharding.remove-shard', { shardId: 'one' }, 'INVALID_ARGUMENT');
  h.change([{ type: 'shard-set-state', shardId: 1, state: 'ENABLED' }]);
  assert.match(
    refused(h, 'sharding.remove-shard', { shardId: 1 }, 'INVALID_TRANSITION'),
    /disable it first/,
  );
  refused(h, 'sharding.enable-shard', { shardId: 1 }, 'INVALID_TRANSITION');
});

test('sharding procedures: add-shard answers the id and the canonical bound; HASH splits evenly by default', async () => {
  const h = shardingFarm();
  await h.call('sharding.create-definition', { type: 'HASH', globalGroup: 'g1' });
  const first = await h.call('sharding.add-shard', { mapId: 1, group: 'g2', state: 'DISABLED' });
  const b1 = evenHashBound([]);
  assert.deepEqual(first, { shardId: 1, bound: b1 });
  const second = await h.call('sharding.add-shard', { mapId: 1, group: 'g3', state: 'DISABLED' });
  assert.deepEqual(second, { shardId: 2, bound: evenHashBound([b1]) });
  const upper = 'C0000000000000000000000000000000';
  const canonical = parseBound('HASH', upper);
  assert.ok(canonical.ok);
  assert.deepEqual(
    await h.call('sharding.add-shard', {
      mapId: 1,
      group: 'g5',
      bound: upper,
      state: 'DISABLED',
    }),
    { shardId: 3, bound: canonical.value },
  );
  assert.deepEqual(
    h.model.shards(1).map((s) => [s.id, s.groupId, s.state]),
    [
      [1, 'g2', 'DISABLED'],
      [2, 'g3', 'DISABLED'],
      [3, 'g5', 'DISABLED'],
    ],
  );
});

test('sharding procedures: a re-run of add-shard update-metadata is harmless (one shard, same answer)', async () => {
  const h = await rangeMap();
  const p = h.submit('sharding.add-shard', {
    mapId: 1,
    group: 'g3',
    bound: '100',
    state: 'DISABLED',
  });
  h.complete(p.id, await h.run(p.id)); // check
  h.complete(p.id, await h.run(p.id)); // link-global: nothing to link for a DISABLED shard
  // The leader runs update-metadata and dies before its completion commits; the next one runs it again.
  const first = await h.run(p.id, 1);
  const again = await h.run(p.id, 2);
  assert.deepEqual(again, first);
  h.complete(p.id, again, 2);
  // The old leader's late completion is refused: the step is done, and its term is stale.
  assert.equal(h.model.apply(h.doneCommand(p.id, first, 1, 2)).ok, false);
  assert.deepEqual(h.model.procedure(p.id)?.result, { shardId: 2, bound: '100' });
  assert.deepEqual(
    h.model.shards(1).map((s) => s.id),
    [1, 2],
  );
  assert.deepEqual(h.model.invariantProblems(), []);
});

test('sharding procedures: a request id sent twice starts one procedure', async () => {
  const h = shardingFarm();
  const args = { type: 'RANGE', globalGroup: 'g1' };
  const p = h.submit('sharding.create-definition', args, 'same');
  await h.runToEnd(p.id);
  assert.equal(h.submit('sharding.create-definition', args, 'same').id, p.id);
  assert.equal(h.model.shardMaps().length, 1);
});

test('sharding procedures: every step re-checks the farm the procedure waited for', async () => {
  const h = await rangeMap();
  const p = h.submit('sharding.add-shard', { mapId: 1, group: 'g3', bound: '100' });
  // While it waited for its locks, g3 lost its primary.
  h.change([{ type: 'server-demote', uuid: 'd' }]);
  await assert.rejects(h.run(p.id), { code: 'INVALID_TRANSITION' });
  const h2 = await rangeMap();
  const t = h2.submit('sharding.add-table', { mapId: 1, table: 'db.t', column: 'k' });
  h2.change([{ type: 'shard-table-add', mapId: 1, table: 'db.t', column: 'other' }]);
  await assert.rejects(h2.run(t.id), { code: 'SHARD_TABLE_EXISTS' });
});

test('sharding procedures: a step refuses to act on a group it holds no lock for', async () => {
  const h = await rangeMap();
  const p = h.submit('sharding.enable-shard', { shardId: 1 });
  // The shard moved to g3 while enable-shard waited (stage 8's move-shard): g3 is not locked.
  h.change([{ type: 'shard-set-group', shardId: 1, groupId: 'g3' }]);
  await assert.rejects(h.run(p.id), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'INVALID_TRANSITION');
    assert.match(e.message, /group:g3/);
    return true;
  });
});

test('sharding procedures: enable links before routing; disable stops routing before unlinking', async () => {
  const h = await rangeMap();
  const enable = h.submit('sharding.enable-shard', { shardId: 1 });
  // The first step is the link, which needs MySQL (or refuses two groups in one
  // GTID domain): this harness has no servers, so it fails, and routing stays off.
  await assert.rejects(h.run(enable.id), /same gtid domain|reached MySQL/);
  assert.equal(h.model.shard(1)?.state, 'DISABLED', 'no key routes to an unlinked group');

  const h2 = await rangeMap();
  h2.change([{ type: 'shard-set-state', shardId: 1, state: 'ENABLED' }]);
  const disable = h2.submit('sharding.disable-shard', { shardId: 1 });
  h2.complete(disable.id, await h2.run(disable.id));
  assert.equal(h2.model.shard(1)?.state, 'DISABLED', 'routing stops first');
  await assert.rejects(h2.run(disable.id), /reached MySQL/, 'then the unlink, on MySQL');
});

test('sharding procedures: remove-shard unlinks, then removes the DISABLED shard', async () => {
  const h = await rangeMap();
  const p = h.submit('sharding.remove-shard', { shardId: 1 });
  const unlink = h.registry.get('sharding.remove-shard')?.steps[0];
  assert.equal(unlink?.name, 'unlink-global');
  await assert.rejects(h.run(p.id), /reached MySQL/, 'the unlink acts on MySQL');
  // As if the link work had succeeded: complete the unlink step and run the metadata step.
  h.complete(p.id, { output: null, effects: [] }, 1);
  h.complete(p.id, await h.run(p.id));
  assert.equal(h.model.shard(1), undefined);
  assert.equal(h.model.procedure(p.id)?.result, null);
  assert.deepEqual(h.model.invariantProblems(), []);
});
