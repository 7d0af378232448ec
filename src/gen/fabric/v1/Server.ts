// Original file: proto/fabric/v1/server.proto

import type { ServerStatus as _fabric_v1_ServerStatus, ServerStatus__Output as _fabric_v1_ServerStatus__Output } from '../../fabric/v1/ServerStatus.js';
import type { ServerMode as _fabric_v1_ServerMode, ServerMode__Output as _fabric_v1_ServerMode__Output } from '../../fabric/v1/ServerMode.js';
import type { ReplicationState as _fabric_v1_ReplicationState, ReplicationState__Output as _fabric_v1_ReplicationState__Output } from '../../fabric/v1/ReplicationState.js';
import type { Reachability as _fabric_v1_Reachability, Reachability__Output as _fabric_v1_Reachability__Output } from '../../fabric/v1/Reachability.js';

export interface Server {
  'uuid'?: (string);
  'address'?: (string);
  'group_id'?: (string);
  'status'?: (_fabric_v1_ServerStatus);
  'mode'?: (_fabric_v1_ServerMode);
  'weight'?: (number | string);
  'replication'?: (_fabric_v1_ReplicationState);
  'reachability'?: (_fabric_v1_Reachability);
}

export interface Server__Output {
  'uuid': (string);
  'address': (string);
  'group_id': (string);
  'status': (_fabric_v1_ServerStatus__Output);
  'mode': (_fabric_v1_ServerMode__Output);
  'weight': (number);
  'replication': (_fabric_v1_ReplicationState__Output);
  'reachability': (_fabric_v1_Reachability__Output);
}
