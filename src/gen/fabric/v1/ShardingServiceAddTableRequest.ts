// Original file: proto/fabric/v1/sharding.proto


export interface ShardingServiceAddTableRequest {
  'map_id'?: (number);
  'table'?: (string);
  'column'?: (string);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface ShardingServiceAddTableRequest__Output {
  'map_id': (number);
  'table': (string);
  'column': (string);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
