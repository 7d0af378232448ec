// Original file: proto/fabric/v1/procedure.proto

import type { ProcedureState as _fabric_v1_ProcedureState, ProcedureState__Output as _fabric_v1_ProcedureState__Output } from '../../fabric/v1/ProcedureState.js';
import type { Long } from '@grpc/proto-loader';

export interface ProcedureServiceListRequest {
  'states'?: (_fabric_v1_ProcedureState)[];
  'lock_key'?: (string);
  'since_ms'?: (number | string | Long);
  'until_ms'?: (number | string | Long);
  'limit'?: (number);
  'allow_stale'?: (boolean);
}

export interface ProcedureServiceListRequest__Output {
  'states': (_fabric_v1_ProcedureState__Output)[];
  'lock_key': (string);
  'since_ms': (number);
  'until_ms': (number);
  'limit': (number);
  'allow_stale': (boolean);
}
