// Original file: proto/fabric/v1/detector.proto

import type { ServerObservation as _fabric_v1_ServerObservation, ServerObservation__Output as _fabric_v1_ServerObservation__Output } from '../../fabric/v1/ServerObservation.js';

export interface DetectorServiceReportRequest {
  'node_id'?: (string);
  'observations'?: (_fabric_v1_ServerObservation)[];
}

export interface DetectorServiceReportRequest__Output {
  'node_id': (string);
  'observations': (_fabric_v1_ServerObservation__Output)[];
}
