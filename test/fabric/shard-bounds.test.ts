/**
 * Shard bounds, ids and names in the model (issue 12): typed and canonical
 * bounds per mapping type, ids never reused, and each bad input refused
 * with nothing changed (commitRefused compares the snapshot bytes).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FabricModel, SHARD_MAP_TYPES } from '../../src/fabric/index.js';
import type { Effect, ShardMapType } from '../../src/fabric/index.js';
import { parseBound } from '../../src/routing/index.js';
import { commit, commitRefused, farm, sound } from './helpers.js';

/** A bound of each type that every reading of the issue accepts. */
const GOOD: Readonly<Record<ShardMapType, string>> = {
  RANGE: '1000',
  RANGE_STRING: 'm',
  RANGE_DATETIME: '2024-01-31T00:00:00',
  HASH: '80000000000000000000000000000000',
};

const BAD: Readonly<Record<ShardMapType, readonly string[]>> = {
  RANGE: ['abc', '1.5', '', '12x', '99999999999999999999'],
  RANGE_STRING: [],
  RANGE_DATETIME: ['yesterday', '2024-13-45T00:00:00', '', '2024-01-31T00:00:00Z'],
  HASH: ['xyz', '0', '0'.repeat(33), 'g'.repeat(32)],
};

/** Groups g1 (global), g2..g5 (free) and map 1 of `type`. */
function mapOf(type: ShardMapType): FabricModel {
  const m = farm(false);
  commit(m, [
    ...['g3', 'g4', 'g5'].map((g): Effect => ({
      type: 'group-create',
      groupId: g,
      description: '',
    })),
    { type: 'shard-map-create', mapId: 1, mapType: type, globalGroupId: 'g1' },
  ]);
  return m;
}

function add(shardId: number, groupId: string, lowerBound: string): Effect {
  return { type: 'shard-add', shardId, mapId: 1, lowerBound, groupId, state: 'DISABLED' };
}

test('shard bounds: every mapping type is accepted with a bound of its own form', () => {
  for (const type of SHARD_MAP_TYPES) {
    const m = mapOf(type);
    commit(m, [add(1, 'g2', GOOD[type])]);
    assert.equal(m.shardMap(1)?.type, type);
    const canonical = parseBound(type, GOOD[type]);
    assert.ok(canonical.ok);
    assert.equal(m.shard(1)?.lowerBound, canonical.value);
    sound(m);
  }
});

test('shard bounds: a bound that does not parse for the type is refused, saying what is allowed', () => {
  for (const type of SHARD_MAP_TYPES)
    for (const text of BAD[type]) {
      const m = mapOf(type);
      const r = commitRefused(m, [add(1, 'g2', text)], 'INVALID_ARGUMENT');
      assert.equal(r.details.rule, 'bound-type', `${type} ${text}`);
      assert.match(r.message, new RegExp(`not a lower bound for a ${type} map`));
      assert.match(r.message, /digits|date-time/, 'the reason says what the type allows');
      assert.equal(m.shards().length, 0);
    }
});

test('shard bounds: the canonical form is stored, and a second spelling of a bound is a duplicate', () => {
  const m = mapOf('HASH');
  const upper = 'ABCDEF00000000000000000000000000';
  const canonical = parseBound('HASH', upper);
  assert.ok(canonical.ok, 'routing accepts upper-case hex');
  commit(m, [add(1, 'g2', upper)]);
  assert.equal(m.shard(1)?.lowerBound, canonical.value);
  const r = commitRefused(m, [add(2, 'g3', canonical.value)], 'SHARD_EXISTS');
  assert.equal(r.details.rule, 'bound-unique');
  assert.match(r.message, /shard 1 of map 1 already has lower bound/);
  const range = mapOf('RANGE');
  commit(range, [add(1, 'g2', '0100')]);
  assert.equal(range.shard(1)?.lowerBound, '100');
  commitRefused(range, [add(2, 'g3', '100')], 'SHARD_EXISTS');
  sound(m);
  sound(range);
});

test('shard bounds: duplicates are found per map, not across maps', () => {
  const m = mapOf('RANGE');
  commit(m, [
    { type: 'shard-map-create', mapId: 2, mapType: 'RANGE', globalGroupId: 'g1' },
    add(1, 'g2', '0'),
    { type: 'shard-add', shardId: 2, mapId: 2, lowerBound: '0', groupId: 'g3', state: 'DISABLED' },
  ]);
  commitRefused(m, [add(3, 'g4', '0')], 'SHARD_EXISTS');
  sound(m);
});

test('shard ids: a removed map or shard id is never given again', () => {
  const m = mapOf('RANGE');
  commit(m, [add(1, 'g2', '0'), add(2, 'g3', '100')]);
  assert.equal(m.nextShardMapId(), 2);
  assert.equal(m.nextShardId(), 3);
  commit(m, [{ type: 'shard-remove', shardId: 2 }]);
  assert.equal(m.nextShardId(), 3, 'the removed shard 2 keeps its id');
  const shard = commitRefused(m, [add(2, 'g3', '100')], 'SHARD_EXISTS');
  assert.equal(shard.details.rule, 'id-never-reused');
  commit(m, [add(3, 'g3', '100')]);
  commit(m, [{ type: 'shard-map-create', mapId: 2, mapType: 'HASH', globalGroupId: 'g1' }]);
  commit(m, [{ type: 'shard-map-remove', mapId: 2 }]);
  const map = commitRefused(
    m,
    [{ type: 'shard-map-create', mapId: 2, mapType: 'HASH', globalGroupId: 'g1' }],
    'SHARD_MAP_EXISTS',
  );
  assert.match(map.message, /next free id is 3/);
  sound(m);
});

test('shard names: a key column must be a plain identifier', () => {
  const m = mapOf('RANGE');
  for (const column of ['a b', 'db.col', 'x'.repeat(65)]) {
    const r = commitRefused(
      m,
      [{ type: 'shard-table-add', mapId: 1, table: 'db.t', column }],
      'INVALID_ARGUMENT',
    );
    assert.equal(r.details.rule, 'column-name');
  }
  const long = commitRefused(
    m,
    [{ type: 'shard-table-add', mapId: 1, table: `db.${'t'.repeat(65)}`, column: 'k' }],
    'INVALID_ARGUMENT',
  );
  assert.equal(long.details.rule, 'table-name');
});

test('shard model: checkEffects answers as a step-done would, and changes nothing', () => {
  const m = mapOf('RANGE');
  commit(m, [add(1, 'g2', '0')]);
  const before = m.snapshot();
  const cases: [Effect[], string][] = [
    [[add(2, 'g3', 'abc')], 'INVALID_ARGUMENT'],
    [[add(2, 'g2', '5')], 'GROUP_IN_USE'],
    [[add(2, 'g1', '5')], 'GROUP_IN_USE'],
    [[{ type: 'shard-remove', shardId: 9 }], 'SHARD_NOT_FOUND'],
    [[{ type: 'shard-map-remove', mapId: 1 }], 'SHARD_MAP_IN_USE'],
  ];
  for (const [effects, code] of cases) assert.equal(m.checkEffects(effects)?.code, code);
  assert.equal(m.checkEffects([add(2, 'g3', '5')]), undefined);
  const malformed = m.checkEffects([{ type: 'shard-remove' } as unknown as Effect]);
  assert.equal(malformed?.code, 'INVALID_ARGUMENT');
  assert.deepEqual(m.snapshot(), before);
});

test('shard model: a snapshot from before the highest ids were kept restores with the ids present', () => {
  const m = mapOf('RANGE');
  commit(m, [add(1, 'g2', '0'), add(4, 'g3', '100')]);
  const doc = JSON.parse(new TextDecoder().decode(m.snapshot())) as Record<string, unknown>;
  delete doc.highestShardMapId;
  delete doc.highestShardId;
  const old = new FabricModel();
  old.restore(new TextEncoder().encode(JSON.stringify(doc)));
  assert.equal(old.nextShardMapId(), 2);
  assert.equal(old.nextShardId(), 5);
  assert.deepEqual(old.shards(), m.shards());
  sound(old);
});
