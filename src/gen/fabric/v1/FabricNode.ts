// Original file: proto/fabric/v1/topology.proto


export interface FabricNode {
  'id'?: (string);
  'address'?: (string);
}

export interface FabricNode__Output {
  'id': (string);
  'address': (string);
}
