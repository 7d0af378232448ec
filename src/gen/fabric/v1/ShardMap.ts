// Original file: proto/fabric/v1/sharding.proto

import type { ShardMappingType as _fabric_v1_ShardMappingType, ShardMappingType__Output as _fabric_v1_ShardMappingType__Output } from '../../fabric/v1/ShardMappingType.js';

export interface ShardMap {
  'id'?: (number);
  'type'?: (_fabric_v1_ShardMappingType);
  'global_group_id'?: (string);
}

export interface ShardMap__Output {
  'id': (number);
  'type': (_fabric_v1_ShardMappingType__Output);
  'global_group_id': (string);
}
