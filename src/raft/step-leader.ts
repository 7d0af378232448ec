import type { AppendResponseMessage, Message } from './message.js';
import type { RaftState } from './raft-state.js';
import { leaderReadIndex, onHeartbeatAck, releaseDeferredReads } from './read-index.js';
import { bcastAppend, sendAppend } from './replication.js';
import { leaderTransfer, sendTimeoutNow } from './transfer.js';
import { NONE } from './types.js';

/** Messages a leader acts on; everything else is ignored. */
export function stepLeader(r: RaftState, m: Message): void {
  switch (m.type) {
    case 'app-resp':
      onAppendResponse(r, m);
      return;
    case 'heartbeat-resp': {
      const pr = r.trk.progress.get(m.from);
      if (pr === undefined) return;
      pr.recentActive = true;
      pr.probeSent = false;
      // The follower is alive; if every in-flight append was lost, nothing
      // would ever free the window. Free one slot so an append goes out; a
      // gap makes the follower reject it and we fall back to probing.
      if (pr.state === 'replicate' && pr.inflights.full()) pr.inflights.freeFirstOne();
      if (pr.match < r.log.lastIndex()) sendAppend(r, m.from);
      onHeartbeatAck(r, m.from, m.context);
      return;
    }
    case 'read-index':
      if (r.trk.isMember(m.from)) leaderReadIndex(r, m.from, m.context);
      return;
    case 'transfer-leader':
      if (r.trk.isMember(m.from)) leaderTransfer(r, m.target);
      return;
    default:
      return;
  }
}

function onAppendResponse(r: RaftState, m: AppendResponseMessage): void {
  const pr = r.trk.progress.get(m.from);
  if (pr === undefined) return;
  if (m.index > r.log.lastIndex()) {
    // No correct follower acknowledges what we never sent; counting it could commit unreplicated entries.
    r.logger.warn('ignored append response past our last index', {
      id: r.id,
      from: m.from,
      index: m.index,
    });
    return;
  }
  pr.recentActive = true;
  if (m.reject) {
    // Skip the follower's whole conflicting term: probe at the last index
    // whose term in our log is <= the term the follower has there.
    if (pr.lostAcknowledged(m.hintIndex)) {
      // Without this, `next` never drops below match + 1: the same append
      // would be re-sent and rejected in a loop, and heartbeats ignored.
      r.logger.warn('storage fault on follower: its log is shorter than it acknowledged', {
        id: r.id,
        follower: m.from,
        acknowledged: pr.match,
        lastIndex: m.hintIndex,
      });
      pr.resetAfterLoss(m.hintIndex);
      sendAppend(r, m.from);
      return;
    }
    const hint = m.hintTerm > 0 ? r.log.findConflictByTerm(m.hintIndex, m.hintTerm) : m.hintIndex;
    if (pr.maybeDecrTo(m.index, hint)) {
      if (pr.state === 'replicate') pr.becomeProbe();
      sendAppend(r, m.from);
    }
    return;
  }
  const wasPaused = pr.isPaused();
  if (!(pr.maybeUpdate(m.index) || (pr.match === m.index && pr.state === 'probe'))) return;
  if (pr.state === 'probe') pr.becomeReplicate();
  else if (pr.state === 'snapshot' && pr.match + 1 >= r.log.firstIndex()) {
    // The follower caught up past our compaction point: resume normal replication.
    pr.becomeProbe();
    pr.becomeReplicate();
  } else if (pr.state === 'replicate') pr.inflights.freeLE(m.index);

  if (r.maybeCommit()) {
    afterCommit(r);
    if (r.role !== 'leader') return;
    bcastAppend(r);
  } else if (wasPaused) {
    sendAppend(r, m.from);
  }
  // Fill the pipeline while the window allows.
  while (sendAppend(r, m.from, false)) {
    /* each call sends one batch */
  }
  if (m.from === r.leadTransferee && pr.match === r.log.lastIndex()) {
    r.logger.info('transfer target caught up; sending TimeoutNow', { id: r.id, target: m.from });
    sendTimeoutNow(r, m.from);
  }
}

/**
 * After commit advances: serve reads that waited for this term's first
 * commit, and step down if a committed configuration no longer has us as a
 * voter (thesis §4.2.2: a removed leader steps down once C_new commits).
 */
export function afterCommit(r: RaftState): void {
  releaseDeferredReads(r);
  if (!r.trk.isVoter(r.id) && r.log.committed >= r.log.lastConfIndex()) {
    r.logger.info('stepping down: removed from the configuration', { id: r.id, term: r.term });
    handOff(r);
    r.becomeFollower(r.term, NONE);
  }
}

/**
 * Before a removed leader steps down: tell everyone the new commit index
 * (so the removal is known committed without waiting for the next leader's
 * no-op), and ask the most up-to-date voter to campaign at once instead of
 * leaving the cluster leaderless for an election timeout (thesis §4.2.2).
 */
function handOff(r: RaftState): void {
  bcastAppend(r);
  let best: string = NONE;
  let bestMatch = -1;
  for (const id of [...r.trk.voters].sort()) {
    const match = r.trk.progress.get(id)?.match ?? 0;
    if (match > bestMatch) {
      best = id;
      bestMatch = match;
    }
  }
  if (best !== NONE && bestMatch === r.log.lastIndex()) sendTimeoutNow(r, best);
}
