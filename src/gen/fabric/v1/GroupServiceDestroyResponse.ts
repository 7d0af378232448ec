// Original file: proto/fabric/v1/group.proto

import type { Procedure as _fabric_v1_Procedure, Procedure__Output as _fabric_v1_Procedure__Output } from '../../fabric/v1/Procedure.js';

export interface GroupServiceDestroyResponse {
  'procedure'?: (_fabric_v1_Procedure | null);
}

export interface GroupServiceDestroyResponse__Output {
  'procedure': (_fabric_v1_Procedure__Output | null);
}
