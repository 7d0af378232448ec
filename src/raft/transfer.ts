import type { RaftState } from './raft-state.js';
import { sendAppend } from './replication.js';
import type { NodeId } from './types.js';
import { NONE } from './types.js';

/**
 * Leadership transfer (thesis §3.10): bring the target's log up to date,
 * then tell it to campaign at once (TimeoutNow). Proposals are refused
 * meanwhile, and the transfer is abandoned after one election timeout.
 */
export function leaderTransfer(r: RaftState, target: NodeId): void {
  if (!r.trk.isVoter(target)) {
    r.logger.info('ignored transfer to a non-voter', { id: r.id, target });
    return;
  }
  if (r.leadTransferee !== NONE) {
    if (r.leadTransferee === target) return;
    r.abortLeaderTransfer();
  }
  if (target === r.id) return;
  // The transfer must finish within an election timeout (checked in tick).
  r.electionElapsed = 0;
  r.leadTransferee = target;
  r.logger.info('leadership transfer started', { id: r.id, target, term: r.term });
  const pr = r.trk.progress.get(target);
  if (pr?.match === r.log.lastIndex()) sendTimeoutNow(r, target);
  else sendAppend(r, target);
}

export function sendTimeoutNow(r: RaftState, to: NodeId): void {
  r.send({ type: 'timeout-now', to });
}
