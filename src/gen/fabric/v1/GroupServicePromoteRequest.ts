// Original file: proto/fabric/v1/group.proto


export interface GroupServicePromoteRequest {
  'group_id'?: (string);
  'server'?: (string);
  'force'?: (boolean);
  'update_only'?: (boolean);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface GroupServicePromoteRequest__Output {
  'group_id': (string);
  'server': (string);
  'force': (boolean);
  'update_only': (boolean);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
