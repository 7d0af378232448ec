// Original file: proto/fabric/v1/cluster.proto

import type { Long } from '@grpc/proto-loader';

export interface RemoveNodeResponse {
  'index'?: (number | string | Long);
}

export interface RemoveNodeResponse__Output {
  'index': (number);
}
