// Original file: proto/fabric/v1/sharding.proto


export interface ShardingServiceListDefinitionsRequest {
  'allow_stale'?: (boolean);
}

export interface ShardingServiceListDefinitionsRequest__Output {
  'allow_stale': (boolean);
}
