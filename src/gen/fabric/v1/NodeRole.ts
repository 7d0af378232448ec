// Original file: proto/fabric/v1/cluster.proto

export const NodeRole = {
  NODE_ROLE_UNSPECIFIED: 'NODE_ROLE_UNSPECIFIED',
  NODE_ROLE_FOLLOWER: 'NODE_ROLE_FOLLOWER',
  NODE_ROLE_PRE_CANDIDATE: 'NODE_ROLE_PRE_CANDIDATE',
  NODE_ROLE_CANDIDATE: 'NODE_ROLE_CANDIDATE',
  NODE_ROLE_LEADER: 'NODE_ROLE_LEADER',
} as const;

export type NodeRole =
  | 'NODE_ROLE_UNSPECIFIED'
  | 0
  | 'NODE_ROLE_FOLLOWER'
  | 1
  | 'NODE_ROLE_PRE_CANDIDATE'
  | 2
  | 'NODE_ROLE_CANDIDATE'
  | 3
  | 'NODE_ROLE_LEADER'
  | 4

export type NodeRole__Output = typeof NodeRole[keyof typeof NodeRole]
