// Original file: proto/fabric/v1/server.proto

export const ReplicationState = {
  REPLICATION_STATE_UNSPECIFIED: 'REPLICATION_STATE_UNSPECIFIED',
  REPLICATION_STATE_OK: 'REPLICATION_STATE_OK',
  REPLICATION_STATE_LAGGING: 'REPLICATION_STATE_LAGGING',
  REPLICATION_STATE_STOPPED: 'REPLICATION_STATE_STOPPED',
} as const;

export type ReplicationState =
  | 'REPLICATION_STATE_UNSPECIFIED'
  | 0
  | 'REPLICATION_STATE_OK'
  | 1
  | 'REPLICATION_STATE_LAGGING'
  | 2
  | 'REPLICATION_STATE_STOPPED'
  | 3

export type ReplicationState__Output = typeof ReplicationState[keyof typeof ReplicationState]
