import type { Effect, EffectType } from './effects.js';
import { EFFECT_TYPES } from './effects.js';
import {
  REPLICATION_STATES,
  REACHABILITIES,
  SERVER_MODES,
  SERVER_STATUSES,
  SHARD_MAP_TYPES,
  SHARD_STATES,
} from './farm-types.js';
import { FieldReader } from './field-reader.js';

type Reader = (f: FieldReader) => Effect;

/** Shape only: which fields, of which types and enumerations. The rules live in the *-effects.ts files. */
const READERS: Readonly<Record<EffectType, Reader>> = {
  'group-create': (f) => ({
    type: 'group-create',
    groupId: f.str('groupId'),
    description: f.text('description'),
  }),
  'group-destroy': (f) => ({ type: 'group-destroy', groupId: f.str('groupId') }),
  'group-set-description': (f) => ({
    type: 'group-set-description',
    groupId: f.str('groupId'),
    description: f.text('description'),
  }),
  'group-activate': (f) => ({ type: 'group-activate', groupId: f.str('groupId') }),
  'group-deactivate': (f) => ({ type: 'group-deactivate', groupId: f.str('groupId') }),
  'group-set-primary': (f) => ({
    type: 'group-set-primary',
    groupId: f.str('groupId'),
    uuid: f.nullableStr('uuid'),
  }),
  'group-assign-gtid-domain': (f) => ({
    type: 'group-assign-gtid-domain',
    groupId: f.str('groupId'),
  }),
  'server-add': readServerAdd,
  'server-remove': (f) => ({ type: 'server-remove', uuid: f.str('uuid') }),
  'server-set-status': (f) => ({
    type: 'server-set-status',
    uuid: f.str('uuid'),
    status: f.oneOf('status', SERVER_STATUSES),
  }),
  'server-set-mode': (f) => ({
    type: 'server-set-mode',
    uuid: f.str('uuid'),
    mode: f.oneOf('mode', SERVER_MODES),
  }),
  'server-set-weight': (f) => ({
    type: 'server-set-weight',
    uuid: f.str('uuid'),
    weight: f.num('weight'),
  }),
  'server-set-replication': (f) => ({
    type: 'server-set-replication',
    uuid: f.str('uuid'),
    state: f.oneOf('state', REPLICATION_STATES),
  }),
  'server-set-reachability': (f) => ({
    type: 'server-set-reachability',
    uuid: f.str('uuid'),
    reachability: f.oneOf('reachability', REACHABILITIES),
  }),
  'server-set-address': (f) => ({
    type: 'server-set-address',
    uuid: f.str('uuid'),
    address: f.str('address'),
  }),
  'server-promote': (f) => ({ type: 'server-promote', uuid: f.str('uuid') }),
  'server-demote': (f) => ({ type: 'server-demote', uuid: f.str('uuid') }),
  'server-mark-faulty': (f) => ({ type: 'server-mark-faulty', uuid: f.str('uuid') }),
  'shard-map-create': (f) => ({
    type: 'shard-map-create',
    mapId: f.int('mapId', 1),
    mapType: f.oneOf('mapType', SHARD_MAP_TYPES),
    globalGroupId: f.str('globalGroupId'),
  }),
  'shard-map-remove': (f) => ({ type: 'shard-map-remove', mapId: f.int('mapId', 1) }),
  'shard-table-add': (f) => ({
    type: 'shard-table-add',
    mapId: f.int('mapId', 1),
    table: f.str('table'),
    column: f.str('column'),
  }),
  'shard-table-remove': (f) => ({ type: 'shard-table-remove', table: f.str('table') }),
  'shard-add': (f) => ({
    type: 'shard-add',
    shardId: f.int('shardId', 1),
    mapId: f.int('mapId', 1),
    lowerBound: f.text('lowerBound'),
    groupId: f.str('groupId'),
    state: f.oneOf('state', SHARD_STATES),
  }),
  'shard-remove': (f) => ({ type: 'shard-remove', shardId: f.int('shardId', 1) }),
  'shard-set-group': (f) => ({
    type: 'shard-set-group',
    shardId: f.int('shardId', 1),
    groupId: f.str('groupId'),
  }),
  'shard-set-state': (f) => ({
    type: 'shard-set-state',
    shardId: f.int('shardId', 1),
    state: f.oneOf('state', SHARD_STATES),
  }),
  'bump-epoch': () => ({ type: 'bump-epoch' }),
};

function readServerAdd(f: FieldReader): Effect {
  return {
    type: 'server-add',
    groupId: f.str('groupId'),
    uuid: f.str('uuid'),
    address: f.str('address'),
    ...(f.has('status') ? { status: f.oneOf('status', SERVER_STATUSES) } : {}),
    ...(f.has('mode') ? { mode: f.oneOf('mode', SERVER_MODES) } : {}),
    ...(f.has('weight') ? { weight: f.num('weight') } : {}),
  };
}

/** Validates one effect's shape; throws FabricError(INVALID_ARGUMENT) naming the field. */
export function readEffect(value: unknown, path: string): Effect {
  const f = FieldReader.of(value, path);
  const effect = READERS[f.oneOf('type', EFFECT_TYPES)](f);
  f.done();
  return effect;
}
