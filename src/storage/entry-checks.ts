import type { Entry } from '../raft/index.js';
import { InvariantViolation } from '../raft/index.js';

/**
 * Checks that `entries` can be written after `base` (the snapshot index: the
 * log below it is immutable) into a log ending at `last`: contiguous
 * indexes, no gap after `last`, terms that never decrease. A violation is a
 * driver or core bug, thrown before anything is written.
 */
export function checkEntriesFit(entries: readonly Entry[], base: number, last: number): void {
  const first = entries[0];
  if (first === undefined) return;
  if (first.index <= base || first.index > last + 1) {
    throw new InvariantViolation(
      `storage: entries start at ${first.index}; they must start in ${base + 1}..${last + 1}`,
    );
  }
  let prev = first;
  for (const e of entries) {
    if (e !== first && (e.index !== prev.index + 1 || e.term < prev.term)) {
      throw new InvariantViolation(
        `storage: entry ${e.index} (term ${e.term}) cannot follow entry ${prev.index} (term ${prev.term})`,
      );
    }
    prev = e;
  }
}

/** A commit index past the log would make the data dir unreadable on the next open. */
export function checkCommit(commit: number, last: number): void {
  if (commit > last) {
    throw new InvariantViolation(`storage: commit ${commit} is past the last log index ${last}`);
  }
}
