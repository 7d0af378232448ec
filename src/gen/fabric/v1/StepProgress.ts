// Original file: proto/fabric/v1/procedure.proto

import type { Long } from '@grpc/proto-loader';

export interface StepProgress {
  'progress_json'?: (string);
  'attempt'?: (number);
  'at_ms'?: (number | string | Long);
}

export interface StepProgress__Output {
  'progress_json': (string);
  'attempt': (number);
  'at_ms': (number);
}
