import { RaftError } from './errors.js';
import type { InitialState } from './raft-config.js';
import type { Entry, NodeId } from './types.js';

/**
 * The initial durable state of every founding member of a new cluster: one
 * committed add-voter entry per member at term 1 (as etcd does), identical
 * on every founder. Keeping the founding membership in the log, rather than
 * in configuration files, lets a node that joins later learn it by
 * replication like any other change.
 */
export function bootstrapState(
  voters: readonly NodeId[],
  contexts: ReadonlyMap<NodeId, Uint8Array> = new Map(),
): InitialState {
  const ids = [...new Set(voters)].sort();
  if (ids.length === 0 || ids.length !== voters.length || ids.includes('')) {
    throw new RaftError(
      'INVALID_ARGUMENT',
      'raft bootstrap: voters must be a non-empty list of distinct, non-empty ids',
    );
  }
  const entries: Entry[] = ids.map((nodeId, i) => ({
    type: 'conf',
    term: 1,
    index: i + 1,
    change: contexts.has(nodeId)
      ? { type: 'add-voter', nodeId, context: contexts.get(nodeId) as Uint8Array }
      : { type: 'add-voter', nodeId },
  }));
  return { hardState: { term: 1, vote: '', commit: entries.length }, entries };
}

/** The durable state of a node that will join an existing cluster: empty. */
export function emptyState(): InitialState {
  return { hardState: { term: 0, vote: '', commit: 0 }, entries: [] };
}
