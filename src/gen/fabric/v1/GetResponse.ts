// Original file: proto/fabric/v1/kv.proto

import type { Long } from '@grpc/proto-loader';

export interface GetResponse {
  'found'?: (boolean);
  'value'?: (string);
  'version'?: (number | string | Long);
  'read_index'?: (number | string | Long);
}

export interface GetResponse__Output {
  'found': (boolean);
  'value': (string);
  'version': (number);
  'read_index': (number);
}
