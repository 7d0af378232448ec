// The failure detector's decision logic: pure functions of the farm, every
// node's observations and the time (no timers, no I/O, no clock). The probe
// loop that feeds it lives in src/detector/runtime/failure-detector.ts.

export { judge } from './judge.js';
export { classify, replicationStates } from './replication.js';
export type { ReplicationInput } from './replication.js';
export { ThreatWindow } from './threat-window.js';
export type { ThreatSettings, ThreatTally } from './threat-window.js';
export { majorityOf } from './views.js';
export type { NodeView } from './views.js';
export type {
  Decision,
  Evidence,
  FailureCount,
  FarmSnapshot,
  IoState,
  JudgeInput,
  JudgeSettings,
  Observation,
  PrimaryDead,
  ReplicaView,
  ReplicationIssue,
  ReplicationHealth,
  ReportedObservation,
  SecondaryDead,
  Unconfirmed,
} from './types.js';
