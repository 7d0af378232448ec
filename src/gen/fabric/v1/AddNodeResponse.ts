// Original file: proto/fabric/v1/cluster.proto

import type { Member as _fabric_v1_Member, Member__Output as _fabric_v1_Member__Output } from '../../fabric/v1/Member.js';

export interface AddNodeResponse {
  'member'?: (_fabric_v1_Member | null);
}

export interface AddNodeResponse__Output {
  'member': (_fabric_v1_Member__Output | null);
}
