// Original file: proto/fabric/v1/group.proto

export const GroupStatus = {
  GROUP_STATUS_UNSPECIFIED: 'GROUP_STATUS_UNSPECIFIED',
  GROUP_STATUS_ACTIVE: 'GROUP_STATUS_ACTIVE',
  GROUP_STATUS_INACTIVE: 'GROUP_STATUS_INACTIVE',
} as const;

export type GroupStatus =
  | 'GROUP_STATUS_UNSPECIFIED'
  | 0
  | 'GROUP_STATUS_ACTIVE'
  | 1
  | 'GROUP_STATUS_INACTIVE'
  | 2

export type GroupStatus__Output = typeof GroupStatus[keyof typeof GroupStatus]
