// Original file: proto/fabric/v1/threat.proto


export interface ThreatServiceReportFailureRequest {
  'server'?: (string);
  'reporter'?: (string);
  'error'?: (string);
}

export interface ThreatServiceReportFailureRequest__Output {
  'server': (string);
  'reporter': (string);
  'error': (string);
}
