// Original file: proto/fabric/v1/sharding.proto


export interface ShardingServiceRemoveDefinitionRequest {
  'map_id'?: (number);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface ShardingServiceRemoveDefinitionRequest__Output {
  'map_id': (number);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
