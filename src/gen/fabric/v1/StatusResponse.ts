// Original file: proto/fabric/v1/cluster.proto

import type { NodeRole as _fabric_v1_NodeRole, NodeRole__Output as _fabric_v1_NodeRole__Output } from '../../fabric/v1/NodeRole.js';
import type { Member as _fabric_v1_Member, Member__Output as _fabric_v1_Member__Output } from '../../fabric/v1/Member.js';
import type { Long } from '@grpc/proto-loader';

export interface StatusResponse {
  'node_id'?: (string);
  'cluster_id'?: (string);
  'role'?: (_fabric_v1_NodeRole);
  'term'?: (number | string | Long);
  'commit_index'?: (number | string | Long);
  'applied_index'?: (number | string | Long);
  'last_index'?: (number | string | Long);
  'leader_id'?: (string);
  'leader_address'?: (string);
  'members'?: (_fabric_v1_Member)[];
  'committed_conf_index'?: (number | string | Long);
  'committed_members'?: (string)[];
}

export interface StatusResponse__Output {
  'node_id': (string);
  'cluster_id': (string);
  'role': (_fabric_v1_NodeRole__Output);
  'term': (number);
  'commit_index': (number);
  'applied_index': (number);
  'last_index': (number);
  'leader_id': (string);
  'leader_address': (string);
  'members': (_fabric_v1_Member__Output)[];
  'committed_conf_index': (number);
  'committed_members': (string)[];
}
