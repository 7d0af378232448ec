// Original file: proto/fabric/v1/server.proto

import type { ServerStatus as _fabric_v1_ServerStatus, ServerStatus__Output as _fabric_v1_ServerStatus__Output } from '../../fabric/v1/ServerStatus.js';

export interface ServerServiceSetStatusRequest {
  'server'?: (string);
  'status'?: (_fabric_v1_ServerStatus);
  'update_only'?: (boolean);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface ServerServiceSetStatusRequest__Output {
  'server': (string);
  'status': (_fabric_v1_ServerStatus__Output);
  'update_only': (boolean);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
