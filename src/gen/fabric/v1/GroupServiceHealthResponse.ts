// Original file: proto/fabric/v1/group.proto

import type { ServerHealth as _fabric_v1_ServerHealth, ServerHealth__Output as _fabric_v1_ServerHealth__Output } from '../../fabric/v1/ServerHealth.js';

export interface GroupServiceHealthResponse {
  'servers'?: (_fabric_v1_ServerHealth)[];
}

export interface GroupServiceHealthResponse__Output {
  'servers': (_fabric_v1_ServerHealth__Output)[];
}
