import { SeededRng } from '../../src/raft/index.js';

/**
 * Swarm testing (TigerBeetle's VOPR, FoundationDB): every seed draws its own
 * cluster shape and fault rates, so a fixed seed set covers many corners of
 * the configuration space and not one hand-picked profile.
 */
export interface SimOptions {
  readonly seed: number;
  readonly steps: number;
  readonly clusterSize: number;
  readonly electionTick: number;
  readonly heartbeatTick: number;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  /** Probability that one message is lost. */
  readonly dropRate: number;
  /** Probability that one message is delivered twice. */
  readonly duplicateRate: number;
  /** Message delay in ticks is drawn uniformly from [0, maxDelay]. */
  readonly maxDelay: number;
  /** Ticks a disk write takes, drawn from [0, maxDiskDelay]. */
  readonly maxDiskDelay: number;
  /** Per-step probability of a new partition (and of healing one). */
  readonly partitionRate: number;
  readonly healRate: number;
  /** Per-step probability that one live node crashes. */
  readonly crashRate: number;
  /** Ticks a crashed node stays down, drawn from [minDown, maxDown]. */
  readonly minDown: number;
  readonly maxDown: number;
  /** Per-step probability of a client proposal. */
  readonly proposeRate: number;
  readonly confChangeRate: number;
  /**
   * Probability that a newly elected leader is cut off, or crashed, a few
   * ticks into its term (Jepsen's "primaries" nemesis): it leaves
   * uncommitted entries behind and dies mid-replication.
   */
  readonly leaderNemesisRate: number;
  readonly transferRate: number;
  readonly readRate: number;
  /** Applied entries beyond the last snapshot that trigger a compaction. */
  readonly snapshotEvery: number;
  /** Most entries a leader keeps behind its snapshot for slow followers. */
  readonly keepEntries: number;
  readonly maxSizePerMsg: number;
  readonly maxInflightMsgs: number;
  /** Upper bound on ticks the heal phase may take to converge (liveness). */
  readonly healTicks: number;
  /** Deliberately broken core (checker self-test). */
  readonly brokenFigure8: boolean;
  /**
   * A disk that breaks its promise: a crash also loses up to three of the
   * node's last synced writes (what a damaged LevelDB .log does).
   */
  readonly lossyDisk: boolean;
  /**
   * The protection against it (src/storage/verify-copy.ts): a node whose
   * disk lost synced writes refuses to start, as a real node does with
   * DATA_DIR_CORRUPT, instead of voting and serving on what is left.
   */
  readonly detectLoss: boolean;
}

export interface OptionOverrides {
  readonly clusterSize?: number;
  readonly brokenFigure8?: boolean;
  readonly lossyDisk?: boolean;
  readonly detectLoss?: boolean;
}

export function deriveOptions(seed: number, steps: number, over: OptionOverrides = {}): SimOptions {
  const rng = new SeededRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)] as T;
  const electionTick = pick([6, 10, 16]);
  const broken = over.brokenFigure8 ?? false;
  return {
    seed,
    steps,
    clusterSize: over.clusterSize ?? 3 + rng.int(5),
    electionTick,
    heartbeatTick: pick([1, 2]),
    preVote: rng.float() < 0.8,
    checkQuorum: rng.float() < 0.8,
    dropRate: pick([0, 0.01, 0.05, 0.15]),
    duplicateRate: pick([0, 0.01, 0.05]),
    // Raft needs broadcastTime << electionTimeout (§5.6); slower networks
    // are a liveness problem by design, not a bug to look for.
    maxDelay: pick([0, 1, Math.floor(electionTick / 5)]),
    maxDiskDelay: pick([0, 1]),
    partitionRate: pick([0, 0.002, 0.01, 0.03]),
    healRate: pick([0.01, 0.03, 0.1]),
    crashRate: pick([0, 0.002, 0.01, 0.02]),
    minDown: 1,
    maxDown: pick([5, 30, 120]),
    proposeRate: pick([0.05, 0.2, 0.6]),
    confChangeRate: pick([0, 0.003, 0.01]),
    transferRate: pick([0, 0.002, 0.01]),
    leaderNemesisRate: pick([0, 0, 0.2, 0.5]),
    readRate: pick([0, 0.02, 0.1]),
    snapshotEvery: pick([8, 30, 100, 1_000_000]),
    keepEntries: pick([0, 3, 20]),
    maxSizePerMsg: pick([0, 64, 4096]),
    maxInflightMsgs: pick([1, 4, 256]),
    healTicks: 60 * electionTick,
    brokenFigure8: broken,
    lossyDisk: over.lossyDisk ?? false,
    detectLoss: over.detectLoss ?? true,
    ...(broken ? figure8Pressure(rng) : {}),
  };
}

/**
 * With the Figure 8 bug switched on, shape the swarm toward the schedule
 * that exposes it: entries of old terms trickle to followers one per message
 * (so a majority can hold them before the new leader's no-op), and leaders
 * crash and get partitioned often (so a later leader overwrites them).
 */
function figure8Pressure(rng: SeededRng): Partial<SimOptions> {
  return {
    clusterSize: 3,
    electionTick: 16,
    heartbeatTick: 2,
    maxDelay: 3,
    maxDiskDelay: 1,
    maxSizePerMsg: 1,
    maxInflightMsgs: 1,
    crashRate: 0.02 + rng.float() * 0.03,
    maxDown: 60,
    partitionRate: 0.03,
    healRate: 0.05,
    dropRate: 0.02,
    proposeRate: 0.5,
    confChangeRate: 0,
    leaderNemesisRate: 0.6,
    healTicks: 400 * 16,
    checkQuorum: false,
    preVote: false,
  };
}
