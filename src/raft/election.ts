import type { VoteMessage } from './message.js';
import type { RaftState } from './raft-state.js';
import { bcastAppend } from './replication.js';
import { NONE } from './types.js';

/**
 * Starts an election if this node may: a voter that is not already leader.
 * A transfer (TimeoutNow) skips Pre-Vote: the old leader asked for it.
 */
export function hup(r: RaftState, transfer: boolean): void {
  if (r.role === 'leader') return;
  if (!r.promotable()) {
    r.logger.debug('not campaigning: not a voter', { id: r.id });
    return;
  }
  campaign(r, r.cfg.preVote && !transfer ? 'pre-vote' : 'vote', transfer);
}

/**
 * Requests votes (§5.2). A pre-vote round asks "would you vote for me at
 * term+1?" without touching anyone's term (thesis §9.6), so a node that was
 * partitioned cannot force a healthy leader to step down on its return.
 */
export function campaign(r: RaftState, kind: 'pre-vote' | 'vote', transfer: boolean): void {
  let term: number;
  if (kind === 'pre-vote') {
    r.becomePreCandidate();
    term = r.term + 1;
  } else {
    r.becomeCandidate();
    term = r.term;
  }
  // Our own vote is durable with the HardState of this Ready before any request leaves.
  if (poll(r, r.id, true) === 'won') {
    onWin(r, kind);
    return;
  }
  for (const id of [...r.trk.voters].sort()) {
    if (id === r.id) continue;
    r.send({
      type: kind,
      to: id,
      term,
      index: r.log.lastIndex(),
      logTerm: r.log.lastTerm(),
      transfer,
    });
  }
}

export function poll(r: RaftState, from: string, granted: boolean): 'won' | 'lost' | 'pending' {
  return r.trk.recordVote(from, granted).result;
}

/** A pre-vote win starts the real election; a real win makes us leader. */
export function onWin(r: RaftState, kind: 'pre-vote' | 'vote'): void {
  if (kind === 'pre-vote') {
    campaign(r, 'vote', false);
    return;
  }
  r.becomeLeader();
  bcastAppend(r);
}

/**
 * RequestVote receiver (§5.2, §5.4.1). A vote is granted if we have not
 * voted for someone else in this term (a repeated request from the same
 * candidate is granted again), or it is a pre-vote for a later term; and the
 * candidate's log is at least as up to date as ours.
 */
export function handleVoteRequest(r: RaftState, m: VoteMessage): void {
  const canVote =
    r.vote === m.from ||
    (r.vote === NONE && r.lead === NONE) ||
    (m.type === 'pre-vote' && m.term > r.term);
  const respType = m.type === 'vote' ? 'vote-resp' : 'pre-vote-resp';
  // The boot lease and knownCommit: see RaftState. A transfer's campaign was
  // asked for by a live leader, which has every committed entry.
  const safeToVote = m.transfer || (!r.inBootLease() && m.index >= r.knownCommit);
  if (canVote && safeToVote && r.log.isUpToDate(m.index, m.logTerm)) {
    // The grant carries the candidate's term (for a pre-vote, the future term it asked for).
    r.send({ type: respType, to: m.from, term: m.term, reject: false });
    if (m.type === 'vote') {
      r.electionElapsed = 0;
      r.vote = m.from;
    }
    return;
  }
  if (canVote && !safeToVote)
    r.logger.info(
      'refused a vote: restarted within an election timeout, or the candidate lacks a committed entry',
      {
        id: r.id,
        from: m.from,
        candidateLastIndex: m.index,
        knownCommit: r.knownCommit,
        bootLease: r.inBootLease(),
      },
    );
  r.send({ type: respType, to: m.from, term: r.term, reject: true });
}
