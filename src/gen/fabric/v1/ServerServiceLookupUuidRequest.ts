// Original file: proto/fabric/v1/server.proto


export interface ServerServiceLookupUuidRequest {
  'address'?: (string);
}

export interface ServerServiceLookupUuidRequest__Output {
  'address': (string);
}
