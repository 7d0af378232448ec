// Original file: proto/fabric/v1/cluster.proto


export interface RemoveNodeRequest {
  'node_id'?: (string);
}

export interface RemoveNodeRequest__Output {
  'node_id': (string);
}
