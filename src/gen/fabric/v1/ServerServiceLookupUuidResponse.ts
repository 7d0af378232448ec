// Original file: proto/fabric/v1/server.proto


export interface ServerServiceLookupUuidResponse {
  'uuid'?: (string);
}

export interface ServerServiceLookupUuidResponse__Output {
  'uuid': (string);
}
