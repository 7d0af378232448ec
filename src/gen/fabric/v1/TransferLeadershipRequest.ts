// Original file: proto/fabric/v1/cluster.proto


export interface TransferLeadershipRequest {
  'target_node_id'?: (string);
}

export interface TransferLeadershipRequest__Output {
  'target_node_id': (string);
}
