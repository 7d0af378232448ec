import {
  InvariantViolation,
  NotLeaderError,
  RaftCore,
  SeededRng,
  isResponse,
} from '../raft/index.js';
import type {
  ConfChange,
  Entry,
  InitialState,
  Message,
  NodeId,
  RaftStatus,
  Ready,
  TestingKnobs,
} from '../raft/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { Logger } from '../util/logger.js';
import { decodeAddress, encodeAddress } from './address-context.js';
import type { DurableLog } from './durable-log.js';
import type { IdSource } from './id-source.js';
import type { PeerSender } from './peer-sender.js';
import { raftLoggerFrom } from './raft-logger-adapter.js';
import type { OwnView, Removal } from './removal.js';
import { removedError } from './removal.js';
import type { Scheduler, Timer } from './scheduler.js';
import { decodeEnvelope, encodeEnvelope } from './snapshot-envelope.js';
import type { StateMachine } from './state-machine.js';
import { Waiters } from './waiters.js';

/** The Raft settings the driver needs: a plain copy, so the driver does not depend on config files. */
export interface DriverRaftSettings {
  readonly tickMs: number;
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  readonly maxInflightMsgs: number;
  readonly maxInflightBytes?: number;
  readonly maxSizePerMsg: number;
  /** Applied entries beyond the last snapshot that trigger a new one. */
  readonly snapshotThreshold: number;
  /** Entries kept behind a snapshot for slow followers. */
  readonly snapshotKeepEntries: number;
}

/** Everything outside the driver, so production and the seeded simulator bind their own. */
export interface DriverPorts {
  readonly log: DurableLog;
  readonly peers: PeerSender;
  readonly scheduler: Scheduler;
  readonly ids: IdSource;
  /**
   * Called when the node can no longer keep its promises (a failed write, a
   * broken invariant). Production logs and exits (fail-stop.ts); the
   * simulator throws, so the seed fails. The driver does nothing after it.
   */
  readonly onFatal: (err: Error) => void;
  /** Sees every applied entry, in order (the simulator's checker). */
  readonly onApplied?: (e: Entry) => void;
}

export interface RaftDriverOptions {
  readonly id: NodeId;
  readonly clusterId: string;
  readonly raft: DriverRaftSettings;
  /** What the log store loaded at start. */
  readonly initial: InitialState;
  readonly stateMachine: StateMachine;
  readonly logger: Logger;
  readonly ports: DriverPorts;
  /** Deliberately broken core, for proving the simulator's checkers can fail. */
  readonly testing?: TestingKnobs;
}

export interface ProposalResult {
  readonly index: number;
  readonly result: Uint8Array;
}

/** Every 10 ticks the leader looks for learners that caught up and promotes them. */
const PROMOTE_EVERY_TICKS = 10;

/**
 * The Raft driver: ticks the core, runs the Ready contract (persist, then
 * send, then apply, then advance) against its ports, applies committed
 * entries to the state machine and answers proposals and reads. Proposals
 * arriving while a write is in flight are group-committed by the next Ready.
 *
 * The loop itself is synchronous between port callbacks: the same code runs
 * in production (raft-node.ts) and under the seeded simulator (test/sim).
 */
export class RaftDriver {
  readonly id: NodeId;
  readonly clusterId: string;
  readonly #raft: DriverRaftSettings;
  readonly #core: RaftCore;
  readonly #sm: StateMachine;
  readonly #log: Logger;
  readonly #ports: DriverPorts;
  readonly #addresses = new Map<NodeId, string>();
  readonly #proposals: Waiters<number, { term: number; result: Uint8Array }>;
  readonly #proposalTerms = new Map<number, number>();
  readonly #reads: Waiters<string, number>;
  readonly #readyReads: { index: number; context: string }[] = [];
  readonly #leaderWatchers = new Set<() => void>();
  readonly #applyListeners = new Set<() => void>();
  #refusal: FabricError | undefined;
  /** Index of the applied configuration that dropped this node, until a later one lists it again. */
  #removedAt: number | undefined;
  readonly #selfRemovalListeners = new Set<() => void>();
  #onRemoved: (err: FabricError) => void = () => undefined;
  /** Resolves with the NODE_REMOVED error once this node learns it was removed. */
  readonly removed = new Promise<FabricError>((resolve) => {
    this.#onRemoved = resolve;
  });
  #ticker: Timer | undefined;
  #ticks = 0;
  /** A Ready is being written (and its snapshot saved); the next waits. */
  #writing = false;
  /** Resolves the promise stop() waits on when the in-flight write ends. */
  #writeEnded: (() => void) | undefined;
  #scheduled = false;
  #stopped = false;
  /** Set once onFatal was called: the node does nothing more. */
  #failed = false;
  #applied = 0;
  #snapshotIndex = 0;
  #leader: NodeId = '';

  constructor(opts: RaftDriverOptions) {
    this.id = opts.id;
    this.clusterId = opts.clusterId;
    this.#raft = opts.raft;
    this.#sm = opts.stateMachine;
    this.#ports = opts.ports;
    this.#log = opts.logger.child({ component: 'raft-node', nodeId: this.id });
    this.#proposals = new Waiters(opts.ports.scheduler);
    this.#reads = new Waiters(opts.ports.scheduler);
    const init = opts.initial;
    const snapIndex = init.snapshot?.metadata.index ?? 0;
    this.#core = new RaftCore({
      id: opts.id,
      electionTick: opts.raft.electionTicks,
      heartbeatTick: opts.raft.heartbeatTicks,
      rng: new SeededRng(opts.ports.ids.rngSeed()),
      storage: init,
      applied: snapIndex,
      preVote: opts.raft.preVote,
      checkQuorum: opts.raft.checkQuorum,
      maxInflightMsgs: opts.raft.maxInflightMsgs,
      ...(opts.raft.maxInflightBytes === undefined
        ? {}
        : { maxInflightBytes: opts.raft.maxInflightBytes }),
      maxSizePerMsg: opts.raft.maxSizePerMsg,
      logger: raftLoggerFrom(this.#log),
      ...(opts.testing === undefined ? {} : { testing: opts.testing }),
    });
    if (init.snapshot !== undefined) this.#restoreSnapshot(init.snapshot.data);
    this.#applied = snapIndex;
    this.#snapshotIndex = snapIndex;
    this.#learnAddresses(init.entries);
  }

  #restoreSnapshot(data: Uint8Array): void {
    const env = decodeEnvelope(data);
    this.#sm.restore(env.state);
    for (const [id, addr] of Object.entries(env.addresses)) this.#setAddress(id, addr);
  }

  /** Starts ticking. */
  run(): void {
    this.#ticker = this.#ports.scheduler.every(this.#raft.tickMs, () => {
      this.#tick();
    });
    this.#schedule();
    this.#checkSnapshotMembership();
  }

  /**
   * A snapshot taken after this node's removal (it applied the removal, took
   * a snapshot and was stopped before it exited) no longer lists it, and the
   * removal entry is not replayed: note it here (removal.ts says why it is
   * only a suspicion until a leader confirms it).
   */
  #checkSnapshotMembership(): void {
    const { index, conf } = this.#core.committedConf();
    if (index === 0 || conf.voters.includes(this.id) || conf.learners.includes(this.id)) return;
    this.#suspectRemoval(index);
  }

  #suspectRemoval(index: number): void {
    this.#removedAt = index;
    for (const l of this.#selfRemovalListeners) l();
  }

  /** Calls `listener` when this node applies a configuration that drops it. */
  onSelfRemoval(listener: () => void): void {
    this.#selfRemovalListeners.add(listener);
  }

  /**
   * This node is no longer a member: it logs the one error that says what
   * to do, stops campaigning, refuses every request, and resolves `removed`
   * (the process stops then; see node-commands.ts).
   */
  removedAt(removal: Removal): void {
    if (this.#refusal !== undefined) return;
    this.#refusal = removedError(this.id, this.clusterId, removal);
    this.#log.error({ code: 'NODE_REMOVED', ...this.#refusal.details }, this.#refusal.message);
    this.#onRemoved(this.#refusal);
  }

  /** The NODE_REMOVED error once this node learned it was removed. */
  refusal(): FabricError | undefined {
    return this.#refusal;
  }

  #setAddress(id: NodeId, address: string): void {
    this.#addresses.set(id, address);
    if (id !== this.id) this.#ports.peers.setPeer(id, address);
  }

  /** Conf entries carry addresses; a leader must reach a new member as soon as it is appended. */
  #learnAddresses(entries: readonly Entry[]): void {
    for (const e of entries) {
      if (e.type !== 'conf') continue;
      const addr = decodeAddress(e.change.context);
      if (addr !== undefined && e.change.type !== 'remove') this.#setAddress(e.change.nodeId, addr);
    }
  }

  /**
   * Runs `fn` against the core; a broken invariant stops the node (onFatal)
   * instead of leaving it running on state it can no longer trust.
   */
  #guarded<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof InvariantViolation)) throw e;
      this.#fatal(e);
      return undefined;
    }
  }

  #fatal(err: Error): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#ticker?.cancel();
    // A stop() waiting for the write that failed must not wait forever.
    this.#writeEnded?.();
    this.#ports.onFatal(err);
  }

  #tick(): void {
    // A removed node stops campaigning at once; it still steps messages
    // until it stops, so a removed leader's hand-off completes.
    if (this.#halted() || this.#refusal !== undefined) return;
    this.#guarded(() => {
      this.#core.tick();
      if (++this.#ticks % PROMOTE_EVERY_TICKS === 0) this.#promoteCaughtUpLearners();
    });
    this.#schedule();
  }

  #halted(): boolean {
    return this.#stopped || this.#failed;
  }

  /** Feeds one message from a peer. */
  step(m: Message): void {
    if (this.#halted()) return;
    try {
      this.#core.step(m);
    } catch (e) {
      if (e instanceof InvariantViolation) {
        this.#fatal(e);
        return;
      }
      this.#log.warn({ err: e, from: m.from, type: m.type }, 'dropped an invalid peer message');
      return;
    }
    this.#schedule();
  }

  reportUnreachable(peer: NodeId): void {
    if (this.#halted()) return;
    this.#core.reportUnreachable(peer);
  }

  reportSnapshot(peer: NodeId, ok: boolean): void {
    if (this.#halted()) return;
    this.#core.reportSnapshot(peer, ok);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled || this.#halted()) return;
    this.#scheduled = true;
    this.#ports.scheduler.soon(this.#pumpSoon);
  }

  /** One closure for every schedule: the loop runs per message, and allocations add up. */
  readonly #pumpSoon = (): void => {
    this.#scheduled = false;
    this.#pump();
  };

  /** Starts the next Ready if none is being written. */
  #pump(): void {
    if (this.#writing || this.#halted() || !this.#core.hasReady()) return;
    this.#writing = true;
    // A failed ready() leaves #writing set: a stopped node writes nothing more.
    const ready = this.#guarded(() => this.#core.ready());
    if (ready === undefined) return;
    this.#learnAddresses(ready.entries);
    // Requests go out while our write is in flight (thesis §10.2.1); the
    // core counts our own copy only after advance(). Acknowledgements wait.
    const requests: Message[] = [];
    const responses: Message[] = [];
    for (const m of ready.messages) (isResponse(m) ? responses : requests).push(m);
    this.#ports.peers.send(requests);
    this.#ports.log.persist(ready, (err) => {
      if (err !== undefined) this.#fatal(err);
      else
        this.#guarded(() => {
          this.#afterPersist(ready, responses);
        });
    });
  }

  #afterPersist(rd: Ready, responses: readonly Message[]): void {
    this.#ports.peers.send(responses);
    if (rd.snapshot !== undefined)
      this.#installSnapshot(rd.snapshot.data, rd.snapshot.metadata.index);
    for (const e of rd.committedEntries) this.#apply(e);
    for (const rs of rd.readStates) this.#readyReads.push(rs);
    this.#serveReads();
    this.#core.advance();
    if (rd.softState !== undefined) this.#onSoftState(rd.softState.leader, rd.softState.role);
    for (const l of this.#applyListeners) l();
    this.#maybeSnapshot(() => {
      this.#writing = false;
      this.#writeEnded?.();
      this.#schedule();
    });
  }

  #installSnapshot(data: Uint8Array, index: number): void {
    this.#restoreSnapshot(data);
    this.#applied = index;
    this.#snapshotIndex = index;
    this.#proposals.rejectWhere(
      (i) => i <= index,
      new FabricError(
        'PROPOSAL_DROPPED',
        'a snapshot replaced the log before this proposal was seen applied; retry with the same request id',
      ),
    );
    this.#log.info({ index }, 'installed snapshot from the leader');
  }

  #apply(e: Entry): void {
    if (e.index <= this.#applied) return;
    this.#applied = e.index;
    let result: Uint8Array = new Uint8Array(0);
    if (e.type === 'normal') {
      if (e.data.byteLength > 0) result = this.#sm.apply(e.index, e.data);
    } else {
      this.#applyConf(e);
    }
    this.#ports.onApplied?.(e);
    const term = this.#proposalTerms.get(e.index);
    if (term === undefined) return;
    this.#proposalTerms.delete(e.index);
    if (term === e.term) this.#proposals.resolve(e.index, { term, result });
    else {
      this.#proposals.reject(
        e.index,
        new FabricError(
          'PROPOSAL_DROPPED',
          `entry ${e.index} was replaced by a new leader before it committed; retry with the same request id`,
        ),
      );
    }
  }

  #applyConf(e: Extract<Entry, { type: 'conf' }>): void {
    const cc = e.change;
    // Committed and applied, but maybe an old incarnation's removal that a
    // rebuilt node replays: the node asks a leader at once (removal.ts).
    if (cc.nodeId === this.id) {
      if (cc.type === 'remove') this.#suspectRemoval(e.index);
      else this.#removedAt = undefined;
    }
    if (cc.type === 'remove') {
      this.#addresses.delete(cc.nodeId);
      if (cc.nodeId !== this.id) this.#ports.peers.removePeer(cc.nodeId);
      this.#log.info(
        { member: cc.nodeId },
        cc.nodeId === this.id ? 'this node was removed from the cluster' : 'member removed',
      );
    } else {
      this.#log.info({ member: cc.nodeId, change: cc.type }, 'membership change applied');
    }
  }

  #serveReads(): void {
    for (let i = this.#readyReads.length - 1; i >= 0; i--) {
      const rs = this.#readyReads[i];
      if (rs === undefined || rs.index > this.#applied) continue;
      this.#readyReads.splice(i, 1);
      this.#reads.resolve(rs.context, rs.index);
    }
  }

  #onSoftState(leader: NodeId, role: string): void {
    if (leader === this.#leader) return;
    this.#log.info({ leader, role, term: this.#core.basicStatus().term }, 'leader changed');
    this.#leader = leader;
    if (leader !== '') this.#reissueReads();
    for (const w of this.#leaderWatchers) w();
  }

  /** Takes a snapshot when enough was applied since the last; calls `done` once it is saved (or not needed). */
  #maybeSnapshot(done: () => void): void {
    if (this.#applied - this.#snapshotIndex < this.#raft.snapshotThreshold) {
      done();
      return;
    }
    const index = this.#applied;
    const data = encodeEnvelope({
      addresses: Object.fromEntries(this.#addresses),
      state: this.#sm.snapshot(),
    });
    const keep = this.#raft.snapshotKeepEntries;
    const snap = this.#core.compact(index, data, keep);
    this.#ports.log.saveSnapshot(snap, Math.max(0, index - keep), (err) => {
      if (err !== undefined) {
        this.#fatal(err);
        return;
      }
      this.#snapshotIndex = index;
      this.#log.info({ index, bytes: data.byteLength }, 'took a snapshot and compacted the log');
      done();
    });
  }

  /** Leader only: proposes a command and resolves with the state machine's result once applied. */
  async propose(command: Uint8Array, timeoutMs: number): Promise<ProposalResult> {
    this.#checkRunning();
    const pos = this.#core.propose(command);
    return this.#awaitApplied(pos.index, pos.term, timeoutMs, 'proposal');
  }

  async #awaitApplied(
    index: number,
    term: number,
    timeoutMs: number,
    what: string,
  ): Promise<ProposalResult> {
    this.#proposalTerms.set(index, term);
    const p = this.#proposals.wait(index, timeoutMs, `${what} at index ${index}`);
    this.#schedule();
    const r = await p;
    return { index, result: r.result };
  }

  /**
   * A ReadIndex request a follower forwarded to a leader that then died is
   * lost with it (thesis §6.4 leaves retries to the caller). Asking the new
   * leader again keeps reads from waiting out their whole deadline after a
   * leader change; the new leader's read index is at least the old one's,
   * so the read stays linearizable, and a duplicate answer is ignored.
   */
  #reissueReads(): void {
    for (const ctx of this.#reads.keys()) {
      try {
        this.#core.readIndex(ctx);
      } catch {
        // No leader to ask after all: the read's own deadline decides.
      }
    }
  }

  /** Waits until this node can serve a linearizable read (ReadIndex, thesis §6.4); returns the read index. */
  async linearizableRead(timeoutMs: number): Promise<number> {
    this.#checkRunning();
    const ctx = this.#ports.ids.nextId();
    this.#core.readIndex(ctx);
    const p = this.#reads.wait(ctx, timeoutMs, 'linearizable read');
    this.#schedule();
    return p;
  }

  /** Leader only: adds a learner that will be promoted once caught up. */
  async addLearner(id: NodeId, address: string, timeoutMs: number): Promise<number> {
    return this.proposeConfChange(
      { type: 'add-learner', nodeId: id, context: encodeAddress(address) },
      timeoutMs,
    );
  }

  async removeMember(id: NodeId, timeoutMs: number): Promise<number> {
    return this.proposeConfChange({ type: 'remove', nodeId: id }, timeoutMs);
  }

  /**
   * Leader only: proposes a membership change and resolves with its index
   * once applied. The context of an addition carries the member's address.
   */
  async proposeConfChange(cc: ConfChange, timeoutMs: number): Promise<number> {
    this.#checkRunning();
    if (cc.context !== undefined)
      this.#learnAddresses([{ type: 'conf', term: 0, index: 0, change: cc }]);
    const pos = this.#core.proposeConfChange(cc);
    const r = await this.#awaitApplied(pos.index, pos.term, timeoutMs, `${cc.type} ${cc.nodeId}`);
    return r.index;
  }

  /**
   * Promotes learners whose log caught up with the leader's commit index
   * (a learner is added first so that a slow catch-up, maybe by snapshot,
   * never weakens the voting quorum; thesis §4.2.1).
   */
  #promoteCaughtUpLearners(): void {
    const st = this.#core.status();
    if (st.role !== 'leader') return;
    for (const [id, pr] of st.progress) {
      if (!pr.learner || pr.match < st.commit) continue;
      try {
        this.#core.proposeConfChange({ type: 'add-voter', nodeId: id });
        this.#log.info({ member: id, match: pr.match }, 'learner caught up: promoting to voter');
      } catch (e) {
        if (e instanceof InvariantViolation) throw e;
        // Another change is pending; try again on the next round.
      }
      return;
    }
  }

  /** Asks the leader to hand over leadership; resolves when `target` leads. */
  async transferLeadership(target: NodeId, timeoutMs: number): Promise<void> {
    this.#checkRunning();
    if (this.#core.basicStatus().leader === target) return;
    const changed = this.waitForLeader((l) => l === target, timeoutMs);
    this.#core.transferLeader(target);
    this.#schedule();
    await changed;
  }

  /** Resolves once the known leader satisfies `pred`. */
  waitForLeader(pred: (leader: NodeId) => boolean, timeoutMs: number): Promise<NodeId> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const l = this.#core.basicStatus().leader;
        if (!pred(l)) return;
        done();
        resolve(l);
      };
      const timer = this.#ports.scheduler.after(timeoutMs, () => {
        done();
        reject(
          new FabricError(
            'DEADLINE_EXCEEDED',
            `leadership did not change as asked within ${timeoutMs} ms`,
          ),
        );
      });
      const done = (): void => {
        timer.cancel();
        this.#leaderWatchers.delete(check);
      };
      this.#leaderWatchers.add(check);
      check();
    });
  }

  status(): RaftStatus {
    return this.#core.status();
  }

  basicStatus(): ReturnType<RaftCore['basicStatus']> {
    return this.#core.basicStatus();
  }

  /** The term of the entry at `index`, if this node still holds it. */
  logTerm(index: number): number | undefined {
    return this.#core.logTerm(index);
  }

  /** The configuration in force at the commit index and the index of the entry that set it. */
  committedConf(): ReturnType<RaftCore['committedConf']> {
    return this.#core.committedConf();
  }

  /** This node's side of the membership check (removal.ts). */
  ownView(): OwnView {
    const conf = this.#core.status().conf;
    return {
      id: this.id,
      clusterId: this.clusterId,
      term: this.#core.basicStatus().term,
      confIndex: this.#core.lastConfIndex(),
      listed: conf.voters.includes(this.id) || conf.learners.includes(this.id),
      ...(this.#removedAt === undefined ? {} : { removedAt: this.#removedAt }),
    };
  }

  /** Addresses of the other members this node knows of. */
  peerAddresses(): string[] {
    return [...this.#addresses].filter(([id]) => id !== this.id).map(([, a]) => a);
  }

  /** Calls `listener` after every applied batch and every leadership change; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#applyListeners.add(listener);
    return () => this.#applyListeners.delete(listener);
  }

  /** The current term, when this node leads; undefined otherwise. */
  leaderTerm(): number | undefined {
    const s = this.#core.basicStatus();
    return s.role === 'leader' ? s.term : undefined;
  }

  /**
   * Records a peer's address learned outside the log. A joining node needs
   * the members' addresses before it has any of the log that carries them,
   * or it could not even answer the leader's first append.
   */
  learnPeerAddress(id: NodeId, address: string): void {
    if (!this.#addresses.has(id)) this.#setAddress(id, address);
  }

  addressOf(id: NodeId): string | undefined {
    return this.#addresses.get(id);
  }

  get applied(): number {
    return this.#applied;
  }

  get stateMachine(): StateMachine {
    return this.#sm;
  }

  /** The leader's id and address, or a typed error when none is known. */
  leader(): { id: NodeId; address: string } {
    const id = this.#core.basicStatus().leader;
    const address = id === '' ? undefined : this.#addresses.get(id);
    if (id === '' || address === undefined) throw new NotLeaderError(this.id, '');
    return { id, address };
  }

  isLeader(): boolean {
    return this.#core.basicStatus().role === 'leader';
  }

  #checkRunning(): void {
    if (this.#refusal !== undefined) throw this.#refusal;
    if (this.#halted()) throw new FabricError('SHUTTING_DOWN', `node ${this.id} is shutting down`);
  }

  /** Clean shutdown (SIGTERM): finish the in-flight write, then close the peers and the log. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#ticker?.cancel();
    if (this.#writing && !this.#failed)
      await new Promise<void>((resolve) => {
        this.#writeEnded = resolve;
      });
    const err = new FabricError('SHUTTING_DOWN', `node ${this.id} is shutting down`);
    this.#proposals.rejectAll(err);
    this.#reads.rejectAll(err);
    await this.#ports.peers.close();
    await this.#ports.log.close();
    this.#log.info('stopped');
  }
}
