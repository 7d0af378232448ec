/**
 * Core value types of the Raft state machine. Nothing here performs I/O; the
 * driver (src/node) persists and transports these values.
 */

/** A node's identity inside one cluster. The empty string means "nobody". */
export type NodeId = string;

/** The empty node id: no leader known, no vote cast. */
export const NONE: NodeId = '';

export const ROLES = ['follower', 'pre-candidate', 'candidate', 'leader'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A membership change (Raft thesis §4.1, one server at a time).
 * - `add-voter` adds a voter, or promotes a learner.
 * - `add-learner` adds a non-voting member, or demotes a voter.
 * - `remove` removes a voter or learner.
 * `context` is opaque to the core (the driver stores the node's address there).
 */
export interface ConfChange {
  readonly type: 'add-voter' | 'add-learner' | 'remove';
  readonly nodeId: NodeId;
  readonly context?: Uint8Array;
}

/** Membership as of some log index. Voters and learners are disjoint. */
export interface ConfState {
  readonly voters: readonly NodeId[];
  readonly learners: readonly NodeId[];
}

interface EntryBase {
  readonly term: number;
  readonly index: number;
}

/** An application command; an empty `data` is a leader's no-op (§5.4.2, §8). */
export interface NormalEntry extends EntryBase {
  readonly type: 'normal';
  readonly data: Uint8Array;
}

/** A membership change; it takes effect when applied (see conf-change.ts). */
export interface ConfEntry extends EntryBase {
  readonly type: 'conf';
  readonly change: ConfChange;
}

export type Entry = NormalEntry | ConfEntry;

/** An entry before the leader assigns its term and index. */
export type NewEntry =
  | { readonly type: 'normal'; readonly data: Uint8Array }
  | { readonly type: 'conf'; readonly change: ConfChange };

/** What must survive a crash besides the log (Raft paper Figure 2, "persistent state"). */
export interface HardState {
  readonly term: number;
  readonly vote: NodeId;
  readonly commit: number;
}

export interface SnapshotMetadata {
  readonly index: number;
  readonly term: number;
  readonly conf: ConfState;
}

/** A state-machine snapshot; `data` is opaque to the core. */
export interface Snapshot {
  readonly metadata: SnapshotMetadata;
  readonly data: Uint8Array;
}

/** The answer to a ReadIndex request: serve `context` once applied >= index. */
export interface ReadState {
  readonly index: number;
  readonly context: string;
}

/** Volatile state worth reporting; never persisted. */
export interface SoftState {
  readonly leader: NodeId;
  readonly role: Role;
}

export const EMPTY_HARD_STATE: HardState = Object.freeze({ term: 0, vote: NONE, commit: 0 });

export const EMPTY_SNAPSHOT_METADATA: SnapshotMetadata = Object.freeze({
  index: 0,
  term: 0,
  conf: Object.freeze({ voters: [], learners: [] }),
});

/** Approximate payload size used for flow control (bytes in flight, uncommitted bytes). */
export function entrySize(e: Entry): number {
  return e.type === 'normal' ? e.data.byteLength : 16 + (e.change.context?.byteLength ?? 0);
}

/** Payload bytes of a batch of entries. */
export function entriesSize(entries: readonly Entry[]): number {
  let n = 0;
  for (const e of entries) n += entrySize(e);
  return n;
}
