import { Inflights } from './inflights.js';

export const PROGRESS_STATES = ['probe', 'replicate', 'snapshot'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

/**
 * The leader's view of one follower (§5.3's nextIndex/matchIndex, refined as
 * in etcd-io/raft into three states):
 * - probe: the leader does not know where the logs diverge; it sends one
 *   append per heartbeat interval and waits for the answer.
 * - replicate: logs match up to `match`; appends are pipelined optimistically,
 *   bounded by `inflights`.
 * - snapshot: the follower is behind the compaction point; nothing is sent
 *   until the snapshot at `pendingSnapshot` is reported applied or failed.
 */
export class Progress {
  /** Highest index known to be replicated. Invariant: match < next. Reset on becoming leader. */
  match = 0;
  /** Next index to send. */
  next: number;
  state: ProgressState = 'probe';
  /** Index of the snapshot in flight; valid only in snapshot state. */
  pendingSnapshot = 0;
  /**
   * True if the follower was heard from since the last CheckQuorum round.
   * The leader's own entry is always active.
   */
  recentActive = false;
  /** In probe state: an append was sent and no answer came yet. */
  probeSent = false;
  /**
   * Leader ticks spent in snapshot state. A snapshot whose outcome is never
   * reported (a lost report) would otherwise pause this follower forever.
   */
  snapshotTicks = 0;
  isLearner: boolean;
  readonly inflights: Inflights;

  constructor(next: number, isLearner: boolean, maxInflightMsgs: number, maxInflightBytes: number) {
    this.next = next;
    this.isLearner = isLearner;
    this.inflights = new Inflights(maxInflightMsgs, maxInflightBytes);
  }

  #reset(state: ProgressState): void {
    this.state = state;
    this.probeSent = false;
    this.pendingSnapshot = 0;
    this.snapshotTicks = 0;
    this.inflights.reset();
  }

  becomeProbe(): void {
    // After a snapshot, the follower holds at least the snapshot's index.
    const next =
      this.state === 'snapshot'
        ? Math.max(this.match + 1, this.pendingSnapshot + 1)
        : this.match + 1;
    this.#reset('probe');
    this.next = next;
  }

  becomeReplicate(): void {
    this.#reset('replicate');
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.#reset('snapshot');
    this.pendingSnapshot = snapshotIndex;
  }

  /** Records an acknowledgement of `index`; returns false if it was stale. */
  maybeUpdate(index: number): boolean {
    let updated = false;
    if (this.match < index) {
      this.match = index;
      updated = true;
      this.probeSent = false;
    }
    this.next = Math.max(this.next, index + 1);
    return updated;
  }

  /**
   * True when a rejection says the follower holds less than it acknowledged:
   * its hint (the highest index that may still match, never past its last
   * index) is below `match`. A correct follower never loses a matched entry
   * (it truncates only conflicting, hence uncommitted and unmatched, ones),
   * so this is a storage fault: a lost write or an older copy of its data dir.
   * (A much-delayed duplicate of a rejection sent before the follower caught
   * up looks the same; resetting then costs one probe and is still safe.)
   */
  lostAcknowledged(hint: number): boolean {
    return hint < this.match;
  }

  /**
   * After a storage fault on the follower: forget what it acknowledged and
   * probe just past its reported log. Lowering `match` never lowers the
   * commit index (it only advances, raft-log.ts); it only stops counting this
   * follower for entries it no longer holds.
   */
  resetAfterLoss(hint: number): void {
    this.match = 0;
    this.becomeProbe();
    this.next = Math.max(1, hint + 1);
  }

  /**
   * Handles a rejection of the append at `rejected`. `hint` is the highest
   * index that may still match. Returns false when the rejection is stale.
   */
  maybeDecrTo(rejected: number, hint: number): boolean {
    if (this.state === 'replicate') {
      // Stale: that append was already acknowledged.
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    // In probe state only the last probe's rejection counts.
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, hint + 1), this.match + 1);
    this.probeSent = false;
    return true;
  }

  /** Bookkeeping after sending `count` entries of `bytes` payload. */
  sentEntries(count: number, bytes: number): void {
    if (this.state === 'replicate') {
      if (count > 0) {
        this.next += count;
        this.inflights.add(this.next - 1, bytes);
      }
    } else if (this.state === 'probe') {
      this.probeSent = true;
    }
  }

  /** Whether sending to this follower must wait. */
  isPaused(): boolean {
    switch (this.state) {
      case 'probe':
        return this.probeSent;
      case 'replicate':
        return this.inflights.full();
      case 'snapshot':
        return true;
    }
  }
}
