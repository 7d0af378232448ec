// Original file: proto/fabric/v1/server.proto


export interface ServerServiceSetWeightRequest {
  'server'?: (string);
  'weight'?: (number | string);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface ServerServiceSetWeightRequest__Output {
  'server': (string);
  'weight': (number);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
