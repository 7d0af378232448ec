// Original file: proto/fabric/v1/server.proto

import type { ServerMode as _fabric_v1_ServerMode, ServerMode__Output as _fabric_v1_ServerMode__Output } from '../../fabric/v1/ServerMode.js';

export interface ServerServiceSetModeRequest {
  'server'?: (string);
  'mode'?: (_fabric_v1_ServerMode);
  'request_id'?: (string);
  'no_wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface ServerServiceSetModeRequest__Output {
  'server': (string);
  'mode': (_fabric_v1_ServerMode__Output);
  'request_id': (string);
  'no_wait': (boolean);
  'timeout_ms': (number);
}
