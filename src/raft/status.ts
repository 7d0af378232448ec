import type { ProgressState } from './progress.js';
import type { RaftState } from './raft-state.js';
import type { ConfState, NodeId, Role } from './types.js';

export interface PeerProgress {
  readonly match: number;
  readonly next: number;
  readonly state: ProgressState;
  readonly learner: boolean;
  readonly recentActive: boolean;
}

/** A read-only picture of one node, for operators, drivers and tests. */
export interface RaftStatus {
  readonly id: NodeId;
  readonly role: Role;
  readonly term: number;
  readonly vote: NodeId;
  readonly leader: NodeId;
  readonly commit: number;
  readonly applied: number;
  readonly firstIndex: number;
  readonly lastIndex: number;
  readonly lastTerm: number;
  readonly conf: ConfState;
  readonly leadTransferee: NodeId;
  /** Leader only: each member's replication progress. */
  readonly progress: ReadonlyMap<NodeId, PeerProgress>;
}

export function statusOf(r: RaftState): RaftStatus {
  const progress = new Map<NodeId, PeerProgress>();
  if (r.role === 'leader') {
    for (const [id, pr] of r.trk.progress) {
      progress.set(id, {
        match: pr.match,
        next: pr.next,
        state: pr.state,
        learner: pr.isLearner,
        recentActive: pr.recentActive,
      });
    }
  }
  return {
    id: r.id,
    role: r.role,
    term: r.term,
    vote: r.vote,
    leader: r.lead,
    commit: r.log.committed,
    applied: r.log.applied,
    firstIndex: r.log.firstIndex(),
    lastIndex: r.log.lastIndex(),
    lastTerm: r.log.lastTerm(),
    conf: r.log.conf(),
    leadTransferee: r.leadTransferee,
    progress,
  };
}
