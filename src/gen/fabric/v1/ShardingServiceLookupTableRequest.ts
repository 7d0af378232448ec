// Original file: proto/fabric/v1/sharding.proto


export interface ShardingServiceLookupTableRequest {
  'table'?: (string);
  'allow_stale'?: (boolean);
}

export interface ShardingServiceLookupTableRequest__Output {
  'table': (string);
  'allow_stale': (boolean);
}
