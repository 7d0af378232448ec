// Original file: proto/fabric/v1/group.proto

import type { Long } from '@grpc/proto-loader';

export interface GlobalLink {
  'global_group'?: (string);
  'source'?: (string);
  'io_running'?: (string);
  'sql_running'?: (boolean);
  'io_error'?: (string);
  'sql_error'?: (string);
  'lag_seconds'?: (number | string | Long);
}

export interface GlobalLink__Output {
  'global_group': (string);
  'source': (string);
  'io_running': (string);
  'sql_running': (boolean);
  'io_error': (string);
  'sql_error': (string);
  'lag_seconds': (number);
}
