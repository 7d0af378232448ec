// Original file: proto/fabric/v1/topology.proto

import type { Long } from '@grpc/proto-loader';

export interface TopologyServiceWatchRequest {
  'from_epoch'?: (number | string | Long);
  'allow_stale'?: (boolean);
}

export interface TopologyServiceWatchRequest__Output {
  'from_epoch': (number);
  'allow_stale': (boolean);
}
