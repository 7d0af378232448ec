// Original file: proto/fabric/v1/topology.proto

import type { ServerFilter as _fabric_v1_ServerFilter, ServerFilter__Output as _fabric_v1_ServerFilter__Output } from '../../fabric/v1/ServerFilter.js';

export interface TopologyServiceLookupServersRequest {
  'filter'?: (_fabric_v1_ServerFilter | null);
  'allow_stale'?: (boolean);
}

export interface TopologyServiceLookupServersRequest__Output {
  'filter': (_fabric_v1_ServerFilter__Output | null);
  'allow_stale': (boolean);
}
