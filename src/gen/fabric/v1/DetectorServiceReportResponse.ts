// Original file: proto/fabric/v1/detector.proto


export interface DetectorServiceReportResponse {
  'accepted'?: (boolean);
}

export interface DetectorServiceReportResponse__Output {
  'accepted': (boolean);
}
