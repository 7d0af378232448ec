// Original file: proto/fabric/v1/group.proto


export interface GroupServiceLookupGroupsRequest {
  'group_id'?: (string);
  'allow_stale'?: (boolean);
}

export interface GroupServiceLookupGroupsRequest__Output {
  'group_id': (string);
  'allow_stale': (boolean);
}
