// Original file: proto/fabric/v1/cluster.proto

import type { MemberRole as _fabric_v1_MemberRole, MemberRole__Output as _fabric_v1_MemberRole__Output } from '../../fabric/v1/MemberRole.js';
import type { Long } from '@grpc/proto-loader';

export interface Member {
  'node_id'?: (string);
  'address'?: (string);
  'role'?: (_fabric_v1_MemberRole);
  'match_index'?: (number | string | Long);
  'lag'?: (number | string | Long);
  'recently_active'?: (boolean);
  'progress_known'?: (boolean);
}

export interface Member__Output {
  'node_id': (string);
  'address': (string);
  'role': (_fabric_v1_MemberRole__Output);
  'match_index': (number);
  'lag': (number);
  'recently_active': (boolean);
  'progress_known': (boolean);
}
