import { majority } from './quorum.js';
import type { RaftState } from './raft-state.js';
import { bcastHeartbeat } from './replication.js';
import type { NodeId } from './types.js';

/**
 * Leader side of ReadIndex (thesis §6.4): record the commit index, confirm
 * leadership with a heartbeat round, then answer. A new leader does not know
 * the latest commit index until it commits an entry of its own term, so
 * requests wait until then (step 1 of §6.4).
 */
export function leaderReadIndex(r: RaftState, from: NodeId, context: string): void {
  if (isSingleVoter(r)) {
    respond(r, from, context, r.log.committed);
    return;
  }
  if (!r.committedInTerm()) {
    r.deferredReads.push({ from, context });
    return;
  }
  startRead(r, from, context);
}

function isSingleVoter(r: RaftState): boolean {
  return r.trk.voters.size === 1 && r.trk.isVoter(r.id);
}

function startRead(r: RaftState, from: NodeId, context: string): void {
  if (r.cfg.readOnly === 'lease') {
    // Lease reads trust that no other leader can exist within an election
    // timeout of our last quorum contact (CheckQuorum enforces the bound).
    respond(r, from, context, r.log.committed);
    return;
  }
  if (r.readOnly.add(r.log.committed, context, from)) {
    r.readOnly.recvAck(r.id, context);
    bcastHeartbeat(r, context);
  }
}

function respond(r: RaftState, from: NodeId, context: string, index: number): void {
  if (from === r.id) r.readStates.push({ index, context });
  else r.send({ type: 'read-index-resp', to: from, context, index, reject: false });
}

/** A heartbeat ack carrying `context` confirms this and every earlier pending read. */
export function onHeartbeatAck(r: RaftState, from: NodeId, context: string): void {
  if (r.cfg.readOnly !== 'safe' || context === '') return;
  const acks = r.readOnly.recvAck(from, context);
  if (acks === undefined) return;
  let votes = 0;
  for (const id of acks) if (r.trk.isVoter(id)) votes++;
  if (votes < majority(r.trk.voters.size)) return;
  for (const rs of r.readOnly.advance(context)) respond(r, rs.from, rs.context, rs.index);
}

/** Starts the reads that waited for this term's first commit. */
export function releaseDeferredReads(r: RaftState): void {
  if (r.deferredReads.length === 0 || !r.committedInTerm()) return;
  const reads = r.deferredReads;
  r.deferredReads = [];
  for (const d of reads) startRead(r, d.from, d.context);
}
