// Original file: proto/fabric/v1/detector.proto


export interface DetectorServiceProbeRequest {
  'server_uuids'?: (string)[];
}

export interface DetectorServiceProbeRequest__Output {
  'server_uuids': (string)[];
}
