// Original file: proto/fabric/v1/server.proto

export const ServerMode = {
  SERVER_MODE_UNSPECIFIED: 'SERVER_MODE_UNSPECIFIED',
  SERVER_MODE_OFFLINE: 'SERVER_MODE_OFFLINE',
  SERVER_MODE_READ_ONLY: 'SERVER_MODE_READ_ONLY',
  SERVER_MODE_WRITE_ONLY: 'SERVER_MODE_WRITE_ONLY',
  SERVER_MODE_READ_WRITE: 'SERVER_MODE_READ_WRITE',
} as const;

export type ServerMode =
  | 'SERVER_MODE_UNSPECIFIED'
  | 0
  | 'SERVER_MODE_OFFLINE'
  | 1
  | 'SERVER_MODE_READ_ONLY'
  | 2
  | 'SERVER_MODE_WRITE_ONLY'
  | 3
  | 'SERVER_MODE_READ_WRITE'
  | 4

export type ServerMode__Output = typeof ServerMode[keyof typeof ServerMode]
