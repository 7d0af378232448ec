// Original file: proto/fabric/v1/kv.proto

import type { Long } from '@grpc/proto-loader';

export interface PutResponse {
  'version'?: (number | string | Long);
  'index'?: (number | string | Long);
  'duplicate'?: (boolean);
  'request_id'?: (string);
}

export interface PutResponse__Output {
  'version': (number);
  'index': (number);
  'duplicate': (boolean);
  'request_id': (string);
}
