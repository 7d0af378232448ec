// Original file: proto/fabric/v1/topology.proto

import type { Server as _fabric_v1_Server, Server__Output as _fabric_v1_Server__Output } from '../../fabric/v1/Server.js';

export interface TopologyServiceLookupServersResponse {
  'servers'?: (_fabric_v1_Server)[];
}

export interface TopologyServiceLookupServersResponse__Output {
  'servers': (_fabric_v1_Server__Output)[];
}
