import { hup } from './election.js';
import { handleAppend, handleHeartbeat, handleSnapshot } from './follower-handlers.js';
import type { Message } from './message.js';
import type { RaftState } from './raft-state.js';

/** Followers (and learners): accept the leader's log, relay requests to it. */
export function stepFollower(r: RaftState, m: Message): void {
  switch (m.type) {
    case 'app':
      r.electionElapsed = 0;
      r.lead = m.from;
      handleAppend(r, m);
      return;
    case 'heartbeat':
      r.electionElapsed = 0;
      r.lead = m.from;
      handleHeartbeat(r, m);
      return;
    case 'snap':
      r.electionElapsed = 0;
      r.lead = m.from;
      handleSnapshot(r, m);
      return;
    case 'timeout-now':
      // Only the current leader may hand us leadership (thesis §3.10).
      if (m.from !== r.lead) return;
      r.logger.info('received TimeoutNow; campaigning', { id: r.id, term: r.term });
      hup(r, true);
      return;
    case 'read-index-resp':
      if (m.from === r.lead && !m.reject) r.readStates.push({ index: m.index, context: m.context });
      return;
    default:
      return;
  }
}
