// Original file: proto/fabric/v1/kv.proto


export interface PutRequest {
  'key'?: (string);
  'value'?: (string);
  'request_id'?: (string);
}

export interface PutRequest__Output {
  'key': (string);
  'value': (string);
  'request_id': (string);
}
