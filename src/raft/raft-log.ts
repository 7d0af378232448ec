import { applyConfChange } from './conf-change.js';
import { assert } from './errors.js';
import type { ConfState, Entry, Snapshot, SnapshotMetadata } from './types.js';
import { entrySize } from './types.js';

interface ConfPoint {
  readonly index: number;
  readonly conf: ConfState;
}

/**
 * The in-memory Raft log: entries after the last snapshot, plus the indexes
 * that say how far they have been handed out for persistence and applied.
 * The driver mirrors it durably (LevelDB); the core reads only from here,
 * so it never waits for I/O.
 *
 * Invariants: snapIndex <= applied <= applying <= committed <= lastIndex();
 * entries[i].index === snapIndex + 1 + i; terms never decrease along the log.
 */
export class RaftLog {
  #entries: Entry[] = [];
  #snapIndex: number;
  #snapTerm: number;
  /** Highest index known committed (§5.3). Never decreases. */
  committed: number;
  /** Highest index the application has applied (acknowledged through advance). */
  applied: number;
  /** Highest index handed to the application to apply; applied <= applying. */
  applying: number;
  /**
   * Highest index handed to the driver for persistence. Entries after it are
   * "unstable" and go into the next Ready. Lowered when a conflict truncates
   * the log below it.
   */
  persistHanded: number;
  /**
   * Highest index known durable (acknowledged through advance()). A leader
   * counts its own copy of an entry towards commit only up to here, which
   * lets it send appends before its own write completes (thesis §10.2.1).
   * Lowered when a conflict truncates the log below it.
   */
  persisted: number;
  /** A snapshot received from the leader that the driver has not persisted yet. */
  pendingSnapshot: Snapshot | undefined;
  /**
   * Membership history (thesis §4.1: a configuration takes effect when its
   * entry is appended). Element 0 is the configuration at or before the
   * snapshot; each later element is a conf entry still in the log.
   */
  #confs: ConfPoint[];

  constructor(
    snapshot: SnapshotMetadata,
    entries: readonly Entry[],
    committed: number,
    applied: number,
  ) {
    this.#snapIndex = snapshot.index;
    this.#snapTerm = snapshot.term;
    this.#confs = [{ index: snapshot.index, conf: snapshot.conf }];
    this.persistHanded = snapshot.index;
    this.persisted = snapshot.index;
    this.committed = snapshot.index;
    this.applied = snapshot.index;
    this.applying = snapshot.index;
    this.pendingSnapshot = undefined;
    if (entries.length > 0) {
      assert(
        entries[0]?.index === snapshot.index + 1,
        'log: entries must start right after the snapshot',
      );
      this.#appendUnchecked(entries);
    }
    this.persistHanded = this.lastIndex();
    assert(
      committed <= this.lastIndex(),
      `log: commit ${committed} is past the last index ${this.lastIndex()}`,
    );
    this.committed = Math.max(committed, snapshot.index);
    this.applied = Math.min(Math.max(applied, snapshot.index), this.committed);
    this.applying = this.applied;
  }

  firstIndex(): number {
    return this.#snapIndex + 1;
  }

  lastIndex(): number {
    return this.#snapIndex + this.#entries.length;
  }

  lastTerm(): number {
    return this.#entries.at(-1)?.term ?? this.#snapTerm;
  }

  snapshotIndex(): number {
    return this.#snapIndex;
  }

  /** Term of the entry at `i`, or undefined when compacted away or not yet present. */
  term(i: number): number | undefined {
    if (i === this.#snapIndex) return this.#snapTerm;
    if (i < this.#snapIndex || i > this.lastIndex()) return undefined;
    return this.#entries[i - this.#snapIndex - 1]?.term;
  }

  matchTerm(i: number, term: number): boolean {
    return this.term(i) === term;
  }

  /** §5.4.1: is a log ending at (index, term) at least as up to date as ours? */
  isUpToDate(index: number, term: number): boolean {
    const lt = this.lastTerm();
    return term > lt || (term === lt && index >= this.lastIndex());
  }

  /** The configuration in force: the last one appended (thesis §4.1). */
  conf(): ConfState {
    return (this.#confs.at(-1) as ConfPoint).conf;
  }

  /** Index of the last configuration entry in the log (or the snapshot's index). */
  lastConfIndex(): number {
    return (this.#confs.at(-1) as ConfPoint).index;
  }

  /** The configuration in force at `index`. */
  confAt(index: number): ConfState {
    return this.confPointAt(index).conf;
  }

  /** The configuration in force at `index` and the index of the entry (or snapshot) that set it. */
  confPointAt(index: number): { readonly index: number; readonly conf: ConfState } {
    let c = this.#confs[0] as ConfPoint;
    for (const p of this.#confs) {
      if (p.index <= index) c = p;
      else break;
    }
    return c;
  }

  /**
   * First index at which `entries` disagree with the log, or 0 when they all
   * match. An entry past the end counts as a disagreement.
   */
  findConflict(entries: readonly Entry[]): number {
    for (const e of entries) {
      if (e.index <= this.#snapIndex) continue;
      if (!this.matchTerm(e.index, e.term)) return e.index;
    }
    return 0;
  }

  /**
   * The largest index <= `index` whose term is <= `term` (or the snapshot
   * index). A follower uses it as its rejection hint and the leader to skip
   * a whole conflicting term at once.
   */
  findConflictByTerm(index: number, term: number): number {
    let i = Math.min(index, this.lastIndex());
    while (i > this.#snapIndex) {
      const t = this.term(i);
      if (t !== undefined && t <= term) break;
      i--;
    }
    return Math.max(i, this.#snapIndex);
  }

  /**
   * AppendEntries receiver rules (§5.3, Figure 2): reject unless the entry
   * at (index, logTerm) matches; drop a conflicting suffix; append what is
   * new; advance commit to min(leaderCommit, last new index). Returns the last
   * index covered, or undefined on rejection.
   */
  maybeAppend(
    index: number,
    logTerm: number,
    leaderCommit: number,
    entries: readonly Entry[],
  ): number | undefined {
    if (!this.matchTerm(index, logTerm)) return undefined;
    const lastNew = index + entries.length;
    const ci = this.findConflict(entries);
    if (ci !== 0) {
      assert(
        ci > this.committed,
        `log: entry ${ci} conflicts with committed entry (commit ${this.committed})`,
      );
      this.append(entries.slice(ci - (index + 1)));
    }
    this.commitTo(Math.min(leaderCommit, lastNew));
    return lastNew;
  }

  /** Appends entries, truncating any existing suffix from entries[0].index on. */
  append(entries: readonly Entry[]): void {
    const first = entries[0];
    if (first === undefined) return;
    assert(first.index > this.committed, `log: cannot overwrite committed index ${first.index}`);
    assert(first.index <= this.lastIndex() + 1, `log: gap before index ${first.index}`);
    if (first.index <= this.lastIndex()) {
      this.#entries.length = first.index - this.#snapIndex - 1;
      while ((this.#confs.at(-1) as ConfPoint).index >= first.index) this.#confs.pop();
      this.persistHanded = Math.min(this.persistHanded, first.index - 1);
      this.persisted = Math.min(this.persisted, first.index - 1);
    }
    this.#appendUnchecked(entries);
  }

  #appendUnchecked(entries: readonly Entry[]): void {
    for (const e of entries) {
      this.#entries.push(e);
      if (e.type === 'conf')
        this.#confs.push({ index: e.index, conf: applyConfChange(this.conf(), e.change) });
    }
  }

  /** The driver made the log durable up to (index, term); ignored if that entry was since replaced. */
  stableTo(index: number, term: number): void {
    if (index > this.persisted && this.term(index) === term) this.persisted = index;
  }

  commitTo(index: number): void {
    if (index <= this.committed) return;
    assert(
      index <= this.lastIndex(),
      `log: commit ${index} is past the last index ${this.lastIndex()}`,
    );
    this.committed = index;
  }

  /** Entries [lo, hi) limited to about `maxBytes` of payload (always at least one). */
  slice(lo: number, hi: number, maxBytes: number): Entry[] {
    assert(lo > this.#snapIndex, `log: slice from compacted index ${lo}`);
    const start = lo - this.#snapIndex - 1;
    const end = Math.min(hi, this.lastIndex() + 1) - this.#snapIndex - 1;
    if (maxBytes <= 0) return this.#entries.slice(start, end);
    let bytes = 0;
    let i = start;
    for (; i < end; i++) {
      bytes += entrySize(this.#entries[i] as Entry);
      if (bytes > maxBytes && i > start) break;
    }
    return this.#entries.slice(start, i);
  }

  /** Entries not yet handed to the driver for persistence. */
  unstableEntries(): Entry[] {
    if (this.persistHanded >= this.lastIndex()) return [];
    return this.slice(this.persistHanded + 1, this.lastIndex() + 1, 0);
  }

  hasUnstable(): boolean {
    return this.persistHanded < this.lastIndex() || this.pendingSnapshot !== undefined;
  }

  hasCommittedToApply(): boolean {
    return this.committed > this.applying;
  }

  /** Committed entries not yet handed out, up to about `maxBytes` (0: no limit). */
  committedToApply(maxBytes: number): Entry[] {
    if (!this.hasCommittedToApply()) return [];
    return this.slice(this.applying + 1, this.committed + 1, maxBytes);
  }

  /** Replaces the whole log with a snapshot received from the leader (§7). */
  restore(snapshot: Snapshot): void {
    const m = snapshot.metadata;
    this.#entries = [];
    this.#snapIndex = m.index;
    this.#snapTerm = m.term;
    this.#confs = [{ index: m.index, conf: m.conf }];
    this.committed = m.index;
    this.applied = m.index;
    this.applying = m.index;
    this.persistHanded = m.index;
    // Entries up to the snapshot are committed, hence on a majority already.
    this.persisted = m.index;
    this.pendingSnapshot = snapshot;
  }

  /** Discards entries up to `index`, which the application has snapshotted (§7). */
  compact(index: number): void {
    if (index <= this.#snapIndex) return;
    assert(index <= this.applied, `log: cannot compact past applied index ${this.applied}`);
    const term = this.term(index) as number;
    this.#entries = this.#entries.slice(index - this.#snapIndex);
    this.#snapIndex = index;
    this.#snapTerm = term;
    let base = 0;
    for (let k = 0; k < this.#confs.length; k++)
      if ((this.#confs[k] as ConfPoint).index <= index) base = k;
    this.#confs = this.#confs.slice(base);
  }
}
