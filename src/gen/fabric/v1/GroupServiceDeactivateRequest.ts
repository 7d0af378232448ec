// Original file: proto/fabric/v1/group.proto


export interface GroupServiceDeactivateRequest {
  'group_id'?: (string);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface GroupServiceDeactivateRequest__Output {
  'group_id': (string);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
