// Original file: proto/fabric/v1/cluster.proto


export interface TransferLeadershipResponse {
  'leader_id'?: (string);
}

export interface TransferLeadershipResponse__Output {
  'leader_id': (string);
}
