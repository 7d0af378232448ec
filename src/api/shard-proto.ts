import type { LookupHint__Output } from '../gen/fabric/v1/LookupHint.js';
import type { Shard as ProtoShard } from '../gen/fabric/v1/Shard.js';
import type { ShardMap as ProtoShardMap } from '../gen/fabric/v1/ShardMap.js';
import type { ShardMappingType__Output } from '../gen/fabric/v1/ShardMappingType.js';
import type { ShardState__Output } from '../gen/fabric/v1/ShardState.js';
import type { ShardTable as ProtoShardTable } from '../gen/fabric/v1/ShardTable.js';
import { SHARD_MAP_TYPES, SHARD_STATES } from '../fabric/index.js';
import type { Shard, ShardMap, ShardMapType, ShardState, ShardTable } from '../fabric/index.js';
import { FabricError } from '../util/fabric-error.js';

/**
 * The mapping between the model's sharding names and the proto enums. The
 * wire value is the model's name behind the enum's prefix (RANGE_STRING ↔
 * SHARD_MAPPING_TYPE_RANGE_STRING), so a type the model adds compiles only
 * once the proto has it; a request is checked against the model's own list,
 * so the proto may name a type the model does not run yet, and that is refused.
 */
const TYPE_PREFIX = 'SHARD_MAPPING_TYPE_';
const STATE_PREFIX = 'SHARD_STATE_';

/** Where a key is looked up: its shard's group, or the map's global group. */
export type LookupScope = 'LOCAL' | 'GLOBAL';

function unknownValue(field: string, v: string | number, allowed: readonly string[]): FabricError {
  return new FabricError(
    'INVALID_ARGUMENT',
    `${field} ${JSON.stringify(v)} is invalid: use one of ${allowed.join(', ')}`,
    { field },
  );
}

/** A request's mapping type: required (UNSPECIFIED is refused), one of the model's types. */
export function mapTypeFromProto(
  field: string,
  v: ShardMappingType__Output | number,
): ShardMapType {
  const name = typeof v === 'string' ? v.slice(TYPE_PREFIX.length) : '';
  const known = (SHARD_MAP_TYPES as readonly string[]).includes(name);
  if (typeof v !== 'string' || !v.startsWith(TYPE_PREFIX) || !known)
    throw unknownValue(field, v, SHARD_MAP_TYPES);
  return name as ShardMapType;
}

/** A request's shard state: undefined when UNSPECIFIED (the procedure's default). */
export function shardStateFromProto(
  field: string,
  v: ShardState__Output | number,
): ShardState | undefined {
  if (v === 'SHARD_STATE_UNSPECIFIED' || v === 0) return undefined;
  const name = typeof v === 'string' ? v.slice(STATE_PREFIX.length) : '';
  if (!(SHARD_STATES as readonly string[]).includes(name))
    throw unknownValue(field, v, SHARD_STATES);
  return name as ShardState;
}

/** A request's hint: UNSPECIFIED is LOCAL, as mysqlfabric's --hint default. */
export function hintFromProto(field: string, v: LookupHint__Output | number): LookupScope {
  if (v === 'LOOKUP_HINT_UNSPECIFIED' || v === 0 || v === 'LOOKUP_HINT_LOCAL') return 'LOCAL';
  if (v === 'LOOKUP_HINT_GLOBAL') return 'GLOBAL';
  throw unknownValue(field, v, ['LOCAL', 'GLOBAL']);
}

export function shardMapToProto(m: ShardMap): ProtoShardMap {
  return {
    id: m.id,
    type: `${TYPE_PREFIX}${m.type}`,
    global_group_id: m.globalGroupId,
  };
}

export function shardTableToProto(t: ShardTable): ProtoShardTable {
  return { table: t.table, column: t.column, map_id: t.mapId };
}

export function shardToProto(s: Shard): ProtoShard {
  return {
    id: s.id,
    map_id: s.mapId,
    lower_bound: s.lowerBound,
    group_id: s.groupId,
    state: `${STATE_PREFIX}${s.state}`,
  };
}
