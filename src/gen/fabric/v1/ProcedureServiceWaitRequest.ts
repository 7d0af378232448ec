// Original file: proto/fabric/v1/procedure.proto


export interface ProcedureServiceWaitRequest {
  'id'?: (string);
  'timeout_ms'?: (number);
}

export interface ProcedureServiceWaitRequest__Output {
  'id': (string);
  'timeout_ms': (number);
}
