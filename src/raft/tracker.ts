import { Progress } from './progress.js';
import { committedIndex, majority, voteResult } from './quorum.js';
import type { VoteResult } from './quorum.js';
import type { ConfState, NodeId } from './types.js';

/**
 * The active configuration plus the leader's per-member Progress and the
 * candidate's vote tally. Membership comes from the log (see conf-change.ts);
 * this class only mirrors it.
 */
export class ProgressTracker {
  voters = new Set<NodeId>();
  learners = new Set<NodeId>();
  /** Progress of every member (voters and learners), the local node included. */
  readonly progress = new Map<NodeId, Progress>();
  /** Votes received in the current election: true = granted. */
  readonly votes = new Map<NodeId, boolean>();
  readonly maxInflightMsgs: number;
  readonly maxInflightBytes: number;

  constructor(maxInflightMsgs: number, maxInflightBytes: number) {
    this.maxInflightMsgs = maxInflightMsgs;
    this.maxInflightBytes = maxInflightBytes;
  }

  /**
   * Switches to `conf`. Members that stay keep their progress; new members
   * start probing at `nextIndex`; removed members are forgotten.
   */
  setConf(conf: ConfState, nextIndex: number): void {
    this.voters = new Set(conf.voters);
    this.learners = new Set(conf.learners);
    for (const id of [...this.progress.keys()]) {
      if (!this.voters.has(id) && !this.learners.has(id)) this.progress.delete(id);
    }
    for (const id of [...conf.voters, ...conf.learners]) {
      const pr = this.progress.get(id);
      if (pr === undefined) {
        this.progress.set(
          id,
          new Progress(
            nextIndex,
            this.learners.has(id),
            this.maxInflightMsgs,
            this.maxInflightBytes,
          ),
        );
      } else {
        pr.isLearner = this.learners.has(id);
      }
    }
  }

  isVoter(id: NodeId): boolean {
    return this.voters.has(id);
  }

  isMember(id: NodeId): boolean {
    return this.voters.has(id) || this.learners.has(id);
  }

  /** The highest index replicated on a majority of voters. */
  committed(): number {
    return committedIndex(this.voters, (id) => this.progress.get(id)?.match ?? 0);
  }

  /** Whether a majority of voters was heard from recently (CheckQuorum, thesis §6.2). */
  quorumActive(self: NodeId): boolean {
    let active = 0;
    for (const id of this.voters) {
      if (id === self || this.progress.get(id)?.recentActive === true) active++;
    }
    return active >= majority(this.voters.size);
  }

  resetVotes(): void {
    this.votes.clear();
  }

  /** Records `id`'s vote (first answer wins) and tallies. */
  recordVote(
    id: NodeId,
    granted: boolean,
  ): { result: VoteResult; granted: number; rejected: number } {
    if (!this.votes.has(id)) this.votes.set(id, granted);
    return voteResult(this.voters, this.votes);
  }

  /** Forgets every member's progress and restarts it at `nextIndex`. */
  resetProgress(nextIndex: number, self: NodeId, selfMatch: number): void {
    for (const [id, pr] of this.progress) {
      const fresh = new Progress(
        nextIndex,
        pr.isLearner,
        this.maxInflightMsgs,
        this.maxInflightBytes,
      );
      if (id === self) {
        fresh.match = selfMatch;
        fresh.recentActive = true;
      }
      this.progress.set(id, fresh);
    }
  }
}
