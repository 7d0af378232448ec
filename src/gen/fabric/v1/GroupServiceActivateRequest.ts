// Original file: proto/fabric/v1/group.proto


export interface GroupServiceActivateRequest {
  'group_id'?: (string);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface GroupServiceActivateRequest__Output {
  'group_id': (string);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
