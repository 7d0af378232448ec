import type { NodeId } from '../raft/index.js';
import { FabricError } from '../util/fabric-error.js';

/**
 * How a node learns that it is no longer a member.
 *
 * A member removed while it was down or cut off never receives the entry
 * that removes it: the leader stops replicating to it as soon as the change
 * is appended. Raft itself then leaves it campaigning for ever; the other
 * members just ignore it (thesis §4.2.3, "disruptive servers": pre-vote and
 * the leader lease keep it from deposing anyone, but nothing tells it). etcd
 * answers a removed member's messages with ErrMemberRemoved and the member
 * stops itself. We cannot add a message to the peer protocol here, so the
 * node asks instead: after several election timeouts without a leader it
 * asks the members it knows for their Status, and a leader's answer carries
 * the leader's committed configuration.
 *
 * Only that answer can say "removed", and only when all of these hold, so a
 * member that is merely partitioned or slow never stops:
 * - it comes from a leader of this cluster, in a term at least this node's
 *   own (an old leader that was itself cut off may have a stale view);
 * - the configuration is committed (the last one appended can still be
 *   replaced by the next leader), so it is part of the one history of
 *   configurations every later leader's log carries;
 * - it was set by an entry after the last configuration entry in this
 *   node's own log: a node that joins has its add-learner entry before the
 *   leader commits it, and until then the committed configuration lacks it;
 * - this node's own log lists it: a node that has not been added yet was
 *   never a member and must not read the leader's answer as a removal.
 *
 * A node that applies the entry removing it is told by that entry, but
 * not trusted on its own: a node rebuilt under the same id (`--join` on an
 * empty dir, the repair path) replays the cluster's history, old removal
 * of its id included, before it reaches the entry that added it again. So
 * the applied removal (`removedAt`) only makes the node ask at once, and a
 * leader's committed configuration at or after that index that still omits
 * it confirms it.
 *
 * Known gap: a node whose log ends in an uncommitted configuration entry of
 * an old term, at a higher index than the removal, is not told; it keeps
 * campaigning, harmlessly, as before.
 */
export interface OwnView {
  readonly id: NodeId;
  readonly clusterId: string;
  readonly term: number;
  /** Index of the last configuration entry in this node's log. */
  readonly confIndex: number;
  /** Whether that configuration lists this node (as voter or learner). */
  readonly listed: boolean;
  /** Index of the applied configuration entry that dropped this node, if no later one lists it. */
  readonly removedAt?: number;
}

/** The part of a peer's Status answer the decision reads. */
export interface PeerAnswer {
  readonly nodeId: NodeId;
  readonly clusterId: string;
  readonly isLeader: boolean;
  readonly term: number;
  readonly committedConfIndex: number;
  readonly committedMembers: readonly NodeId[];
}

/** What the node reports when it learns it was removed. */
export interface Removal {
  /** The index of the configuration entry that no longer lists the node. */
  readonly index: number;
  /** The leader that said so (or applied the removal). */
  readonly by: NodeId;
  readonly term: number;
}

/** The process exit code of a node that stops because it was removed (README). */
export const EXIT_NODE_REMOVED = 78;

/** The decision: removed according to this answer, or undefined. */
export function removalIn(own: OwnView, answer: PeerAnswer): Removal | undefined {
  if (answer.clusterId !== own.clusterId || !answer.isLeader) return undefined;
  if (answer.term < own.term || answer.committedMembers.includes(own.id)) return undefined;
  if (own.removedAt !== undefined) {
    if (answer.committedConfIndex < own.removedAt) return undefined;
  } else if (!own.listed || answer.committedConfIndex <= own.confIndex) return undefined;
  return { index: answer.committedConfIndex, by: answer.nodeId, term: answer.term };
}

/** The one message an operator sees, in the log and in every refused request. */
export function removedError(id: NodeId, clusterId: string, removal: Removal): FabricError {
  return new FabricError(
    'NODE_REMOVED',
    `node ${id} was removed from cluster ${clusterId} at index ${removal.index} ` +
      `by leader ${removal.by} (term ${removal.term}); it no longer serves. ` +
      `To rejoin: move the data dir aside and start it with \`fabric node start --join <member address>\``,
    { nodeId: id, clusterId, index: removal.index, by: removal.by, term: removal.term },
  );
}
