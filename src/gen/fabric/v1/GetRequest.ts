// Original file: proto/fabric/v1/kv.proto


export interface GetRequest {
  'key'?: (string);
  'allow_stale'?: (boolean);
}

export interface GetRequest__Output {
  'key': (string);
  'allow_stale': (boolean);
}
