// Original file: proto/fabric/v1/sharding.proto


export interface ShardingServiceListTablesRequest {
  'map_id'?: (number);
  'allow_stale'?: (boolean);
}

export interface ShardingServiceListTablesRequest__Output {
  'map_id': (number);
  'allow_stale': (boolean);
}
