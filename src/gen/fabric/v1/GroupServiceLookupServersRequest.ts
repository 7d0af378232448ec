// Original file: proto/fabric/v1/group.proto

import type { ServerFilter as _fabric_v1_ServerFilter, ServerFilter__Output as _fabric_v1_ServerFilter__Output } from '../../fabric/v1/ServerFilter.js';

export interface GroupServiceLookupServersRequest {
  'filter'?: (_fabric_v1_ServerFilter | null);
  'allow_stale'?: (boolean);
}

export interface GroupServiceLookupServersRequest__Output {
  'filter': (_fabric_v1_ServerFilter__Output | null);
  'allow_stale': (boolean);
}
