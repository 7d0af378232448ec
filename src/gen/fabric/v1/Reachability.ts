// Original file: proto/fabric/v1/server.proto

export const Reachability = {
  REACHABILITY_UNSPECIFIED: 'REACHABILITY_UNSPECIFIED',
  REACHABILITY_REACHABLE: 'REACHABILITY_REACHABLE',
  REACHABILITY_REPLICAS_ONLY: 'REACHABILITY_REPLICAS_ONLY',
} as const;

export type Reachability =
  | 'REACHABILITY_UNSPECIFIED'
  | 0
  | 'REACHABILITY_REACHABLE'
  | 1
  | 'REACHABILITY_REPLICAS_ONLY'
  | 2

export type Reachability__Output = typeof Reachability[keyof typeof Reachability]
