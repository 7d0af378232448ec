import { handleVoteRequest } from './election.js';
import type { Message } from './message.js';
import type { RaftState } from './raft-state.js';
import { stepCandidate } from './step-candidate.js';
import { stepFollower } from './step-follower.js';
import { stepLeader } from './step-leader.js';
import { NONE } from './types.js';
import { validateMessage } from './validate-message.js';

/**
 * Entry point for peer messages: validation, the term rules every role
 * shares (§5.1), vote requests, then the role's own handler.
 */
export function step(r: RaftState, m: Message): void {
  validateMessage(r.id, m);
  if (isVoteRequest(m) && r.trk.voters.size > 0 && !r.trk.isMember(m.from)) {
    // A node outside our configuration (removed, or foreign) must not disrupt us.
    r.logger.debug('ignored vote request from a non-member', { id: r.id, from: m.from });
    return;
  }
  if (m.term > r.term) {
    if (!onHigherTerm(r, m)) return;
  } else if (m.term < r.term) {
    onLowerTerm(r, m);
    return;
  }
  if (m.type === 'vote' || m.type === 'pre-vote') {
    handleVoteRequest(r, m);
    return;
  }
  switch (r.role) {
    case 'leader':
      stepLeader(r, m);
      return;
    case 'candidate':
    case 'pre-candidate':
      stepCandidate(r, m);
      return;
    case 'follower':
      stepFollower(r, m);
      return;
  }
}

function isVoteRequest(m: Message): m is Extract<Message, { type: 'vote' | 'pre-vote' }> {
  return m.type === 'vote' || m.type === 'pre-vote';
}

/** Returns false if the message must be dropped. */
function onHigherTerm(r: RaftState, m: Message): boolean {
  if (isVoteRequest(m)) {
    // Thesis §4.2.3: while we hear from a leader within the minimum election
    // timeout, ignore (pre-)votes, so a removed or partitioned server cannot
    // depose it. A transfer's campaign was asked for by that leader.
    const inLease = r.cfg.checkQuorum && r.lead !== NONE && r.electionElapsed < r.cfg.electionTick;
    if (!m.transfer && (inLease || r.inBootLease())) {
      r.logger.debug('ignored vote request within leader lease', {
        id: r.id,
        from: m.from,
        term: m.term,
        bootLease: r.inBootLease(),
      });
      return false;
    }
    // A pre-vote changes no term (thesis §9.6).
    if (m.type === 'pre-vote') return true;
    r.becomeFollower(m.term, NONE);
    return true;
  }
  // A granted pre-vote answers at the term we will campaign with.
  if (m.type === 'pre-vote-resp' && !m.reject) return true;
  const leader = m.type === 'app' || m.type === 'heartbeat' || m.type === 'snap' ? m.from : NONE;
  r.becomeFollower(m.term, leader);
  return true;
}

/**
 * A stale message. With CheckQuorum or Pre-Vote a deposed leader may never
 * see a higher term (its peers ignore its votes), so answer its appends
 * with our term to make it step down; reject stale pre-votes likewise so
 * the pre-candidate learns the term.
 */
function onLowerTerm(r: RaftState, m: Message): void {
  if ((r.cfg.checkQuorum || r.cfg.preVote) && (m.type === 'app' || m.type === 'heartbeat')) {
    r.send({ type: 'app-resp', to: m.from, index: 0, reject: false, hintIndex: 0, hintTerm: 0 });
  } else if (m.type === 'pre-vote') {
    r.send({ type: 'pre-vote-resp', to: m.from, reject: true });
  }
}
