// Original file: proto/fabric/v1/sharding.proto

export const LookupHint = {
  LOOKUP_HINT_UNSPECIFIED: 'LOOKUP_HINT_UNSPECIFIED',
  LOOKUP_HINT_LOCAL: 'LOOKUP_HINT_LOCAL',
  LOOKUP_HINT_GLOBAL: 'LOOKUP_HINT_GLOBAL',
} as const;

export type LookupHint =
  | 'LOOKUP_HINT_UNSPECIFIED'
  | 0
  | 'LOOKUP_HINT_LOCAL'
  | 1
  | 'LOOKUP_HINT_GLOBAL'
  | 2

export type LookupHint__Output = typeof LookupHint[keyof typeof LookupHint]
