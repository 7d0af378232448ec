// Original file: proto/fabric/v1/sharding.proto

import type { ShardState as _fabric_v1_ShardState, ShardState__Output as _fabric_v1_ShardState__Output } from '../../fabric/v1/ShardState.js';

export interface ShardingServiceAddShardRequest {
  'map_id'?: (number);
  'group_id'?: (string);
  'bound'?: (string);
  'state'?: (_fabric_v1_ShardState);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
  '_bound'?: "bound";
}

export interface ShardingServiceAddShardRequest__Output {
  'map_id': (number);
  'group_id': (string);
  'bound'?: (string);
  'state': (_fabric_v1_ShardState__Output);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
  '_bound'?: "bound";
}
