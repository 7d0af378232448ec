// Original file: proto/fabric/v1/cluster.proto


export interface AddNodeRequest {
  'node_id'?: (string);
  'address'?: (string);
  'timeout_ms'?: (number);
}

export interface AddNodeRequest__Output {
  'node_id': (string);
  'address': (string);
  'timeout_ms': (number);
}
