/**
 * What the API layer needs from a node's failure detector: the leader keeps
 * voters' observations (DetectorService) and answers clients' threat reports
 * (ThreatService). src/api maps these to the wire; the detector never sees a
 * proto.
 */
import type { JsonValue } from '../../fabric/index.js';
import type { ReportedObservation } from '../verdict/index.js';

/** The verdicts a threat report can get (fabric.v1.ThreatVerdict). */
export type ThreatVerdictName = 'REACHABLE' | 'SUSPECTED' | 'DEAD' | 'NOT_WATCHED' | 'FAULTY';

/** What DetectorService needs from the node's failure detector (src/detector/runtime/failure-detector.ts). */
export interface DetectorApi {
  /**
   * Leader: keeps a voter's latest observations. False when this node does
   * not lead, or the sender is not a voting member (its view must not count).
   */
  receiveReport(nodeId: string, observations: readonly ReportedObservation[]): boolean;
  /** Probes the named servers now (those this node watches) and answers with what it saw. */
  probeNow(serverUuids: readonly string[]): Promise<ReportedObservation[]>;
}

/** One client's report about a server. */
export interface ThreatReport {
  /** uuid or host:port. */
  readonly server: string;
  readonly reporter: string;
  readonly error: string;
}

/** What an immediate probe round concluded about one server. */
export interface RoundVerdict {
  readonly verdict: ThreatVerdictName;
  readonly serverUuid: string;
  readonly address: string;
  readonly detail: string;
  /** The judge's evidence, when the leader's probes failed often enough to judge. */
  readonly evidence: JsonValue | undefined;
  /** The failover or mark-faulty procedure, for DEAD. */
  readonly procedureId: string;
}

/** report-error's answer: the count so far, and the round when it triggered one. */
export interface ErrorTally {
  readonly reports: number;
  readonly reporters: number;
  readonly round: RoundVerdict | undefined;
}

/** What ThreatService needs from the leader's failure detector (src/detector/runtime/failure-detector.ts). */
export interface ThreatApi {
  reportError(report: ThreatReport): Promise<ErrorTally>;
  reportFailure(report: ThreatReport): Promise<RoundVerdict>;
}
