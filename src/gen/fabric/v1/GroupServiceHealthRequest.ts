// Original file: proto/fabric/v1/group.proto


export interface GroupServiceHealthRequest {
  'group_id'?: (string);
  'allow_stale'?: (boolean);
}

export interface GroupServiceHealthRequest__Output {
  'group_id': (string);
  'allow_stale': (boolean);
}
