import { RaftError } from './errors.js';
import type { RaftLogger } from './logger.js';
import type { Rng } from './rng.js';
import type { Entry, HardState, NodeId, Snapshot } from './types.js';

export const READ_ONLY_OPTIONS = ['safe', 'lease'] as const;
export type ReadOnlyOption = (typeof READ_ONLY_OPTIONS)[number];

/** What the driver loaded from durable storage (all empty for a brand-new node). */
export interface InitialState {
  readonly hardState: HardState;
  readonly snapshot?: Snapshot | undefined;
  /** Entries after the snapshot, contiguous. */
  readonly entries: readonly Entry[];
}

/** Switches that deliberately break the protocol, for proving the checkers can fail. */
export interface TestingKnobs {
  /**
   * Commit entries of previous terms by counting replicas: the bug of the
   * Raft paper's Figure 8, which §5.4.2 forbids.
   */
  readonly commitPreviousTermByCount?: boolean;
}

export interface RaftConfig {
  readonly id: NodeId;
  /** Ticks without a leader before campaigning; the timeout is drawn in [E, 2E). */
  readonly electionTick: number;
  /** Ticks between leader heartbeats. Must be < electionTick. */
  readonly heartbeatTick: number;
  readonly rng: Rng;
  readonly storage: InitialState;
  /** Last index the state machine has applied (restart); defaults to the snapshot index. */
  readonly applied?: number;
  /** Pre-Vote (thesis §9.6): a partitioned node cannot bump terms and depose a leader. */
  readonly preVote?: boolean;
  /** CheckQuorum (thesis §6.2): a leader without a live majority steps down. */
  readonly checkQuorum?: boolean;
  /**
   * The boot lease (RaftState.ticksSinceStart): a node restarted on persisted
   * state grants no vote for one election timeout. On by default; the
   * etcd-derived unit tests that step votes into freshly built nodes turn it off.
   */
  readonly bootLease?: boolean;
  /** 'lease' serves reads without a heartbeat round; it relies on bounded clock drift. */
  readonly readOnly?: ReadOnlyOption;
  /** Upper bound of entry payload bytes in one append message (at least one entry). */
  readonly maxSizePerMsg?: number;
  /** Appends in flight per follower in replicate state. */
  readonly maxInflightMsgs?: number;
  /** Payload bytes in flight per follower (0: unbounded). */
  readonly maxInflightBytes?: number;
  /** Leader drops proposals while more payload than this is uncommitted (0: unbounded). */
  readonly maxUncommittedEntriesSize?: number;
  /** Payload bytes of committed entries per Ready (0: unbounded). */
  readonly maxCommittedSizePerReady?: number;
  readonly logger?: RaftLogger;
  readonly testing?: TestingKnobs;
}

/** RaftConfig with every default filled in. */
export type ResolvedRaftConfig = Required<Omit<RaftConfig, 'testing' | 'applied'>> & {
  readonly testing: TestingKnobs;
  readonly applied: number | undefined;
};

function positiveInt(field: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) {
    throw new RaftError(
      'INVALID_ARGUMENT',
      `raft config: ${field} must be a positive integer, got ${String(v)}`,
    );
  }
}

function nonNegativeInt(field: string, v: number): void {
  if (!Number.isInteger(v) || v < 0) {
    throw new RaftError(
      'INVALID_ARGUMENT',
      `raft config: ${field} must be an integer >= 0, got ${String(v)}`,
    );
  }
}

/** Validates a config and fills defaults; errors name the field and what is allowed. */
export function resolveRaftConfig(c: RaftConfig, logger: RaftLogger): ResolvedRaftConfig {
  if (c.id === '') throw new RaftError('INVALID_ARGUMENT', 'raft config: id must not be empty');
  positiveInt('electionTick', c.electionTick);
  positiveInt('heartbeatTick', c.heartbeatTick);
  if (c.heartbeatTick >= c.electionTick) {
    throw new RaftError(
      'INVALID_ARGUMENT',
      `raft config: heartbeatTick (${c.heartbeatTick}) must be less than electionTick (${c.electionTick})`,
    );
  }
  const r: ResolvedRaftConfig = {
    id: c.id,
    electionTick: c.electionTick,
    heartbeatTick: c.heartbeatTick,
    rng: c.rng,
    storage: c.storage,
    applied: c.applied,
    preVote: c.preVote ?? true,
    checkQuorum: c.checkQuorum ?? true,
    bootLease: c.bootLease ?? true,
    readOnly: c.readOnly ?? 'safe',
    maxSizePerMsg: c.maxSizePerMsg ?? 1024 * 1024,
    maxInflightMsgs: c.maxInflightMsgs ?? 256,
    maxInflightBytes: c.maxInflightBytes ?? 4 * 1024 * 1024,
    maxUncommittedEntriesSize: c.maxUncommittedEntriesSize ?? 0,
    maxCommittedSizePerReady: c.maxCommittedSizePerReady ?? 0,
    logger,
    testing: c.testing ?? {},
  };
  nonNegativeInt('maxSizePerMsg', r.maxSizePerMsg);
  positiveInt('maxInflightMsgs', r.maxInflightMsgs);
  nonNegativeInt('maxInflightBytes', r.maxInflightBytes);
  nonNegativeInt('maxUncommittedEntriesSize', r.maxUncommittedEntriesSize);
  nonNegativeInt('maxCommittedSizePerReady', r.maxCommittedSizePerReady);
  if (!(READ_ONLY_OPTIONS as readonly string[]).includes(r.readOnly)) {
    // Any other value would leave every ReadIndex request unanswered.
    throw new RaftError(
      'INVALID_ARGUMENT',
      `raft config: readOnly must be 'safe' or 'lease', got ${r.readOnly}`,
    );
  }
  if (r.readOnly === 'lease' && !r.checkQuorum) {
    // A lease is only sound if a leader that lost its quorum stops serving (thesis §6.4.1).
    throw new RaftError('INVALID_ARGUMENT', "raft config: readOnly 'lease' requires checkQuorum");
  }
  return r;
}
