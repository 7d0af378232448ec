import { confChangeProblem } from './conf-change.js';
import { hup } from './election.js';
import { NotLeaderError, ProposalDroppedError, RaftError, assert } from './errors.js';
import { NOOP_LOGGER } from './logger.js';
import type { Message } from './message.js';
import type { RaftConfig } from './raft-config.js';
import { resolveRaftConfig } from './raft-config.js';
import { RaftState } from './raft-state.js';
import type { Ready } from './ready.js';
import { leaderReadIndex } from './read-index.js';
import { bcastAppend } from './replication.js';
import type { RaftStatus } from './status.js';
import { statusOf } from './status.js';
import { step } from './step.js';
import { afterCommit } from './step-leader.js';
import { tick } from './tick.js';
import { leaderTransfer } from './transfer.js';
import type {
  ConfChange,
  ConfState,
  HardState,
  NodeId,
  Role,
  Snapshot,
  SoftState,
} from './types.js';
import { NONE, entriesSize } from './types.js';

/** Where a proposal landed; it is committed once an entry with this index and term applies. */
export interface ProposalPosition {
  readonly index: number;
  readonly term: number;
}

/**
 * The public face of the Raft core: a synchronous, deterministic state
 * machine. Inputs are tick(), step(), propose*(), readIndex(),
 * transferLeader(); the output is a Ready batch, which the driver must
 * process in order (see Ready) and acknowledge with advance(). Between
 * ready() and advance() inputs are still accepted (that is how proposals
 * arriving during a disk write are group-committed into the next Ready),
 * but ready() may not be called again.
 */
export class RaftCore {
  readonly #r: RaftState;
  #prevSoft: SoftState;
  #prevHard: HardState;
  #inFlight: Ready | undefined;
  /** Entries were appended since the last broadcast; send them with the next Ready. */
  #needBcast = false;

  constructor(config: RaftConfig) {
    const cfg = resolveRaftConfig(config, config.logger ?? NOOP_LOGGER);
    this.#r = new RaftState(cfg);
    this.#prevSoft = this.#soft();
    this.#prevHard = this.#hard();
  }

  get id(): NodeId {
    return this.#r.id;
  }

  /** Advances logical time by one tick (heartbeats, elections, CheckQuorum). */
  tick(): void {
    tick(this.#r);
  }

  /** Feeds a message from a peer. Throws InvalidMessageError (state unchanged) for malformed input. */
  step(m: Message): void {
    step(this.#r, m);
  }

  /** Starts an election now (tests, and operators forcing a campaign). */
  campaign(): void {
    hup(this.#r, false);
  }

  /** Proposes one command; throws NotLeaderError on a follower (with the leader's id). */
  propose(data: Uint8Array): ProposalPosition {
    return this.proposeBatch([data]);
  }

  /** Proposes several commands as consecutive entries; returns the first one's position. */
  proposeBatch(data: readonly Uint8Array[]): ProposalPosition {
    const r = this.#checkCanPropose();
    let bytes = 0;
    for (const d of data) bytes += d.byteLength;
    const max = r.cfg.maxUncommittedEntriesSize;
    if (max > 0 && r.uncommittedSize > 0 && r.uncommittedSize + bytes > max) {
      throw new ProposalDroppedError(
        'uncommitted-limit',
        `raft ${r.id}: ${r.uncommittedSize} bytes are uncommitted (limit ${max}); retry when the cluster catches up`,
      );
    }
    const index = r.appendEntries(data.map((d) => ({ type: 'normal' as const, data: d })));
    this.#needBcast = true;
    return { index, term: r.term };
  }

  /**
   * Proposes a membership change (one server at a time; see conf-change.ts
   * for why that is safe). Refused while an earlier change is uncommitted or
   * before this leader has committed an entry of its own term.
   */
  proposeConfChange(change: ConfChange): ProposalPosition {
    const r = this.#checkCanPropose();
    const problem = confChangeProblem(r.log.conf(), change);
    if (problem !== undefined) {
      throw new RaftError(
        'CONF_CHANGE_REJECTED',
        `raft ${r.id}: ${change.type} ${change.nodeId}: ${problem}`,
      );
    }
    if (r.log.lastConfIndex() > r.log.committed) {
      throw new ProposalDroppedError(
        'conf-change-pending',
        `raft ${r.id}: the configuration change at index ${r.log.lastConfIndex()} is not committed yet; retry after it commits`,
      );
    }
    if (!r.committedInTerm()) {
      throw new ProposalDroppedError(
        'conf-change-pending',
        `raft ${r.id}: a new leader must commit an entry of its term before changing membership; retry shortly`,
      );
    }
    const index = r.appendEntries([{ type: 'conf', change }]);
    this.#needBcast = true;
    return { index, term: r.term };
  }

  #checkCanPropose(): RaftState {
    const r = this.#r;
    if (r.role !== 'leader') throw new NotLeaderError(r.id, r.lead);
    if (r.leadTransferee !== NONE) {
      throw new ProposalDroppedError(
        'transfer-in-progress',
        `raft ${r.id}: leadership is being transferred to ${r.leadTransferee}; retry on the new leader`,
      );
    }
    if (!r.trk.isMember(r.id)) {
      throw new ProposalDroppedError(
        'removed',
        `raft ${r.id}: this leader is being removed from the cluster`,
      );
    }
    return r;
  }

  /**
   * Requests a linearizable read (thesis §6.4). The answer arrives as a
   * ReadState with this context in a later Ready: serve the read once the
   * applied index reaches its index. Contexts must be unique.
   */
  readIndex(context: string): void {
    const r = this.#r;
    if (context === '')
      throw new RaftError('INVALID_ARGUMENT', 'raft: read context must not be empty');
    if (r.role === 'leader') leaderReadIndex(r, r.id, context);
    else if (r.lead !== NONE) r.send({ type: 'read-index', to: r.lead, context });
    else throw new NotLeaderError(r.id, NONE);
  }

  /** Asks the leader (directly or through this follower) to hand leadership to `target`. */
  transferLeader(target: NodeId): void {
    const r = this.#r;
    if (r.role === 'leader') {
      if (!r.trk.isVoter(target)) {
        throw new RaftError(
          'INVALID_ARGUMENT',
          `raft ${r.id}: transfer target ${target} is not a voter`,
        );
      }
      leaderTransfer(r, target);
    } else if (r.lead !== NONE) {
      r.send({ type: 'transfer-leader', to: r.lead, target });
    } else {
      throw new NotLeaderError(r.id, NONE);
    }
  }

  /** The transport could not reach `id`: stop pipelining to it and probe instead. */
  reportUnreachable(id: NodeId): void {
    const pr = this.#r.role === 'leader' ? this.#r.trk.progress.get(id) : undefined;
    if (pr?.state === 'replicate') pr.becomeProbe();
  }

  /** The transport finished (or failed) sending a snapshot to `id`. */
  reportSnapshot(id: NodeId, ok: boolean): void {
    const pr = this.#r.role === 'leader' ? this.#r.trk.progress.get(id) : undefined;
    if (pr?.state !== 'snapshot') return;
    if (!ok) pr.pendingSnapshot = 0;
    pr.becomeProbe();
    // Wait for the follower's answer (or a heartbeat) before probing again.
    pr.probeSent = true;
  }

  /**
   * Records a state-machine snapshot taken at `index` (<= applied) and drops
   * log entries up to `index - keepEntries` (§7). Returns the snapshot, with
   * the term and membership at `index`, for the driver to persist.
   */
  compact(index: number, data: Uint8Array, keepEntries = 0): Snapshot {
    const r = this.#r;
    if (!Number.isInteger(index) || index < 1 || index > r.log.applied) {
      throw new RaftError(
        'INVALID_ARGUMENT',
        `raft ${r.id}: snapshot index must be in [1, ${r.log.applied}], got ${index}`,
      );
    }
    const current = r.snapshot;
    if (current !== undefined && index <= current.metadata.index) return current;
    const term = r.log.term(index);
    assert(term !== undefined, `raft ${r.id}: no term for index ${index}`);
    const snapshot: Snapshot = { metadata: { index, term, conf: r.log.confAt(index) }, data };
    r.snapshot = snapshot;
    r.log.compact(Math.max(index - keepEntries, r.log.snapshotIndex()));
    return snapshot;
  }

  hasReady(): boolean {
    const r = this.#r;
    if (this.#inFlight !== undefined) return false;
    return (
      this.#needBcast ||
      r.msgs.length > 0 ||
      r.readStates.length > 0 ||
      r.log.hasUnstable() ||
      r.log.hasCommittedToApply() ||
      !softEqual(this.#soft(), this.#prevSoft) ||
      !hardEqual(this.#hard(), this.#prevHard)
    );
  }

  /** Collects everything to persist, send and apply since the last Ready. */
  ready(): Ready {
    assert(this.#inFlight === undefined, `raft ${this.#r.id}: ready() called before advance()`);
    const r = this.#r;
    if (this.#needBcast && r.role === 'leader') bcastAppend(r);
    this.#needBcast = false;
    const soft = this.#soft();
    const hard = this.#hard();
    const hardChanged = !hardEqual(hard, this.#prevHard);
    const entries = r.log.unstableEntries();
    const snapshot = r.log.pendingSnapshot;
    const committedEntries = r.log.committedToApply(r.cfg.maxCommittedSizePerReady);
    const rd: Ready = {
      softState: softEqual(soft, this.#prevSoft) ? undefined : soft,
      hardState: hardChanged ? hard : undefined,
      entries,
      snapshot,
      committedEntries,
      messages: r.msgs,
      readStates: r.readStates,
      mustSync:
        entries.length > 0 ||
        snapshot !== undefined ||
        hard.term !== this.#prevHard.term ||
        hard.vote !== this.#prevHard.vote,
    };
    r.msgs = [];
    r.readStates = [];
    r.log.persistHanded = r.log.lastIndex();
    const lastCommitted = committedEntries.at(-1);
    if (lastCommitted !== undefined) r.log.applying = Math.max(r.log.applying, lastCommitted.index);
    this.#prevSoft = soft;
    this.#prevHard = hard;
    this.#inFlight = rd;
    return rd;
  }

  /** Acknowledges the last Ready: it was persisted, sent and applied. */
  advance(): void {
    const rd = this.#inFlight;
    assert(rd !== undefined, `raft ${this.#r.id}: advance() without ready()`);
    this.#inFlight = undefined;
    const r = this.#r;
    const last = rd.committedEntries.at(-1);
    if (last !== undefined) r.log.applied = Math.max(r.log.applied, last.index);
    const lastNew = rd.entries.at(-1);
    if (lastNew !== undefined && r.onPersisted(lastNew.index, lastNew.term)) {
      afterCommit(r);
      // Followers learn the new commit index with the next appends.
      if (r.role === 'leader') this.#needBcast = true;
    }
    if (rd.snapshot !== undefined && r.log.pendingSnapshot === rd.snapshot)
      r.log.pendingSnapshot = undefined;
    if (r.role === 'leader')
      r.uncommittedSize = Math.max(0, r.uncommittedSize - entriesSize(rd.committedEntries));
  }

  /** Term of the in-memory log entry at `index`; undefined if compacted or absent. */
  logTerm(index: number): number | undefined {
    return this.#r.log.term(index);
  }

  /** Cheap subset of status() for hot paths (the simulator checks it every step). */
  basicStatus(): {
    term: number;
    role: Role;
    leader: NodeId;
    commit: number;
    applied: number;
    lastIndex: number;
  } {
    const r = this.#r;
    return {
      term: r.term,
      role: r.role,
      leader: r.lead,
      commit: r.log.committed,
      applied: r.log.applied,
      lastIndex: r.log.lastIndex(),
    };
  }

  /**
   * The configuration in force at the commit index, with the index of the
   * entry that set it. Unlike status().conf (the last one appended, thesis
   * §4.1), it can no longer be replaced by a new leader: a node that is told
   * it was removed must be told so by a committed configuration.
   */
  committedConf(): { readonly index: number; readonly conf: ConfState } {
    return this.#r.log.confPointAt(this.#r.log.committed);
  }

  /** Index of the last configuration entry appended to this node's log (or its snapshot's index). */
  lastConfIndex(): number {
    return this.#r.log.lastConfIndex();
  }

  status(): RaftStatus {
    return statusOf(this.#r);
  }

  #soft(): SoftState {
    return { leader: this.#r.lead, role: this.#r.role };
  }

  #hard(): HardState {
    return { term: this.#r.term, vote: this.#r.vote, commit: this.#r.log.committed };
  }
}

function softEqual(a: SoftState, b: SoftState): boolean {
  return a.leader === b.leader && a.role === b.role;
}

function hardEqual(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}
