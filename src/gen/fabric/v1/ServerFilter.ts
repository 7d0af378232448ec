// Original file: proto/fabric/v1/server.proto

import type { ServerStatus as _fabric_v1_ServerStatus, ServerStatus__Output as _fabric_v1_ServerStatus__Output } from '../../fabric/v1/ServerStatus.js';
import type { ServerMode as _fabric_v1_ServerMode, ServerMode__Output as _fabric_v1_ServerMode__Output } from '../../fabric/v1/ServerMode.js';

export interface ServerFilter {
  'group_id'?: (string);
  'server'?: (string);
  'status'?: (_fabric_v1_ServerStatus);
  'mode'?: (_fabric_v1_ServerMode);
}

export interface ServerFilter__Output {
  'group_id': (string);
  'server': (string);
  'status': (_fabric_v1_ServerStatus__Output);
  'mode': (_fabric_v1_ServerMode__Output);
}
