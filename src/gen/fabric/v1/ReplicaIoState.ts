// Original file: proto/fabric/v1/detector.proto

export const ReplicaIoState = {
  REPLICA_IO_STATE_UNSPECIFIED: 'REPLICA_IO_STATE_UNSPECIFIED',
  REPLICA_IO_STATE_YES: 'REPLICA_IO_STATE_YES',
  REPLICA_IO_STATE_NO: 'REPLICA_IO_STATE_NO',
  REPLICA_IO_STATE_CONNECTING: 'REPLICA_IO_STATE_CONNECTING',
} as const;

export type ReplicaIoState =
  | 'REPLICA_IO_STATE_UNSPECIFIED'
  | 0
  | 'REPLICA_IO_STATE_YES'
  | 1
  | 'REPLICA_IO_STATE_NO'
  | 2
  | 'REPLICA_IO_STATE_CONNECTING'
  | 3

export type ReplicaIoState__Output = typeof ReplicaIoState[keyof typeof ReplicaIoState]
