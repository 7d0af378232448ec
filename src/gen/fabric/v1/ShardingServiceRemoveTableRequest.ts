// Original file: proto/fabric/v1/sharding.proto


export interface ShardingServiceRemoveTableRequest {
  'table'?: (string);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface ShardingServiceRemoveTableRequest__Output {
  'table': (string);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
