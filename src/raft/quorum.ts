import type { NodeId } from './types.js';

export type VoteResult = 'pending' | 'won' | 'lost';

/** Size of a majority of `n` voters. */
export function majority(n: number): number {
  return Math.floor(n / 2) + 1;
}

/**
 * The largest index acknowledged by a majority of `voters` (§5.3, §5.4.2):
 * the majority-th highest match index. Zero for an empty configuration.
 */
export function committedIndex(
  voters: ReadonlySet<NodeId>,
  matchOf: (id: NodeId) => number,
): number {
  const n = voters.size;
  if (n === 0) return 0;
  const matches: number[] = [];
  for (const id of voters) matches.push(matchOf(id));
  matches.sort((a, b) => b - a);
  return matches[majority(n) - 1] ?? 0;
}

/** Whether the recorded votes already decide an election among `voters`. */
export function voteResult(
  voters: ReadonlySet<NodeId>,
  votes: ReadonlyMap<NodeId, boolean>,
): { result: VoteResult; granted: number; rejected: number } {
  let granted = 0;
  let rejected = 0;
  for (const id of voters) {
    const v = votes.get(id);
    if (v === true) granted++;
    else if (v === false) rejected++;
  }
  const q = majority(voters.size);
  if (voters.size === 0) return { result: 'lost', granted, rejected };
  if (granted >= q) return { result: 'won', granted, rejected };
  if (voters.size - rejected < q) return { result: 'lost', granted, rejected };
  return { result: 'pending', granted, rejected };
}
