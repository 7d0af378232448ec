// Original file: proto/fabric/v1/procedure.proto


export interface ProcedureServiceGetRequest {
  'id'?: (string);
  'allow_stale'?: (boolean);
}

export interface ProcedureServiceGetRequest__Output {
  'id': (string);
  'allow_stale': (boolean);
}
