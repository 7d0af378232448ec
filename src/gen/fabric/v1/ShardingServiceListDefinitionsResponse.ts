// Original file: proto/fabric/v1/sharding.proto

import type { ShardMap as _fabric_v1_ShardMap, ShardMap__Output as _fabric_v1_ShardMap__Output } from '../../fabric/v1/ShardMap.js';

export interface ShardingServiceListDefinitionsResponse {
  'maps'?: (_fabric_v1_ShardMap)[];
}

export interface ShardingServiceListDefinitionsResponse__Output {
  'maps': (_fabric_v1_ShardMap__Output)[];
}
