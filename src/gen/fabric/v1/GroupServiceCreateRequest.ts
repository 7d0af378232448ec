// Original file: proto/fabric/v1/group.proto


export interface GroupServiceCreateRequest {
  'group_id'?: (string);
  'description'?: (string);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface GroupServiceCreateRequest__Output {
  'group_id': (string);
  'description': (string);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
