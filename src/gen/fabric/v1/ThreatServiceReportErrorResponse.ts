// Original file: proto/fabric/v1/threat.proto

import type { ProbeRound as _fabric_v1_ProbeRound, ProbeRound__Output as _fabric_v1_ProbeRound__Output } from '../../fabric/v1/ProbeRound.js';

export interface ThreatServiceReportErrorResponse {
  'reports'?: (number);
  'reporters'?: (number);
  'probed'?: (boolean);
  'round'?: (_fabric_v1_ProbeRound | null);
}

export interface ThreatServiceReportErrorResponse__Output {
  'reports': (number);
  'reporters': (number);
  'probed': (boolean);
  'round': (_fabric_v1_ProbeRound__Output | null);
}
