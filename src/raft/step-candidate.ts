import { onWin, poll } from './election.js';
import { handleAppend, handleHeartbeat, handleSnapshot } from './follower-handlers.js';
import type { Message } from './message.js';
import type { RaftState } from './raft-state.js';

/** Candidates and pre-candidates: count votes, and yield to a leader of our term. */
export function stepCandidate(r: RaftState, m: Message): void {
  const expected = r.role === 'pre-candidate' ? 'pre-vote-resp' : 'vote-resp';
  switch (m.type) {
    case 'app':
      // §5.2: a leader with a term at least ours has won this term.
      r.becomeFollower(m.term, m.from);
      handleAppend(r, m);
      return;
    case 'heartbeat':
      r.becomeFollower(m.term, m.from);
      handleHeartbeat(r, m);
      return;
    case 'snap':
      r.becomeFollower(m.term, m.from);
      handleSnapshot(r, m);
      return;
    case 'vote-resp':
    case 'pre-vote-resp': {
      if (m.type !== expected || !r.trk.isVoter(m.from)) return;
      const result = poll(r, m.from, !m.reject);
      if (result === 'won') onWin(r, r.role === 'pre-candidate' ? 'pre-vote' : 'vote');
      else if (result === 'lost') r.becomeFollower(r.term, '');
      return;
    }
    default:
      return;
  }
}
