// Original file: proto/fabric/v1/threat.proto

import type { ThreatVerdict as _fabric_v1_ThreatVerdict, ThreatVerdict__Output as _fabric_v1_ThreatVerdict__Output } from '../../fabric/v1/ThreatVerdict.js';

export interface ProbeRound {
  'verdict'?: (_fabric_v1_ThreatVerdict);
  'server_uuid'?: (string);
  'address'?: (string);
  'detail'?: (string);
  'evidence_json'?: (string);
  'procedure_id'?: (string);
}

export interface ProbeRound__Output {
  'verdict': (_fabric_v1_ThreatVerdict__Output);
  'server_uuid': (string);
  'address': (string);
  'detail': (string);
  'evidence_json': (string);
  'procedure_id': (string);
}
