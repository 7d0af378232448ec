// Original file: proto/fabric/v1/sharding.proto


export interface ShardingServiceEnableShardRequest {
  'shard_id'?: (number);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface ShardingServiceEnableShardRequest__Output {
  'shard_id': (number);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
