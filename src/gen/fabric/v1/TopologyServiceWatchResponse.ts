// Original file: proto/fabric/v1/topology.proto

import type { Topology as _fabric_v1_Topology, Topology__Output as _fabric_v1_Topology__Output } from '../../fabric/v1/Topology.js';

export interface TopologyServiceWatchResponse {
  'topology'?: (_fabric_v1_Topology | null);
}

export interface TopologyServiceWatchResponse__Output {
  'topology': (_fabric_v1_Topology__Output | null);
}
