import type { Message } from './message.js';
import type { Entry, HardState, ReadState, Snapshot, SoftState } from './types.js';

/**
 * One batch of work the core hands to its driver. The driver MUST, in order:
 * 1. persist `snapshot`, `entries` (replacing any stored suffix from
 *    entries[0].index on) and `hardState` — in one atomic write, fsynced
 *    when `mustSync` (thesis §3.8: a vote or an acknowledgement must never
 *    refer to state that a crash can lose);
 * 2. send `messages`. Responses (isResponse(): append, vote and heartbeat
 *    acknowledgements) only after step 1; every other message may leave
 *    before or during the write (thesis §10.2.1: the leader writes its log
 *    in parallel with replication — it counts its own copy only once
 *    advance() reports it durable);
 * 3. install `snapshot` into the state machine, then apply
 *    `committedEntries` in order, and serve each ReadState once applied;
 * 4. call advance().
 */
export interface Ready {
  /** Leader and role, when they changed since the last Ready. Never persisted. */
  readonly softState: SoftState | undefined;
  /** Term, vote and commit, when they changed. */
  readonly hardState: HardState | undefined;
  /** Entries to append to durable storage. */
  readonly entries: readonly Entry[];
  /** A snapshot from the leader to persist and install, replacing the log. */
  readonly snapshot: Snapshot | undefined;
  /** Entries known committed, to apply to the state machine in order. */
  readonly committedEntries: readonly Entry[];
  readonly messages: readonly Message[];
  readonly readStates: readonly ReadState[];
  /** Whether step 1 must fsync (new entries, a snapshot, or a term/vote change). */
  readonly mustSync: boolean;
}
