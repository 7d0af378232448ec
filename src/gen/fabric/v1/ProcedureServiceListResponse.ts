// Original file: proto/fabric/v1/procedure.proto

import type { Procedure as _fabric_v1_Procedure, Procedure__Output as _fabric_v1_Procedure__Output } from '../../fabric/v1/Procedure.js';

export interface ProcedureServiceListResponse {
  'procedures'?: (_fabric_v1_Procedure)[];
}

export interface ProcedureServiceListResponse__Output {
  'procedures': (_fabric_v1_Procedure__Output)[];
}
