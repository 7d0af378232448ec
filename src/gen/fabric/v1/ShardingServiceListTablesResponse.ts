// Original file: proto/fabric/v1/sharding.proto

import type { ShardTable as _fabric_v1_ShardTable, ShardTable__Output as _fabric_v1_ShardTable__Output } from '../../fabric/v1/ShardTable.js';

export interface ShardingServiceListTablesResponse {
  'tables'?: (_fabric_v1_ShardTable)[];
}

export interface ShardingServiceListTablesResponse__Output {
  'tables': (_fabric_v1_ShardTable__Output)[];
}
