// Original file: proto/fabric/v1/procedure.proto


export interface ProcedureServiceSubmitRequest {
  'name'?: (string);
  'args_json'?: (string);
  'request_id'?: (string);
  'wait'?: (boolean);
  'timeout_ms'?: (number);
}

export interface ProcedureServiceSubmitRequest__Output {
  'name': (string);
  'args_json': (string);
  'request_id': (string);
  'wait': (boolean);
  'timeout_ms': (number);
}
