import { hup } from './election.js';
import type { RaftState } from './raft-state.js';
import { bcastHeartbeat } from './replication.js';
import { NONE } from './types.js';

/** Advances logical time by one tick: the core's only clock. */
export function tick(r: RaftState): void {
  if (r.ticksSinceStart < r.cfg.electionTick) r.ticksSinceStart++;
  if (r.role === 'leader') tickLeader(r);
  else tickElection(r);
}

function tickElection(r: RaftState): void {
  r.electionElapsed++;
  if (r.promotable() && r.pastElectionTimeout()) {
    r.electionElapsed = 0;
    hup(r, false);
  }
}

function tickLeader(r: RaftState): void {
  r.heartbeatElapsed++;
  r.electionElapsed++;
  expireSnapshots(r);
  if (r.electionElapsed >= r.cfg.electionTick) {
    r.electionElapsed = 0;
    if (r.cfg.checkQuorum && !checkQuorum(r)) return;
    // A transfer that has not finished within an election timeout is abandoned.
    if (r.leadTransferee !== NONE) r.abortLeaderTransfer();
  }
  if (r.heartbeatElapsed >= r.cfg.heartbeatTick) {
    r.heartbeatElapsed = 0;
    bcastHeartbeat(r, r.readOnly.lastContext());
  }
}

/**
 * CheckQuorum (thesis §6.2): a leader that has not heard from a majority in
 * an election timeout steps down, so clients stop waiting on a leader that
 * can no longer commit, and lease reads stay safe.
 */
function checkQuorum(r: RaftState): boolean {
  if (!r.trk.quorumActive(r.id)) {
    r.logger.warn('stepping down: no quorum heard within an election timeout', {
      id: r.id,
      term: r.term,
    });
    r.becomeFollower(r.term, NONE);
    return false;
  }
  for (const [id, pr] of r.trk.progress) if (id !== r.id) pr.recentActive = false;
  return true;
}

/** A snapshot not acknowledged within two election timeouts is presumed lost. */
function expireSnapshots(r: RaftState): void {
  for (const [id, pr] of r.trk.progress) {
    if (pr.state !== 'snapshot') continue;
    if (++pr.snapshotTicks < 2 * r.cfg.electionTick) continue;
    r.logger.info('snapshot not acknowledged in time; probing again', { id: r.id, to: id });
    pr.pendingSnapshot = 0;
    pr.becomeProbe();
  }
}
