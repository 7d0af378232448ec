/**
 * A sharded farm for the sharding service and CLI tests: populatedFarm's
 * g1 (primary a, secondary b) and g2 (spare c), plus a global group gg
 * (primary g) and g3, g4. Map 1 is RANGE over gg with shards on g1 (from
 * 0), g2 (from 1000, ENABLED) and g3 (from 5000, DISABLED), sharding
 * db.subscribers and db.calls by sub_no. Map 2 is HASH over gg with no
 * shard yet, sharding db.events by event_id.
 */
import { FakeFarm, populatedFarm } from './farm-harness.js';

export function shardedFarm(): FakeFarm {
  const f = populatedFarm();
  f.change([
    { type: 'group-create', groupId: 'gg', description: 'global' },
    { type: 'group-create', groupId: 'g3', description: '' },
    { type: 'group-create', groupId: 'g4', description: '' },
  ]);
  f.change([{ type: 'server-add', groupId: 'gg', uuid: 'uuid-g', address: 'db-g:3306' }]);
  f.change([{ type: 'server-promote', uuid: 'uuid-g' }]);
  f.change([
    { type: 'shard-map-create', mapId: 1, mapType: 'RANGE', globalGroupId: 'gg' },
    { type: 'shard-map-create', mapId: 2, mapType: 'HASH', globalGroupId: 'gg' },
    { type: 'shard-table-add', mapId: 1, table: 'db.subscribers', column: 'sub_no' },
    { type: 'shard-table-add', mapId: 1, table: 'db.calls', column: 'sub_no' },
    { type: 'shard-table-add', mapId: 2, table: 'db.events', column: 'event_id' },
  ]);
  f.change([
    { type: 'shard-add', shardId: 1, mapId: 1, lowerBound: '0', groupId: 'g1', state: 'ENABLED' },
    {
      type: 'shard-add',
      shardId: 2,
      mapId: 1,
      lowerBound: '1000',
      groupId: 'g2',
      state: 'ENABLED',
    },
    {
      type: 'shard-add',
      shardId: 3,
      mapId: 1,
      lowerBound: '5000',
      groupId: 'g3',
      state: 'DISABLED',
    },
  ]);
  return f;
}
