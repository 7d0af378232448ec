import type { AppendMessage, HeartbeatMessage, SnapshotMessage } from './message.js';
import type { RaftState } from './raft-state.js';
import type { NodeId, Snapshot } from './types.js';

/** AppendEntries receiver (§5.3), with the fast-backtracking hint on rejection. */
export function handleAppend(r: RaftState, m: AppendMessage): void {
  r.learnCommit(m.commit);
  if (m.index < r.log.committed) {
    // Everything up to our commit index is known to match: say so.
    r.send({
      type: 'app-resp',
      to: m.from,
      index: r.log.committed,
      reject: false,
      hintIndex: 0,
      hintTerm: 0,
    });
    return;
  }
  const confBefore = r.log.lastConfIndex();
  const lastNew = r.log.maybeAppend(m.index, m.logTerm, m.commit, m.entries);
  if (lastNew !== undefined) {
    if (r.log.lastConfIndex() !== confBefore || m.entries.some((e) => e.type === 'conf'))
      r.syncConf();
    r.send({
      type: 'app-resp',
      to: m.from,
      index: lastNew,
      reject: false,
      hintIndex: 0,
      hintTerm: 0,
    });
    return;
  }
  // Point the leader at the last index that can possibly match: no later
  // than our last entry, and not inside a term newer than the probe's.
  const hintIndex = r.log.findConflictByTerm(Math.min(m.index, r.log.lastIndex()), m.logTerm);
  const hintTerm = r.log.term(hintIndex) ?? 0;
  r.logger.debug('rejected append', {
    id: r.id,
    index: m.index,
    logTerm: m.logTerm,
    hintIndex,
    hintTerm,
  });
  r.send({ type: 'app-resp', to: m.from, index: m.index, reject: true, hintIndex, hintTerm });
}

export function handleHeartbeat(r: RaftState, m: HeartbeatMessage): void {
  // The leader never sends a commit past what we acknowledged (replication.ts),
  // so one past our log proves we lost acknowledged entries (a disk fault or a
  // data dir restored from an older copy). Tell the leader where our log ends,
  // as a rejection of that index: it resets our progress and re-sends
  // (step-leader.ts). Ignoring it would leave us behind until a leader change.
  r.learnCommit(m.commit);
  if (m.commit <= r.log.lastIndex()) r.log.commitTo(m.commit);
  else rejectPastOurLog(r, m.from, m.commit);
  r.send({ type: 'heartbeat-resp', to: m.from, context: m.context });
}

function rejectPastOurLog(r: RaftState, to: NodeId, index: number): void {
  const hintIndex = r.log.lastIndex();
  const hintTerm = r.log.term(hintIndex) ?? 0;
  r.send({ type: 'app-resp', to, index, reject: true, hintIndex, hintTerm });
}

export function handleSnapshot(r: RaftState, m: SnapshotMessage): void {
  if (restore(r, m.snapshot)) {
    r.logger.info('restored snapshot', { id: r.id, index: m.snapshot.metadata.index });
    r.send({
      type: 'app-resp',
      to: m.from,
      index: r.log.lastIndex(),
      reject: false,
      hintIndex: 0,
      hintTerm: 0,
    });
  } else {
    r.send({
      type: 'app-resp',
      to: m.from,
      index: r.log.committed,
      reject: false,
      hintIndex: 0,
      hintTerm: 0,
    });
  }
}

/**
 * Installs a snapshot unless it is older than what we have committed. A
 * snapshot whose membership lacks this node is still installed: a node that
 * is joining gets a snapshot taken before its own add-learner entry, and
 * learns of its membership from the entries that follow (membership is a
 * function of the log, conf-change.ts). If our
 * log already holds the snapshot's last entry, only commit moves (§7: "if
 * an existing log entry has the same index and term … retain the entries
 * following it").
 */
function restore(r: RaftState, s: Snapshot): boolean {
  const meta = s.metadata;
  if (meta.index <= r.log.committed) return false;
  if (r.log.matchTerm(meta.index, meta.term)) {
    r.log.commitTo(meta.index);
    return false;
  }
  r.log.restore(s);
  r.snapshot = s;
  r.syncConf();
  return true;
}
