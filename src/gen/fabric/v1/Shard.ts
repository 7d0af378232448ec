// Original file: proto/fabric/v1/sharding.proto

import type { ShardState as _fabric_v1_ShardState, ShardState__Output as _fabric_v1_ShardState__Output } from '../../fabric/v1/ShardState.js';

export interface Shard {
  'id'?: (number);
  'map_id'?: (number);
  'lower_bound'?: (string);
  'group_id'?: (string);
  'state'?: (_fabric_v1_ShardState);
}

export interface Shard__Output {
  'id': (number);
  'map_id': (number);
  'lower_bound': (string);
  'group_id': (string);
  'state': (_fabric_v1_ShardState__Output);
}
