// Original file: proto/fabric/v1/group.proto

import type { ServerStatus as _fabric_v1_ServerStatus, ServerStatus__Output as _fabric_v1_ServerStatus__Output } from '../../fabric/v1/ServerStatus.js';
import type { ServerMode as _fabric_v1_ServerMode, ServerMode__Output as _fabric_v1_ServerMode__Output } from '../../fabric/v1/ServerMode.js';
import type { ServerRole as _fabric_v1_ServerRole, ServerRole__Output as _fabric_v1_ServerRole__Output } from '../../fabric/v1/ServerRole.js';
import type { GlobalLink as _fabric_v1_GlobalLink, GlobalLink__Output as _fabric_v1_GlobalLink__Output } from '../../fabric/v1/GlobalLink.js';
import type { Long } from '@grpc/proto-loader';

export interface ServerHealth {
  'uuid'?: (string);
  'address'?: (string);
  'status'?: (_fabric_v1_ServerStatus);
  'mode'?: (_fabric_v1_ServerMode);
  'reachable'?: (boolean);
  'error'?: (string);
  'role'?: (_fabric_v1_ServerRole);
  'read_only'?: (boolean);
  'replicating_from'?: (string);
  'io_running'?: (string);
  'sql_running'?: (boolean);
  'io_error'?: (string);
  'sql_error'?: (string);
  'lag_seconds'?: (number | string | Long);
  'gtid_executed'?: (string);
  'issues'?: (string)[];
  'semi_sync'?: (string);
  'fence'?: (string);
  'gtid_domain_id'?: (number | string | Long);
  'global_link'?: (_fabric_v1_GlobalLink | null);
}

export interface ServerHealth__Output {
  'uuid': (string);
  'address': (string);
  'status': (_fabric_v1_ServerStatus__Output);
  'mode': (_fabric_v1_ServerMode__Output);
  'reachable': (boolean);
  'error': (string);
  'role': (_fabric_v1_ServerRole__Output);
  'read_only': (boolean);
  'replicating_from': (string);
  'io_running': (string);
  'sql_running': (boolean);
  'io_error': (string);
  'sql_error': (string);
  'lag_seconds': (number);
  'gtid_executed': (string);
  'issues': (string)[];
  'semi_sync': (string);
  'fence': (string);
  'gtid_domain_id': (number);
  'global_link': (_fabric_v1_GlobalLink__Output | null);
}
