import type { ConfChange, ConfState, NodeId } from './types.js';

/**
 * Membership changes, one server at a time (Raft thesis §4.1).
 *
 * Why this is safe: any majority of a configuration and any majority of one
 * that differs from it by a single voter intersect, so two leaders can never
 * be elected in one term and a committed entry is always held by every
 * possible next leader. Three rules keep every node within one change of
 * every other:
 * 1. A configuration takes effect as soon as its entry is appended to a log,
 *    committed or not (thesis §4.1), and is rolled back if that entry is
 *    truncated; so a node's membership is a function of its log alone.
 * 2. A leader appends a change only when the previous change is committed.
 * 3. A leader appends a change only after it has committed an entry of its
 *    own term (the fix to the single-server bug Ongaro described in 2015 on
 *    raft-dev: without it, an uncommitted change from an old term can combine
 *    with a new one into two non-overlapping majorities).
 */

/** Why `change` cannot be applied to `conf`, or undefined if it can. */
export function confChangeProblem(conf: ConfState, change: ConfChange): string | undefined {
  const id = change.nodeId;
  if (id === '') return 'node id must not be empty';
  const isVoter = conf.voters.includes(id);
  const isLearner = conf.learners.includes(id);
  switch (change.type) {
    case 'add-voter':
      return isVoter ? `node ${id} is already a voter` : undefined;
    case 'add-learner':
      if (isLearner) return `node ${id} is already a learner`;
      if (isVoter && conf.voters.length === 1) return `node ${id} is the only voter`;
      return undefined;
    case 'remove':
      if (!isVoter && !isLearner) return `node ${id} is not a member`;
      if (isVoter && conf.voters.length === 1) return `node ${id} is the only voter`;
      return undefined;
    default:
      // Reachable from untyped callers; without it an unknown type acted as a removal.
      return `unknown change type ${String(change.type)}`;
  }
}

/**
 * The configuration after `change`. Total and deterministic: an invalid change
 * (which a correct leader never appends) leaves the configuration unchanged,
 * identically on every node.
 */
export function applyConfChange(conf: ConfState, change: ConfChange): ConfState {
  if (confChangeProblem(conf, change) !== undefined) return conf;
  const id = change.nodeId;
  const voters = conf.voters.filter((v) => v !== id);
  const learners = conf.learners.filter((l) => l !== id);
  if (change.type === 'add-voter') voters.push(id);
  if (change.type === 'add-learner') learners.push(id);
  return { voters: sortIds(voters), learners: sortIds(learners) };
}

function sortIds(ids: NodeId[]): NodeId[] {
  return ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Normalises a configuration: sorted, de-duplicated, voters win over learners. */
export function normalizeConfState(conf: ConfState): ConfState {
  const voters = [...new Set(conf.voters)];
  const learners = [...new Set(conf.learners)].filter((l) => !voters.includes(l));
  return { voters: sortIds(voters), learners: sortIds(learners) };
}

export function isMember(conf: ConfState, id: NodeId): boolean {
  return conf.voters.includes(id) || conf.learners.includes(id);
}

export function confStatesEqual(a: ConfState, b: ConfState): boolean {
  return (
    a.voters.length === b.voters.length &&
    a.learners.length === b.learners.length &&
    a.voters.every((v, i) => v === b.voters[i]) &&
    a.learners.every((l, i) => l === b.learners[i])
  );
}
