// Original file: proto/fabric/v1/procedure.proto

export const ProcedureState = {
  PROCEDURE_STATE_UNSPECIFIED: 'PROCEDURE_STATE_UNSPECIFIED',
  PROCEDURE_STATE_QUEUED: 'PROCEDURE_STATE_QUEUED',
  PROCEDURE_STATE_RUNNING: 'PROCEDURE_STATE_RUNNING',
  PROCEDURE_STATE_DONE: 'PROCEDURE_STATE_DONE',
  PROCEDURE_STATE_FAILED: 'PROCEDURE_STATE_FAILED',
} as const;

export type ProcedureState =
  | 'PROCEDURE_STATE_UNSPECIFIED'
  | 0
  | 'PROCEDURE_STATE_QUEUED'
  | 1
  | 'PROCEDURE_STATE_RUNNING'
  | 2
  | 'PROCEDURE_STATE_DONE'
  | 3
  | 'PROCEDURE_STATE_FAILED'
  | 4

export type ProcedureState__Output = typeof ProcedureState[keyof typeof ProcedureState]
