import type { RaftState } from './raft-state.js';
import type { NodeId } from './types.js';
import { entriesSize } from './types.js';

/**
 * Sends `to` the entries it is missing (§5.3), or a snapshot when they were
 * compacted away (§7). Returns false when nothing was sent: the follower is
 * paused (flow control) or there was nothing new and `sendIfEmpty` is false.
 */
export function sendAppend(r: RaftState, to: NodeId, sendIfEmpty = true): boolean {
  const pr = r.trk.progress.get(to);
  if (pr === undefined || pr.isPaused()) return false;
  const prevIndex = pr.next - 1;
  const prevTerm = r.log.term(prevIndex);
  if (prevTerm === undefined) return sendSnapshot(r, to);
  const entries =
    pr.next <= r.log.lastIndex()
      ? r.log.slice(pr.next, r.log.lastIndex() + 1, r.cfg.maxSizePerMsg)
      : [];
  if (entries.length === 0 && !sendIfEmpty) return false;
  r.send({
    type: 'app',
    to,
    index: prevIndex,
    logTerm: prevTerm,
    entries,
    commit: r.log.committed,
  });
  pr.sentEntries(entries.length, entriesSize(entries));
  return true;
}

/**
 * InstallSnapshot (§7). Not sent to a follower that has not answered
 * recently: it is probably down, and a snapshot is expensive.
 */
function sendSnapshot(r: RaftState, to: NodeId): boolean {
  const pr = r.trk.progress.get(to);
  const snap = r.snapshot;
  if (pr === undefined || snap === undefined || !pr.recentActive) return false;
  r.send({ type: 'snap', to, snapshot: snap });
  pr.becomeSnapshot(snap.metadata.index);
  r.logger.debug('sent snapshot', { id: r.id, to, index: snap.metadata.index });
  return true;
}

/** Sends every follower and learner what it is missing. */
export function bcastAppend(r: RaftState): void {
  for (const id of r.trk.progress.keys()) if (id !== r.id) sendAppend(r, id);
}

/**
 * Heartbeats carry commit only up to what the follower is known to hold:
 * a follower must never learn a commit index past its matching prefix.
 */
export function sendHeartbeat(r: RaftState, to: NodeId, context: string): void {
  const pr = r.trk.progress.get(to);
  const commit = Math.min(pr?.match ?? 0, r.log.committed);
  r.send({ type: 'heartbeat', to, commit, context });
}

export function bcastHeartbeat(r: RaftState, context: string): void {
  for (const id of r.trk.progress.keys()) if (id !== r.id) sendHeartbeat(r, id, context);
}
