/** Shard roles from the model: who links to whom, what HA locks, which domains are relayed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  globalGroupOf,
  gtidDomainEffects,
  haLockKeys,
  linkedShardGroups,
  relayedDomains,
} from '../../src/executor/farm/index.js';
import { FabricModel } from '../../src/fabric/index.js';
import type { Effect } from '../../src/fabric/index.js';
import { commit } from '../fabric/helpers.js';

function sharded(): FabricModel {
  const m = new FabricModel();
  const groups = ['glob', 's1', 's2', 's3', 'plain'];
  commit(m, [
    ...groups.flatMap((groupId): Effect[] => [
      { type: 'group-create', groupId, description: '' },
      { type: 'group-assign-gtid-domain', groupId },
    ]),
    { type: 'group-create', groupId: 'legacy', description: '' },
    { type: 'shard-map-create', mapId: 1, mapType: 'RANGE', globalGroupId: 'glob' },
    ...['s1', 's2', 's3'].map((groupId, i): Effect => ({
      type: 'shard-add',
      shardId: i + 1,
      mapId: 1,
      lowerBound: String(i * 100),
      groupId,
      state: groupId === 's3' ? 'DISABLED' : 'ENABLED',
    })),
  ]);
  return m;
}

test('shard roles: only ENABLED shards are linked to their map’s global group', () => {
  const m = sharded();
  assert.equal(globalGroupOf(m, 's1')?.id, 'glob');
  assert.equal(globalGroupOf(m, 's3'), undefined, 'a DISABLED shard is not linked');
  assert.equal(globalGroupOf(m, 'plain'), undefined);
  assert.deepEqual(linkedShardGroups(m, 'glob'), ['s1', 's2']);
  assert.deepEqual(linkedShardGroups(m, 's1'), []);
});

test('shard roles: HA procedures lock both ends of every global link they move', () => {
  const m = sharded();
  assert.deepEqual(haLockKeys(m, 'plain'), ['group:plain']);
  assert.deepEqual(haLockKeys(m, 's1'), ['group:glob', 'group:s1']);
  assert.deepEqual(haLockKeys(m, 'glob'), ['group:glob', 'group:s1', 'group:s2']);
});

test('shard roles: a shard group relays its global group’s domain; a group without a domain gets one', () => {
  const m = sharded();
  assert.deepEqual(relayedDomains(m, 's1'), [m.group('glob')?.gtidDomainId]);
  assert.deepEqual(relayedDomains(m, 'glob'), []);
  assert.deepEqual(gtidDomainEffects(m, 's1'), []);
  assert.deepEqual(gtidDomainEffects(m, 'legacy'), [
    { type: 'group-assign-gtid-domain', groupId: 'legacy' },
  ]);
});
