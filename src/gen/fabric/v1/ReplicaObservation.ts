// Original file: proto/fabric/v1/detector.proto

import type { ReplicaIoState as _fabric_v1_ReplicaIoState, ReplicaIoState__Output as _fabric_v1_ReplicaIoState__Output } from '../../fabric/v1/ReplicaIoState.js';
import type { Long } from '@grpc/proto-loader';

export interface ReplicaObservation {
  'source'?: (string);
  'io_running'?: (_fabric_v1_ReplicaIoState);
  'sql_running'?: (boolean);
  'lag_seconds'?: (number | string | Long);
  'io_error'?: (string);
  'sql_error'?: (string);
  'receipt_age_ms'?: (number | string | Long);
  'heartbeat_period_ms'?: (number | string | Long);
}

export interface ReplicaObservation__Output {
  'source': (string);
  'io_running': (_fabric_v1_ReplicaIoState__Output);
  'sql_running': (boolean);
  'lag_seconds': (number);
  'io_error': (string);
  'sql_error': (string);
  'receipt_age_ms': (number);
  'heartbeat_period_ms': (number);
}
