import { randomInt, randomUUID } from 'node:crypto';
import {
  NotLeaderError,
  RaftCore,
  SeededRng,
  bootstrapState,
  emptyState,
  isResponse,
} from '../raft/index.js';
import type { ConfChange, Entry, Message, NodeId, RaftStatus, Ready } from '../raft/index.js';
import { LogStore } from '../storage/index.js';
import type { FaultInjector } from '../transport/index.js';
import { PeerTransport } from '../transport/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { Logger } from '../util/logger.js';
import { decodeAddress, encodeAddress } from './address-context.js';
import type { DriverConfig as NodeConfig } from './driver-config.js';
import type { OwnView, Removal } from './removal.js';
import { removedError } from './removal.js';
import { raftLoggerFrom } from './raft-logger-adapter.js';
import { decodeEnvelope, encodeEnvelope } from './snapshot-envelope.js';
import type { StateMachine } from './state-machine.js';
import { transportSecurity } from './transport-security.js';
import { Waiters } from './waiters.js';

export interface RaftNodeOptions {
  readonly config: NodeConfig;
  readonly logger: Logger;
  readonly stateMachine: StateMachine;
  /** A fresh node that an existing cluster will add (fabric node start --join). */
  readonly joining: boolean;
  readonly faults?: FaultInjector;
  /** Storage failures leave the node unable to keep its promises: the default exits the process. */
  readonly onFatal?: (err: Error) => void;
}

interface ProposalResult {
  readonly index: number;
  readonly result: Uint8Array;
}

/** Every 10 ticks the leader looks for learners that caught up and promotes them. */
const PROMOTE_EVERY_TICKS = 10;

/**
 * The Raft driver: owns the timer that ticks the core, the LevelDB log, the
 * gRPC peer transport and the state machine, and runs the Ready contract
 * (persist, then send, then apply, then advance). Proposals arriving while
 * a write is in flight are group-committed by the next Ready.
 */
export class RaftNode {
  readonly id: NodeId;
  readonly config: NodeConfig;
  readonly transport: PeerTransport;
  readonly #core: RaftCore;
  readonly #store: LogStore;
  readonly #sm: StateMachine;
  readonly #log: Logger;
  readonly #addresses = new Map<NodeId, string>();
  readonly #proposals = new Waiters<number, { term: number; result: Uint8Array }>();
  readonly #proposalTerms = new Map<number, number>();
  readonly #reads = new Waiters<string, number>();
  readonly #readyReads: { index: number; context: string }[] = [];
  readonly #leaderWatchers = new Set<() => void>();
  readonly #applyListeners = new Set<() => void>();
  readonly #onFatal: (err: Error) => void;
  #refusal: FabricError | undefined;
  /** Index of the applied configuration that dropped this node, until a later one lists it again. */
  #removedAt: number | undefined;
  readonly #selfRemovalListeners = new Set<() => void>();
  #onRemoved: (err: FabricError) => void = () => undefined;
  /** Resolves with the NODE_REMOVED error once this node learns it was removed. */
  readonly removed = new Promise<FabricError>((resolve) => {
    this.#onRemoved = resolve;
  });
  #ticker: NodeJS.Timeout | undefined;
  #ticks = 0;
  #writing: Promise<void> | undefined;
  #scheduled = false;
  #stopped = false;
  #applied = 0;
  #snapshotIndex = 0;
  #snapshotting = false;
  #leader: NodeId = '';

  private constructor(opts: RaftNodeOptions, store: LogStore, core: RaftCore) {
    this.id = opts.config.node.id;
    this.config = opts.config;
    this.#store = store;
    this.#core = core;
    this.#sm = opts.stateMachine;
    this.#log = opts.logger.child({ component: 'raft-node', nodeId: this.id });
    this.#onFatal =
      opts.onFatal ??
      ((err) => {
        this.#log.fatal({ err }, 'storage failure: stopping the node');
        process.exit(70);
      });
    this.transport = new PeerTransport({
      nodeId: this.id,
      clusterId: opts.config.cluster.id,
      security: transportSecurity(opts.config),
      logger: opts.logger.child({ component: 'transport', nodeId: this.id }),
      handler: {
        onMessage: (m) => {
          this.#step(m);
        },
        onUnreachable: (peer) => {
          this.#core.reportUnreachable(peer);
        },
        onSnapshotStatus: (peer, ok) => {
          this.#core.reportSnapshot(peer, ok);
          this.#schedule();
        },
      },
      ...(opts.faults === undefined ? {} : { faults: opts.faults }),
    });
  }

  /** Opens the data dir, restores the state machine and builds the core; call run() after binding the server. */
  static async open(opts: RaftNodeOptions): Promise<RaftNode> {
    const cfg = opts.config;
    const log = opts.logger.child({ component: 'raft-node', nodeId: cfg.node.id });
    const store = await LogStore.open({
      dataDir: cfg.node.dataDir,
      identity: { clusterId: cfg.cluster.id, nodeId: cfg.node.id },
      logger: opts.logger,
      initialize: () =>
        opts.joining
          ? emptyState()
          : bootstrapState(
              cfg.cluster.members.map((m) => m.id),
              new Map(cfg.cluster.members.map((m) => [m.id, encodeAddress(m.address)])),
            ),
    });
    const init = store.initialState;
    const snap = init.snapshot;
    const core = new RaftCore({
      id: cfg.node.id,
      electionTick: cfg.raft.electionTicks,
      heartbeatTick: cfg.raft.heartbeatTicks,
      rng: new SeededRng(randomInt(2 ** 31)),
      storage: init,
      applied: snap?.metadata.index ?? 0,
      preVote: cfg.raft.preVote,
      checkQuorum: cfg.raft.checkQuorum,
      maxInflightMsgs: cfg.raft.maxInflightMsgs,
      maxInflightBytes: cfg.raft.maxInflightBytes,
      maxSizePerMsg: cfg.raft.maxSizePerMsg,
      logger: raftLoggerFrom(log),
    });
    const node = new RaftNode(opts, store, core);
    node.#restore(init.snapshot?.data, snap?.metadata.index ?? 0, init.entries);
    log.info(
      {
        created: store.created,
        snapshotIndex: snap?.metadata.index ?? 0,
        entries: init.entries.length,
        term: init.hardState.term,
      },
      'opened data dir',
    );
    return node;
  }

  #restore(
    snapshotData: Uint8Array | undefined,
    snapshotIndex: number,
    entries: readonly Entry[],
  ): void {
    if (snapshotData !== undefined) {
      const env = decodeEnvelope(snapshotData);
      this.#sm.restore(env.state);
      for (const [id, addr] of Object.entries(env.addresses)) this.#setAddress(id, addr);
    }
    this.#applied = snapshotIndex;
    this.#snapshotIndex = snapshotIndex;
    this.#learnAddresses(entries);
  }

  /** Starts ticking. */
  run(): void {
    this.#ticker = setInterval(() => {
      this.#tick();
    }, this.config.raft.tickMs);
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
    this.#refusal = removedError(this.id, this.config.cluster.id, removal);
    this.#log.error({ code: 'NODE_REMOVED', ...this.#refusal.details }, this.#refusal.message);
    this.#onRemoved(this.#refusal);
  }

  /** The NODE_REMOVED error once this node learned it was removed. */
  refusal(): FabricError | undefined {
    return this.#refusal;
  }

  #setAddress(id: NodeId, address: string): void {
    this.#addresses.set(id, address);
    if (id !== this.id) this.transport.setPeer(id, address);
  }

  /** Conf entries carry addresses; a leader must reach a new member as soon as it is appended. */
  #learnAddresses(entries: readonly Entry[]): void {
    for (const e of entries) {
      if (e.type !== 'conf') continue;
      const addr = decodeAddress(e.change.context);
      if (addr !== undefined && e.change.type !== 'remove') this.#setAddress(e.change.nodeId, addr);
    }
  }

  #tick(): void {
    // A removed node stops campaigning at once; it still steps messages
    // until it stops, so a removed leader's hand-off completes.
    if (this.#stopped || this.#refusal !== undefined) return;
    this.#core.tick();
    if (++this.#ticks % PROMOTE_EVERY_TICKS === 0) this.#promoteCaughtUpLearners();
    this.#schedule();
  }

  #step(m: Message): void {
    if (this.#stopped) return;
    try {
      this.#core.step(m);
    } catch (e) {
      this.#log.warn({ err: e, from: m.from, type: m.type }, 'dropped an invalid peer message');
      return;
    }
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled || this.#stopped) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#pump();
    });
  }

  /** Starts the next Ready if none is being written. */
  #pump(): void {
    if (this.#writing !== undefined || this.#stopped || !this.#core.hasReady()) return;
    const rd = this.#core.ready();
    this.#writing = this.#handleReady(rd).finally(() => {
      this.#writing = undefined;
      this.#schedule();
    });
  }

  async #handleReady(rd: Ready): Promise<void> {
    this.#learnAddresses(rd.entries);
    // Requests go out while our write is in flight (thesis §10.2.1); the
    // core counts our own copy only after advance(). Acknowledgements wait.
    this.transport.send(rd.messages.filter((m) => !isResponse(m)));
    try {
      await this.#store.persist(rd);
    } catch (e) {
      this.#onFatal(e as Error);
      return;
    }
    this.transport.send(rd.messages.filter(isResponse));
    if (rd.snapshot !== undefined)
      this.#installSnapshot(rd.snapshot.data, rd.snapshot.metadata.index);
    for (const e of rd.committedEntries) this.#apply(e);
    for (const rs of rd.readStates) this.#readyReads.push(rs);
    this.#serveReads();
    this.#core.advance();
    if (rd.softState !== undefined) this.#onSoftState(rd.softState.leader, rd.softState.role);
    for (const l of this.#applyListeners) l();
    await this.#maybeSnapshot();
  }

  #installSnapshot(data: Uint8Array, index: number): void {
    const env = decodeEnvelope(data);
    this.#sm.restore(env.state);
    for (const [id, addr] of Object.entries(env.addresses)) this.#setAddress(id, addr);
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
      if (cc.nodeId !== this.id) this.transport.removePeer(cc.nodeId);
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
    if (leader !== this.#leader) {
      this.#log.info({ leader, role, term: this.#core.basicStatus().term }, 'leader changed');
      this.#leader = leader;
      if (leader !== '') this.#reissueReads();
      for (const w of this.#leaderWatchers) w();
    }
  }

  async #maybeSnapshot(): Promise<void> {
    const threshold = this.config.raft.snapshotThreshold;
    if (this.#snapshotting || this.#applied - this.#snapshotIndex < threshold) return;
    this.#snapshotting = true;
    try {
      const index = this.#applied;
      const data = encodeEnvelope({
        addresses: Object.fromEntries(this.#addresses),
        state: this.#sm.snapshot(),
      });
      const keep = this.config.raft.snapshotKeepEntries;
      const snap = this.#core.compact(index, data, keep);
      await this.#store.saveSnapshot(snap, Math.max(0, index - keep));
      this.#snapshotIndex = index;
      this.#log.info({ index, bytes: data.byteLength }, 'took a snapshot and compacted the log');
    } catch (e) {
      this.#onFatal(e as Error);
    } finally {
      this.#snapshotting = false;
    }
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

  /** Waits until this node can serve a linearizable read (ReadIndex, thesis §6.4); returns the read index. */
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

  async linearizableRead(timeoutMs: number): Promise<number> {
    this.#checkRunning();
    const ctx = randomUUID();
    this.#core.readIndex(ctx);
    const p = this.#reads.wait(ctx, timeoutMs, 'linearizable read');
    this.#schedule();
    return p;
  }

  /** Leader only: adds a learner that will be promoted once caught up. */
  async addLearner(id: NodeId, address: string, timeoutMs: number): Promise<number> {
    return this.#proposeConf(
      { type: 'add-learner', nodeId: id, context: encodeAddress(address) },
      timeoutMs,
    );
  }

  async removeMember(id: NodeId, timeoutMs: number): Promise<number> {
    return this.#proposeConf({ type: 'remove', nodeId: id }, timeoutMs);
  }

  async #proposeConf(cc: ConfChange, timeoutMs: number): Promise<number> {
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
      } catch {
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
      const timer = setTimeout(() => {
        done();
        reject(
          new FabricError(
            'DEADLINE_EXCEEDED',
            `leadership did not change as asked within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.#leaderWatchers.delete(check);
      };
      this.#leaderWatchers.add(check);
      check();
    });
  }

  status(): RaftStatus {
    return this.#core.status();
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
      clusterId: this.config.cluster.id,
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
    if (this.#stopped) throw new FabricError('SHUTTING_DOWN', `node ${this.id} is shutting down`);
  }

  /** Clean shutdown (SIGTERM): finish the in-flight write, then close transport and LevelDB. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#ticker !== undefined) clearInterval(this.#ticker);
    await this.#writing;
    const err = new FabricError('SHUTTING_DOWN', `node ${this.id} is shutting down`);
    this.#proposals.rejectAll(err);
    this.#reads.rejectAll(err);
    await this.transport.close();
    await this.#store.close();
    this.#log.info('stopped');
  }
}
