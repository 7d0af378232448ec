// Original file: proto/fabric/v1/topology.proto


export interface TopologyServiceDumpRequest {
  'allow_stale'?: (boolean);
}

export interface TopologyServiceDumpRequest__Output {
  'allow_stale': (boolean);
}
