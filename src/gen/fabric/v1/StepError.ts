// Original file: proto/fabric/v1/procedure.proto


export interface StepError {
  'code'?: (string);
  'message'?: (string);
  'cause'?: (string);
}

export interface StepError__Output {
  'code': (string);
  'message': (string);
  'cause': (string);
}
