// Original file: proto/fabric/v1/sharding.proto

export const ShardState = {
  SHARD_STATE_UNSPECIFIED: 'SHARD_STATE_UNSPECIFIED',
  SHARD_STATE_ENABLED: 'SHARD_STATE_ENABLED',
  SHARD_STATE_DISABLED: 'SHARD_STATE_DISABLED',
} as const;

export type ShardState =
  | 'SHARD_STATE_UNSPECIFIED'
  | 0
  | 'SHARD_STATE_ENABLED'
  | 1
  | 'SHARD_STATE_DISABLED'
  | 2

export type ShardState__Output = typeof ShardState[keyof typeof ShardState]
