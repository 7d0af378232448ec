// Original file: proto/fabric/v1/procedure.proto

import type { ProcedureState as _fabric_v1_ProcedureState, ProcedureState__Output as _fabric_v1_ProcedureState__Output } from '../../fabric/v1/ProcedureState.js';
import type { Step as _fabric_v1_Step, Step__Output as _fabric_v1_Step__Output } from '../../fabric/v1/Step.js';
import type { StepError as _fabric_v1_StepError, StepError__Output as _fabric_v1_StepError__Output } from '../../fabric/v1/StepError.js';
import type { Long } from '@grpc/proto-loader';

export interface Procedure {
  'id'?: (string);
  'name'?: (string);
  'request_id'?: (string);
  'args_json'?: (string);
  'lock_keys'?: (string)[];
  'state'?: (_fabric_v1_ProcedureState);
  'steps'?: (_fabric_v1_Step)[];
  'current_step'?: (number);
  'submitted_at_ms'?: (number | string | Long);
  'finished_at_ms'?: (number | string | Long);
  'result_json'?: (string);
  'error'?: (_fabric_v1_StepError | null);
  'failed_step'?: (string);
}

export interface Procedure__Output {
  'id': (string);
  'name': (string);
  'request_id': (string);
  'args_json': (string);
  'lock_keys': (string)[];
  'state': (_fabric_v1_ProcedureState__Output);
  'steps': (_fabric_v1_Step__Output)[];
  'current_step': (number);
  'submitted_at_ms': (number);
  'finished_at_ms': (number);
  'result_json': (string);
  'error': (_fabric_v1_StepError__Output | null);
  'failed_step': (string);
}
