// Original file: proto/fabric/v1/sharding.proto

import type { Procedure as _fabric_v1_Procedure, Procedure__Output as _fabric_v1_Procedure__Output } from '../../fabric/v1/Procedure.js';

export interface ShardingServiceMoveShardResponse {
  'procedure'?: (_fabric_v1_Procedure | null);
}

export interface ShardingServiceMoveShardResponse__Output {
  'procedure': (_fabric_v1_Procedure__Output | null);
}
