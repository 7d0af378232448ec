// Original file: proto/fabric/v1/group.proto


export interface GroupServiceDemoteRequest {
  'group_id'?: (string);
  'update_only'?: (boolean);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface GroupServiceDemoteRequest__Output {
  'group_id': (string);
  'update_only': (boolean);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
