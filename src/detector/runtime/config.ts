/** [failure_detector]: how primaries and secondaries are judged dead (cluster.example.toml). */
export interface FailureDetectorConfig {
  /** Every node probes every watched server this often. */
  readonly detectionIntervalMs: number;
  /** Consecutive failed probes by the leader itself before a server may be declared dead. */
  readonly detections: number;
  /** A probe that has not answered within this is a failure. */
  readonly probeTimeoutMs: number;
  /** Another node's observation counts for this long after its probe. */
  readonly observationWindowMs: number;
  /** No second automatic failover of a group within this after one (anti-flapping). */
  readonly failoverCooldownS: number;
  /** A secondary lagging more than this is reported (health, topology). */
  readonly lagThresholdS: number;
  /** Fail over on the Fabric nodes' word alone when no replica can say whether the primary lives. */
  readonly failoverWithoutReplicaEvidence: boolean;
  /** threat report-error: window, reports and distinct reporters that trigger a probe round. */
  readonly reportErrorWindowS: number;
  readonly reportErrorThreshold: number;
  readonly reportErrorClients: number;
}
