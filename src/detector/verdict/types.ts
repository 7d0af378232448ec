import type { Group, JsonValue, Server } from '../../fabric/index.js';

/** Slave_IO_Running as the replica reports it. */
export type IoState = 'Yes' | 'No' | 'Connecting';

/** The replication threads of a server as one probe saw them. */
export interface ReplicaView {
  /** host:port the server replicates from. */
  readonly source: string;
  readonly ioRunning: IoState;
  readonly sqlRunning: boolean;
  /** Seconds_Behind_Master; null while unknown (SQL thread stopped). */
  readonly lagSeconds: number | null;
  readonly ioError: string;
  readonly sqlError: string;
  /**
   * How long the observing node has seen this replica receive nothing from
   * its source (neither an event nor a heartbeat: Slave_received_heartbeats
   * and the read position both unchanged across its probes), a lower bound;
   * null before the node has two probes to compare.
   */
  readonly receiptAgeMs: number | null;
  /** Slave_heartbeat_period in ms; null when unknown. */
  readonly heartbeatPeriodMs: number | null;
}

/**
 * One node's latest probe of one server. `at` is on the leader's clock:
 * a follower sends how old its probe is and the leader subtracts that from
 * the time it received it, so clock skew between nodes never makes a
 * report look fresh or stale.
 */
export interface Observation {
  readonly ok: boolean;
  /** When the probe finished (ms since the epoch, leader's clock). */
  readonly at: number;
  /** Why the probe failed; '' when it answered. */
  readonly error: string;
  /** The server's replication as the probe saw it; undefined when it replicates from nobody or did not answer. */
  readonly replica: ReplicaView | undefined;
}

/**
 * An observation as one node hands it to another: its age instead of a
 * time, so the receiver can place it on its own clock.
 */
export interface ReportedObservation {
  /** The server's uuid. */
  readonly server: string;
  readonly ok: boolean;
  /** How long ago the probe finished, on the sender's clock. */
  readonly ageMs: number;
  readonly error: string;
  readonly replica: ReplicaView | undefined;
}

/** The leader's own run of failed probes of one server; reset by any answer. */
export interface FailureCount {
  readonly consecutive: number;
  readonly lastError: string;
}

/** The part of [failure_detector] the judge needs. */
export interface JudgeSettings {
  /** Consecutive failed probes by the leader before a server may be declared dead. */
  readonly detections: number;
  /** Another node's observation counts for this long after its probe. */
  readonly observationWindowMs: number;
  /** A secondary lagging more than this is reported. */
  readonly lagThresholdS: number;
  /**
   * Fail a primary over on the Fabric nodes' agreement alone when no
   * reachable replica can say anything about it (none replicates from it,
   * or every IO thread was stopped by hand). Off by default: without a
   * replica's word, a cut between Fabric and a live primary looks the same
   * as a dead primary.
   */
  readonly failoverWithoutReplicaEvidence: boolean;
  /**
   * A deliberately broken variant, for the simulator only (it must catch
   * it): the leader's own failed probes alone declare a server dead, as
   * MySQL Fabric's one process did. Never set in a node process.
   */
  readonly unsafeLeaderOnly?: boolean;
}

/** The replicated farm as the leader applied it. */
export interface FarmSnapshot {
  readonly groups: readonly Group[];
  readonly servers: readonly Server[];
}

/** Everything one judgement depends on; no clock, no I/O: the caller passes both in. */
export interface JudgeInput {
  /** The judging node (the Raft leader). */
  readonly leaderId: string;
  readonly farm: FarmSnapshot;
  /** Per server uuid; a server missing here has no failed probe to its name. */
  readonly leaderFailures: ReadonlyMap<string, FailureCount>;
  /** node id → server uuid → that node's latest observation (the leader's own included). */
  readonly observations: ReadonlyMap<string, ReadonlyMap<string, Observation>>;
  /** The voting members now; only their views count, each once. */
  readonly voters: readonly string[];
  readonly now: number;
  readonly settings: JudgeSettings;
  /** Group id → when its automatic-failover cooldown ends (absent or ≤ now: none). */
  readonly cooldownEnds: ReadonlyMap<string, number>;
}

/** What the failure detector should do, or say, about one server. */
export type Decision = PrimaryDead | SecondaryDead | Unconfirmed | ReplicationIssue;

interface ServerRef {
  readonly group: string;
  /** The server's uuid. */
  readonly server: string;
  readonly address: string;
}

/** Fail the group over: the independent views agree that its primary is gone. */
export interface PrimaryDead extends ServerRef {
  readonly kind: 'primary-dead';
  readonly evidence: Evidence;
}

/** Mark a SECONDARY or SPARE FAULTY (no failover): a majority cannot reach it. */
export interface SecondaryDead extends ServerRef {
  readonly kind: 'secondary-dead';
  readonly evidence: Evidence;
}

/**
 * The leader cannot reach a server but is not allowed to act: the other
 * views disagree ('no-agreement'); a replica still receives from the
 * primary ('replica-veto': the primary is alive, only Fabric's links to it
 * are cut); no replica can say ('no-replica-evidence', unless
 * [failure_detector] failover_without_replica_evidence); or the group
 * failed over automatically too recently ('cooldown'). Logged, answered to
 * report-failure; a veto is also recorded in the history and the topology.
 */
export interface Unconfirmed extends ServerRef {
  readonly kind: 'unconfirmed';
  readonly role: 'primary' | 'secondary';
  readonly reason: UnconfirmedReason;
  readonly evidence: Evidence;
}

export const UNCONFIRMED_REASONS = [
  'no-agreement',
  'replica-veto',
  'no-replica-evidence',
  'cooldown',
] as const;
export type UnconfirmedReason = (typeof UNCONFIRMED_REASONS)[number];

/** Advisory: a reachable secondary whose replication is stopped or too far behind. */
export interface ReplicationIssue extends ServerRef {
  readonly kind: 'replication-issue';
  readonly issue: 'stopped' | 'lagging';
  readonly state: ReplicationHealth;
}

/** A reachable secondary's replication, as the freshest observation of it shows. */
export type ReplicationHealth =
  | {
      readonly state: 'ok';
      readonly lagSeconds: number | null;
      readonly observedBy: string;
      readonly at: number;
    }
  | {
      readonly state: 'lagging';
      readonly lagSeconds: number;
      readonly observedBy: string;
      readonly at: number;
    }
  | {
      readonly state: 'stopped';
      /** The replication error, or why it counts as stopped. */
      readonly error: string;
      readonly observedBy: string;
      readonly at: number;
    };

/**
 * Who saw what, when: written into the procedure's arguments, so the
 * history shows why a server was declared dead. A JSON object (no
 * undefined anywhere): times are ms since the epoch on the leader's clock.
 */
export type Evidence = Readonly<Record<string, JsonValue>>;
