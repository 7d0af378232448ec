import type { Entry, NodeId, RaftCore } from '../../src/raft/index.js';
import { chainHash, entryHash } from './hash.js';

/** What the checker reads of a live node: the driver's view of its core. */
export type CoreView = Pick<RaftCore, 'basicStatus' | 'logTerm' | 'status'>;

/** A safety property failed; the message says which, where and how. */
export class SafetyViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SafetyViolation';
  }
}

function fail(msg: string): never {
  throw new SafetyViolation(msg);
}

/**
 * Raft's safety properties (Figure 3 of the paper), checked incrementally
 * after every simulator step:
 * - Election Safety: at most one leader per term.
 * - Log Matching: same index and term on two durable logs => same prefix
 *   (checked through prefix hashes of every persisted entry).
 * - Leader Completeness: every committed entry is in the log of every
 *   leader of a later term.
 * - State Machine Safety: no two nodes apply different entries at an index;
 *   a node applies indexes in order without gaps.
 * - Monotonicity: term, commit and applied never go backwards within one
 *   incarnation; durable term and commit never go backwards at all.
 */
export class Checker {
  /** term -> the leader elected in it. */
  readonly #leaderOf = new Map<number, NodeId>();
  /** "index:term" -> prefix hash of any durable log holding that entry. */
  readonly #prefix = new Map<string, number>();
  /**
   * index -> the entry's term, and the term in which it was (first seen)
   * committed: Leader Completeness binds leaders of later terms than that.
   */
  readonly #committed = new Map<number, { term: number; inTerm: number }>();
  #maxCommitted = 0;
  /** index -> hash of the entry applied there. */
  readonly #applied = new Map<number, number>();
  readonly #lastSeen = new Map<string, { term: number; commit: number; applied: number }>();
  readonly #durable = new Map<NodeId, { term: number; commit: number }>();
  /**
   * Off only for an unprotected lossy disk (SimOptions.lossyDisk without
   * detectLoss), which goes back by design: the point there is to show what
   * Raft's own properties suffer from it.
   */
  readonly #durableMonotonicity: boolean;

  constructor(opts: { readonly durableMonotonicity?: boolean } = {}) {
    this.#durableMonotonicity = opts.durableMonotonicity ?? true;
  }
  leadersElected = 0;

  get maxCommitted(): number {
    return this.#maxCommitted;
  }

  /** Records the prefix hash of each newly persisted entry and checks Log Matching. */
  onPersist(node: NodeId, prevHash: number, entries: readonly Entry[]): number {
    let h = prevHash;
    for (const e of entries) {
      h = chainHash(h, e);
      const key = `${e.index}:${e.term}`;
      const seen = this.#prefix.get(key);
      if (seen === undefined) this.#prefix.set(key, h);
      else if (seen !== h)
        fail(`Log Matching: ${node} holds entry ${key} with a different prefix than another log`);
    }
    return h;
  }

  /** Prefix hash of entry (index, term), as first recorded; undefined if never persisted. */
  prefixHash(index: number, term: number): number | undefined {
    if (index === 0) return 0;
    return this.#prefix.get(`${index}:${term}`);
  }

  onDurableState(node: NodeId, term: number, commit: number): void {
    const d = this.#durable.get(node);
    if (this.#durableMonotonicity && d !== undefined && (term < d.term || commit < d.commit)) {
      fail(
        `Monotonicity: durable state of ${node} went back from term ${d.term}/commit ${d.commit} to ${term}/${commit}`,
      );
    }
    this.#durable.set(node, { term, commit });
  }

  /** Checks one live node after a step. `incarnation` changes on every restart. */
  onNodeState(node: NodeId, incarnation: number, core: CoreView): void {
    const s = core.basicStatus();
    const key = `${node}#${incarnation}`;
    const prev = this.#lastSeen.get(key);
    if (prev !== undefined) {
      if (s.term < prev.term)
        fail(`Monotonicity: ${node} term went back ${prev.term} -> ${s.term}`);
      if (s.commit < prev.commit)
        fail(`Monotonicity: ${node} commit went back ${prev.commit} -> ${s.commit}`);
      if (s.applied < prev.applied)
        fail(`Monotonicity: ${node} applied went back ${prev.applied} -> ${s.applied}`);
    }
    this.#lastSeen.set(key, { term: s.term, commit: s.commit, applied: s.applied });
    if (s.role === 'leader') this.#onLeader(node, s.term, core);
    this.#learnCommitted(node, core, prev?.commit ?? 0, s.commit, s.term);
  }

  #onLeader(node: NodeId, term: number, core: CoreView): void {
    const known = this.#leaderOf.get(term);
    if (known === undefined) {
      this.#leaderOf.set(term, node);
      this.leadersElected++;
      for (const [index, c] of this.#committed) {
        if (c.inTerm < term) this.#checkHas(node, term, core, index, c.term);
      }
    } else if (known !== node) {
      fail(`Election Safety: ${known} and ${node} are both leaders of term ${term}`);
    }
  }

  #checkHas(node: NodeId, leaderTerm: number, core: CoreView, index: number, term: number): void {
    const have = core.logTerm(index);
    // Entries before the leader's first index are inside its snapshot, hence committed there.
    if (have === undefined && index < core.status().firstIndex) return;
    if (have !== term) {
      fail(
        `Leader Completeness: leader ${node} of term ${leaderTerm} has term ${String(have)} at index ${index}, ` +
          `where term ${term} was committed`,
      );
    }
  }

  #learnCommitted(node: NodeId, core: CoreView, from: number, to: number, inTerm: number): void {
    for (let i = Math.max(from + 1, 1); i <= to; i++) {
      const t = core.logTerm(i);
      if (t === undefined) continue;
      const known = this.#committed.get(i);
      if (known === undefined) {
        this.#committed.set(i, { term: t, inTerm });
        if (i > this.#maxCommitted) this.#maxCommitted = i;
      } else if (known.term !== t) {
        fail(
          `State Machine Safety: ${node} committed term ${t} at index ${i}, another node committed term ${known.term}`,
        );
      } else if (inTerm < known.inTerm) {
        known.inTerm = inTerm;
      }
    }
  }

  /** A leader of a term later than a committed entry must hold it. */
  checkLeaderHolds(node: NodeId, core: CoreView): void {
    const s = core.basicStatus();
    if (s.role !== 'leader') return;
    for (let i = Math.max(1, s.commit + 1); i <= this.#maxCommitted; i++) {
      const c = this.#committed.get(i);
      if (c !== undefined && c.inTerm < s.term) this.#checkHas(node, s.term, core, i, c.term);
    }
  }

  /** State Machine Safety at apply time. */
  onApply(node: NodeId, expectedIndex: number, e: Entry): void {
    if (e.index !== expectedIndex)
      fail(`State Machine Safety: ${node} applied index ${e.index}, expected ${expectedIndex}`);
    const h = entryHash(e);
    const seen = this.#applied.get(e.index);
    if (seen === undefined) this.#applied.set(e.index, h);
    else if (seen !== h)
      fail(`State Machine Safety: ${node} applied a different entry at index ${e.index}`);
  }

  appliedHashAt(index: number): number | undefined {
    return this.#applied.get(index);
  }
}
