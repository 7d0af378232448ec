import { normalizeConfState } from './conf-change.js';
import { assert } from './errors.js';
import type { RaftLogger } from './logger.js';
import type { Message } from './message.js';
import type { ResolvedRaftConfig } from './raft-config.js';
import { RaftLog } from './raft-log.js';
import { ReadOnly } from './read-only.js';
import { ProgressTracker } from './tracker.js';
import type { NewEntry, NodeId, ReadState, Role, Snapshot } from './types.js';
import { EMPTY_SNAPSHOT_METADATA, NONE, entriesSize } from './types.js';

/** A ReadIndex request that arrived before the leader committed an entry of its term. */
export interface DeferredRead {
  readonly from: NodeId;
  readonly context: string;
}

/** Distributes a message without the sender fields. */
export type Outgoing = Message extends infer M
  ? M extends Message
    ? Omit<M, 'from' | 'term'> & { readonly term?: number }
    : never
  : never;

/**
 * The mutable state of one Raft node and the transitions every role shares.
 * @internal Fields are public so the role files (step-*.ts, replication.ts,
 * election.ts, …) can be small functions; only RaftCore is public API.
 */
export class RaftState {
  readonly id: NodeId;
  readonly cfg: ResolvedRaftConfig;
  readonly logger: RaftLogger;
  /** Current term (Figure 2). Never decreases; persisted in HardState. */
  term = 0;
  /** Candidate voted for in `term`, or NONE. Persisted in HardState. */
  vote: NodeId = NONE;
  /** Leader of `term` as far as this node knows, or NONE. */
  lead: NodeId = NONE;
  role: Role = 'follower';
  readonly log: RaftLog;
  readonly trk: ProgressTracker;
  /** Ticks since the last reset (leader: since the last CheckQuorum round). */
  electionElapsed = 0;
  /** Leader only: ticks since the last heartbeat broadcast. */
  heartbeatElapsed = 0;
  /** Drawn in [electionTick, 2*electionTick) on every reset (§5.2). */
  randomizedElectionTimeout: number;
  /** Leader only: the node leadership is being handed to, or NONE (thesis §3.10). */
  leadTransferee: NodeId = NONE;
  /** Leader only: index of the no-op this leader appended on election. */
  leaderStartIndex = 0;
  /** Leader only: payload bytes proposed and not yet applied. */
  uncommittedSize = 0;
  /** The latest snapshot this node holds, sent to followers behind the compaction point. */
  snapshot: Snapshot | undefined;
  /** Outgoing messages since the last Ready. */
  msgs: Message[] = [];
  readStates: ReadState[] = [];
  readonly readOnly = new ReadOnly();
  /** Leader only: reads waiting for the first commit of this term (thesis §6.4 step 1). */
  deferredReads: DeferredRead[] = [];
  /**
   * The highest commit index any leader told us, even past our own log
   * (volatile). Every later leader holds that entry (Leader Completeness,
   * §5.4), so we never vote for a candidate whose log ends before it: after a
   * restart from an older copy of the data dir, or a lost write, our shorter
   * log must not elect a leader that lacks entries we acknowledged and forgot
   * (Protocol-Aware Recovery, Alagappan et al., FAST 2018: a node must not
   * vote on state it may have lost). Refusing such a candidate costs nothing:
   * it could never be a correct leader.
   */
  knownCommit = 0;
  /**
   * Ticks since this node started, up to electionTick. A node restarted on
   * persisted state grants no vote for one election timeout (the boot lease):
   * a live leader reaches it first (its heartbeat interval is shorter), tells
   * it the current term and commit, and repairs a log that went backwards
   * before the node may vote again. Our own campaign is not delayed, so a
   * full-cluster restart still elects within the usual time.
   */
  ticksSinceStart = 0;
  /** Whether the boot lease applies: false for a brand-new node, which has nothing to forget. */
  readonly restarted: boolean;

  constructor(cfg: ResolvedRaftConfig) {
    this.id = cfg.id;
    this.cfg = cfg;
    this.logger = cfg.logger;
    const init = cfg.storage;
    const snap = init.snapshot;
    const meta =
      snap === undefined
        ? EMPTY_SNAPSHOT_METADATA
        : { ...snap.metadata, conf: normalizeConfState(snap.metadata.conf) };
    this.snapshot = snap === undefined ? undefined : { metadata: meta, data: snap.data };
    this.log = new RaftLog(meta, init.entries, init.hardState.commit, cfg.applied ?? meta.index);
    this.trk = new ProgressTracker(cfg.maxInflightMsgs, cfg.maxInflightBytes);
    this.trk.setConf(this.log.conf(), this.log.lastIndex() + 1);
    this.term = init.hardState.term;
    this.vote = init.hardState.vote;
    this.knownCommit = this.log.committed;
    this.restarted = cfg.bootLease && (this.term > 0 || this.log.lastIndex() > 0);
    this.randomizedElectionTimeout = cfg.electionTick;
    this.becomeFollower(this.term, NONE);
  }

  /** Queues a message; `from` and (unless given) `term` are filled in. */
  send(m: Outgoing): void {
    assert(m.to !== this.id, `raft ${this.id}: message to self`);
    this.msgs.push({ ...m, from: this.id, term: m.term ?? this.term });
  }

  /** True within one election timeout of a restart: see ticksSinceStart. */
  inBootLease(): boolean {
    return this.restarted && this.ticksSinceStart < this.cfg.electionTick;
  }

  /** Records a commit index a leader sent us (see knownCommit). */
  learnCommit(commit: number): void {
    if (commit > this.knownCommit) this.knownCommit = commit;
  }

  /** A voter may campaign; learners and removed nodes may not. */
  promotable(): boolean {
    return this.trk.isVoter(this.id);
  }

  pastElectionTimeout(): boolean {
    return this.electionElapsed >= this.randomizedElectionTimeout;
  }

  resetRandomizedElectionTimeout(): void {
    this.randomizedElectionTimeout =
      this.cfg.electionTick + this.cfg.rng.int(this.cfg.electionTick);
  }

  #reset(term: number): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = NONE;
    }
    this.lead = NONE;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.resetRandomizedElectionTimeout();
    this.leadTransferee = NONE;
    this.leaderStartIndex = 0;
    this.uncommittedSize = 0;
    this.trk.resetVotes();
    this.trk.resetProgress(this.log.lastIndex() + 1, this.id, this.log.persisted);
    this.readOnly.reset();
    this.deferredReads = [];
  }

  becomeFollower(term: number, lead: NodeId): void {
    this.#reset(term);
    this.lead = lead;
    this.role = 'follower';
  }

  /** A pre-candidate asks for votes at term+1 without changing its term or vote (thesis §9.6). */
  becomePreCandidate(): void {
    assert(this.role !== 'leader', `raft ${this.id}: leader cannot become pre-candidate`);
    this.trk.resetVotes();
    this.lead = NONE;
    this.role = 'pre-candidate';
  }

  becomeCandidate(): void {
    assert(this.role !== 'leader', `raft ${this.id}: leader cannot become candidate`);
    this.#reset(this.term + 1);
    this.vote = this.id;
    this.role = 'candidate';
  }

  becomeLeader(): void {
    assert(this.role === 'candidate', `raft ${this.id}: only a candidate can become leader`);
    this.#reset(this.term);
    this.lead = this.id;
    this.role = 'leader';
    const self = this.trk.progress.get(this.id);
    // The leader's own progress is trivially in replicate state.
    self?.becomeReplicate();
    // §8 / §5.4.2: a no-op of the new term lets older entries commit, and lets
    // ReadIndex and configuration changes proceed once it commits.
    this.appendEntries([{ type: 'normal', data: new Uint8Array(0) }]);
    this.leaderStartIndex = this.log.lastIndex();
    this.logger.info('became leader', { id: this.id, term: this.term });
  }

  /**
   * Leader only: assigns term and index to new entries, appends them to the
   * log (a configuration entry takes effect now, thesis §4.1), and counts
   * the leader's own copy.
   */
  appendEntries(items: readonly NewEntry[]): number {
    const first = this.log.lastIndex() + 1;
    const entries = items.map((e, i) => ({ ...e, term: this.term, index: first + i }));
    this.log.append(entries);
    this.uncommittedSize += entriesSize(entries);
    if (entries.some((e) => e.type === 'conf')) this.syncConf();
    // The leader's own copy counts once it is durable (onPersisted).
    return first;
  }

  /** Mirrors the log's configuration into the tracker after an append, truncation or restore. */
  syncConf(): void {
    this.trk.setConf(this.log.conf(), this.log.lastIndex() + 1);
    if (this.role === 'leader') {
      const self = this.trk.progress.get(this.id);
      if (self !== undefined) {
        self.maybeUpdate(this.log.persisted);
        self.recentActive = true;
      }
      if (this.leadTransferee !== NONE && !this.trk.isVoter(this.leadTransferee))
        this.abortLeaderTransfer();
    }
  }

  /**
   * Leader only: advances commit to what a majority holds. §5.4.2: only an
   * entry of the current term is committed by counting replicas; earlier
   * entries commit with it (Figure 8). The testing knob breaks exactly this.
   */
  maybeCommit(): boolean {
    const mci = this.trk.committed();
    if (mci <= this.log.committed) return false;
    if (this.log.term(mci) !== this.term && this.cfg.testing.commitPreviousTermByCount !== true)
      return false;
    this.log.commitTo(mci);
    return true;
  }

  /**
   * The driver made entries durable up to (index, term). A leader now
   * counts its own copy; returns true if that advanced the commit index.
   */
  onPersisted(index: number, term: number): boolean {
    this.log.stableTo(index, term);
    if (this.role !== 'leader') return false;
    this.trk.progress.get(this.id)?.maybeUpdate(this.log.persisted);
    return this.maybeCommit();
  }

  /** Whether this leader has committed an entry of its own term. */
  committedInTerm(): boolean {
    return this.leaderStartIndex > 0 && this.log.committed >= this.leaderStartIndex;
  }

  abortLeaderTransfer(): void {
    if (this.leadTransferee !== NONE) {
      this.logger.info('leadership transfer aborted', { id: this.id, target: this.leadTransferee });
    }
    this.leadTransferee = NONE;
  }
}
