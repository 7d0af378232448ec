// Original file: proto/fabric/v1/threat.proto


export interface ThreatServiceReportErrorRequest {
  'server'?: (string);
  'reporter'?: (string);
  'error'?: (string);
}

export interface ThreatServiceReportErrorRequest__Output {
  'server': (string);
  'reporter': (string);
  'error': (string);
}
