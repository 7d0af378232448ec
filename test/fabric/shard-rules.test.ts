/** Shard maps, tables and shards (model only) and their rules (mysql-fabric.md §5). */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Effect, FabricModel } from '../../src/fabric/index.js';
import { commit, commitRefused, farm, sound } from './helpers.js';

/** Groups g1 (global), g2, g3; map 1 (RANGE) with table db.orders and shard 1 on g2. */
function sharded(): FabricModel {
  const m = farm(false);
  commit(m, [
    { type: 'group-create', groupId: 'g3', description: '' },
    { type: 'shard-map-create', mapId: 1, mapType: 'RANGE', globalGroupId: 'g1' },
    { type: 'shard-table-add', mapId: 1, table: 'db.orders', column: 'customer_id' },
    { type: 'shard-add', shardId: 1, mapId: 1, lowerBound: '0', groupId: 'g2', state: 'ENABLED' },
  ]);
  return m;
}

test('fabric: shard map, table and shard are created and listed', () => {
  const m = sharded();
  assert.deepEqual(m.shardMaps(), [{ id: 1, type: 'RANGE', globalGroupId: 'g1' }]);
  assert.deepEqual(m.shardTable('db.orders'), {
    mapId: 1,
    table: 'db.orders',
    column: 'customer_id',
  });
  assert.deepEqual(m.shards(1), [
    { id: 1, mapId: 1, lowerBound: '0', groupId: 'g2', state: 'ENABLED' },
  ]);
  sound(m);
});

test('fabric: shard map ids and tables are unique; maps need an existing global group', () => {
  const m = sharded();
  const map = (mapId: number, g: string): Effect => ({
    type: 'shard-map-create',
    mapId,
    mapType: 'HASH',
    globalGroupId: g,
  });
  commitRefused(m, [map(1, 'g3')], 'SHARD_MAP_EXISTS');
  commitRefused(m, [map(2, 'nope')], 'GROUP_NOT_FOUND');
  commitRefused(m, [map(2, 'g2')], 'GROUP_IN_USE'); // g2 holds a shard
  const table = commitRefused(
    m,
    [{ type: 'shard-table-add', mapId: 1, table: 'db.orders', column: 'x' }],
    'SHARD_TABLE_EXISTS',
  );
  assert.match(table.message, /shard-table:db\.orders/);
  commitRefused(
    m,
    [{ type: 'shard-table-add', mapId: 9, table: 'db.t', column: 'x' }],
    'SHARD_MAP_NOT_FOUND',
  );
  for (const t of ['orders', 'db.', '.t', 'a.b.c', 'db .t'])
    commitRefused(
      m,
      [{ type: 'shard-table-add', mapId: 1, table: t, column: 'x' }],
      'INVALID_ARGUMENT',
    );
});

test('fabric: a shard group holds one shard and is no global group; bounds are unique per map', () => {
  const m = sharded();
  const add = (shardId: number, groupId: string, lowerBound: string): Effect => ({
    type: 'shard-add',
    shardId,
    mapId: 1,
    lowerBound,
    groupId,
    state: 'DISABLED',
  });
  commitRefused(m, [add(1, 'g3', '100')], 'SHARD_EXISTS');
  commitRefused(m, [add(2, 'g2', '100')], 'GROUP_IN_USE');
  commitRefused(m, [add(2, 'g1', '100')], 'GROUP_IN_USE');
  commitRefused(m, [add(2, 'g9', '100')], 'GROUP_NOT_FOUND');
  const bound = commitRefused(m, [add(2, 'g3', '0')], 'SHARD_EXISTS');
  assert.equal(bound.details.rule, 'bound-unique');
  commit(m, [add(2, 'g3', '100')]);
  sound(m);
});

test('fabric: a shard must be DISABLED before it is removed', () => {
  const m = sharded();
  const r = commitRefused(m, [{ type: 'shard-remove', shardId: 1 }], 'INVALID_TRANSITION');
  assert.match(r.message, /disable it first/);
  commit(m, [
    { type: 'shard-set-state', shardId: 1, state: 'DISABLED' },
    { type: 'shard-remove', shardId: 1 },
  ]);
  assert.equal(m.shard(1), undefined);
  commitRefused(m, [{ type: 'shard-remove', shardId: 1 }], 'SHARD_NOT_FOUND');
});

test('fabric: move a shard to an empty group; not onto another shard group or a global group', () => {
  const m = sharded();
  commitRefused(m, [{ type: 'shard-set-group', shardId: 1, groupId: 'g1' }], 'GROUP_IN_USE');
  commit(m, [{ type: 'shard-set-group', shardId: 1, groupId: 'g3' }]);
  assert.equal(m.shard(1)?.groupId, 'g3');
  // g2 is free again: it may be destroyed.
  commit(m, [{ type: 'group-destroy', groupId: 'g2' }]);
  sound(m);
});

test('fabric: a shard map is removed only without tables or shards', () => {
  const m = sharded();
  commitRefused(m, [{ type: 'shard-map-remove', mapId: 1 }], 'SHARD_MAP_IN_USE');
  commit(m, [
    { type: 'shard-table-remove', table: 'db.orders' },
    { type: 'shard-set-state', shardId: 1, state: 'DISABLED' },
    { type: 'shard-remove', shardId: 1 },
    { type: 'shard-map-remove', mapId: 1 },
  ]);
  assert.deepEqual(m.shardMaps(), []);
  commitRefused(m, [{ type: 'shard-table-remove', table: 'db.orders' }], 'SHARD_TABLE_NOT_FOUND');
  commitRefused(m, [{ type: 'shard-map-remove', mapId: 1 }], 'SHARD_MAP_NOT_FOUND');
  sound(m);
});
