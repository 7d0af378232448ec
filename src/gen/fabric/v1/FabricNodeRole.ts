// Original file: proto/fabric/v1/topology.proto

export const FabricNodeRole = {
  FABRIC_NODE_ROLE_UNSPECIFIED: 'FABRIC_NODE_ROLE_UNSPECIFIED',
  FABRIC_NODE_ROLE_LEADER: 'FABRIC_NODE_ROLE_LEADER',
  FABRIC_NODE_ROLE_FOLLOWER: 'FABRIC_NODE_ROLE_FOLLOWER',
  FABRIC_NODE_ROLE_LEARNER: 'FABRIC_NODE_ROLE_LEARNER',
} as const;

export type FabricNodeRole =
  | 'FABRIC_NODE_ROLE_UNSPECIFIED'
  | 0
  | 'FABRIC_NODE_ROLE_LEADER'
  | 1
  | 'FABRIC_NODE_ROLE_FOLLOWER'
  | 2
  | 'FABRIC_NODE_ROLE_LEARNER'
  | 3

export type FabricNodeRole__Output = typeof FabricNodeRole[keyof typeof FabricNodeRole]
