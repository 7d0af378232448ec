// Original file: proto/fabric/v1/group.proto

import type { Group as _fabric_v1_Group, Group__Output as _fabric_v1_Group__Output } from '../../fabric/v1/Group.js';

export interface GroupServiceLookupGroupsResponse {
  'groups'?: (_fabric_v1_Group)[];
}

export interface GroupServiceLookupGroupsResponse__Output {
  'groups': (_fabric_v1_Group__Output)[];
}
