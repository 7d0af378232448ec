// Original file: proto/fabric/v1/group.proto


export interface GroupServiceRemoveRequest {
  'group_id'?: (string);
  'server'?: (string);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface GroupServiceRemoveRequest__Output {
  'group_id': (string);
  'server': (string);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
