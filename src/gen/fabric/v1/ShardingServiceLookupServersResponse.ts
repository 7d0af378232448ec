// Original file: proto/fabric/v1/sharding.proto

import type { Server as _fabric_v1_Server, Server__Output as _fabric_v1_Server__Output } from '../../fabric/v1/Server.js';

export interface ShardingServiceLookupServersResponse {
  'servers'?: (_fabric_v1_Server)[];
  'shard_id'?: (number);
  'group_id'?: (string);
  'point'?: (string);
}

export interface ShardingServiceLookupServersResponse__Output {
  'servers': (_fabric_v1_Server__Output)[];
  'shard_id': (number);
  'group_id': (string);
  'point': (string);
}
