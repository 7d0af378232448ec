// Original file: proto/fabric/v1/group.proto

export const ServerRole = {
  SERVER_ROLE_UNSPECIFIED: 'SERVER_ROLE_UNSPECIFIED',
  SERVER_ROLE_PRIMARY: 'SERVER_ROLE_PRIMARY',
  SERVER_ROLE_REPLICA: 'SERVER_ROLE_REPLICA',
  SERVER_ROLE_STANDALONE: 'SERVER_ROLE_STANDALONE',
} as const;

export type ServerRole =
  | 'SERVER_ROLE_UNSPECIFIED'
  | 0
  | 'SERVER_ROLE_PRIMARY'
  | 1
  | 'SERVER_ROLE_REPLICA'
  | 2
  | 'SERVER_ROLE_STANDALONE'
  | 3

export type ServerRole__Output = typeof ServerRole[keyof typeof ServerRole]
