// Original file: proto/fabric/v1/sharding.proto


export interface ShardingServiceMoveShardRequest {
  'shard_id'?: (number);
  'group_id'?: (string);
  'chunk_rows'?: (number);
  'cutover_timeout_ms'?: (number);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface ShardingServiceMoveShardRequest__Output {
  'shard_id': (number);
  'group_id': (string);
  'chunk_rows': (number);
  'cutover_timeout_ms': (number);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
