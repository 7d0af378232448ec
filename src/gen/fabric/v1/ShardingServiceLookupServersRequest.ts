// Original file: proto/fabric/v1/sharding.proto

import type { LookupHint as _fabric_v1_LookupHint, LookupHint__Output as _fabric_v1_LookupHint__Output } from '../../fabric/v1/LookupHint.js';

export interface ShardingServiceLookupServersRequest {
  'table'?: (string);
  'key'?: (string);
  'hint'?: (_fabric_v1_LookupHint);
  'allow_stale'?: (boolean);
}

export interface ShardingServiceLookupServersRequest__Output {
  'table': (string);
  'key': (string);
  'hint': (_fabric_v1_LookupHint__Output);
  'allow_stale': (boolean);
}
