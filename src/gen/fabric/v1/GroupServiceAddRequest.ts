// Original file: proto/fabric/v1/group.proto


export interface GroupServiceAddRequest {
  'group_id'?: (string);
  'address'?: (string);
  'update_only'?: (boolean);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface GroupServiceAddRequest__Output {
  'group_id': (string);
  'address': (string);
  'update_only': (boolean);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
