// Original file: proto/fabric/v1/group.proto

import type { Server as _fabric_v1_Server, Server__Output as _fabric_v1_Server__Output } from '../../fabric/v1/Server.js';

export interface GroupServiceLookupServersResponse {
  'servers'?: (_fabric_v1_Server)[];
}

export interface GroupServiceLookupServersResponse__Output {
  'servers': (_fabric_v1_Server__Output)[];
}
