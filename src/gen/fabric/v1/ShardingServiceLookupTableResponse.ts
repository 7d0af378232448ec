// Original file: proto/fabric/v1/sharding.proto

import type { ShardTable as _fabric_v1_ShardTable, ShardTable__Output as _fabric_v1_ShardTable__Output } from '../../fabric/v1/ShardTable.js';
import type { ShardMap as _fabric_v1_ShardMap, ShardMap__Output as _fabric_v1_ShardMap__Output } from '../../fabric/v1/ShardMap.js';

export interface ShardingServiceLookupTableResponse {
  'table'?: (_fabric_v1_ShardTable | null);
  'map'?: (_fabric_v1_ShardMap | null);
}

export interface ShardingServiceLookupTableResponse__Output {
  'table': (_fabric_v1_ShardTable__Output | null);
  'map': (_fabric_v1_ShardMap__Output | null);
}
