// Original file: proto/fabric/v1/group.proto

import type { GroupStatus as _fabric_v1_GroupStatus, GroupStatus__Output as _fabric_v1_GroupStatus__Output } from '../../fabric/v1/GroupStatus.js';

export interface Group {
  'id'?: (string);
  'description'?: (string);
  'status'?: (_fabric_v1_GroupStatus);
  'primary_uuid'?: (string);
  'primary_address'?: (string);
}

export interface Group__Output {
  'id': (string);
  'description': (string);
  'status': (_fabric_v1_GroupStatus__Output);
  'primary_uuid': (string);
  'primary_address': (string);
}
