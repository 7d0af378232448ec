// Original file: proto/fabric/v1/detector.proto

import type { ReplicaObservation as _fabric_v1_ReplicaObservation, ReplicaObservation__Output as _fabric_v1_ReplicaObservation__Output } from '../../fabric/v1/ReplicaObservation.js';

export interface ServerObservation {
  'server_uuid'?: (string);
  'ok'?: (boolean);
  'age_ms'?: (number);
  'error'?: (string);
  'replica'?: (_fabric_v1_ReplicaObservation | null);
}

export interface ServerObservation__Output {
  'server_uuid': (string);
  'ok': (boolean);
  'age_ms': (number);
  'error': (string);
  'replica': (_fabric_v1_ReplicaObservation__Output | null);
}
