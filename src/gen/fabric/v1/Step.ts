// Original file: proto/fabric/v1/procedure.proto

import type { StepError as _fabric_v1_StepError, StepError__Output as _fabric_v1_StepError__Output } from '../../fabric/v1/StepError.js';
import type { StepProgress as _fabric_v1_StepProgress, StepProgress__Output as _fabric_v1_StepProgress__Output } from '../../fabric/v1/StepProgress.js';
import type { Long } from '@grpc/proto-loader';

export interface Step {
  'name'?: (string);
  'state'?: (string);
  'attempts'?: (number);
  'started_at_ms'?: (number | string | Long);
  'finished_at_ms'?: (number | string | Long);
  'term'?: (number | string | Long);
  'output_json'?: (string);
  'error'?: (_fabric_v1_StepError | null);
  'progress'?: (_fabric_v1_StepProgress | null);
}

export interface Step__Output {
  'name': (string);
  'state': (string);
  'attempts': (number);
  'started_at_ms': (number);
  'finished_at_ms': (number);
  'term': (number);
  'output_json': (string);
  'error': (_fabric_v1_StepError__Output | null);
  'progress': (_fabric_v1_StepProgress__Output | null);
}
