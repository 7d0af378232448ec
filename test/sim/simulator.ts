import {
  InvariantViolation,
  NOOP_LOGGER,
  SeededRng,
  bootstrapState,
  emptyState,
  isResponse,
} from '../../src/raft/index.js';
import type { ConfChange, Message, NodeId, PeerProgress, RaftCore } from '../../src/raft/index.js';
import { Checker, SafetyViolation } from './checker.js';
import { EventQueue } from './event-queue.js';
import type { SimOptions } from './options.js';
import { SimClient } from './sim-client.js';
import { SimNode } from './sim-node.js';

type SimEvent =
  | { readonly kind: 'msg'; readonly m: Message; readonly copy: boolean }
  | { readonly kind: 'disk'; readonly node: NodeId; readonly incarnation: number }
  | { readonly kind: 'restart'; readonly node: NodeId; readonly incarnation: number }
  | { readonly kind: 'nemesis'; readonly node: NodeId; readonly term: number }
  | {
      readonly kind: 'snap-report';
      readonly node: NodeId;
      readonly incarnation: number;
      readonly to: NodeId;
      readonly ok: boolean;
    };

export interface SimStats {
  ticks: number;
  leadersElected: number;
  messagesSent: number;
  messagesDropped: number;
  crashes: number;
  partitions: number;
  confChanges: number;
  transfers: number;
  snapshotsTaken: number;
  proposals: number;
  committed: number;
  readsServed: number;
  maxCommitIndex: number;
  healTicks: number;
}

export interface SimResult {
  readonly ok: boolean;
  readonly failure?: string;
  readonly phase?: 'safety' | 'liveness';
  readonly step?: number;
  readonly stats: SimStats;
  readonly trace: readonly string[];
}

const TRACE_LINES = 60;

/**
 * The deterministic cluster simulator. One seed drives every choice: the
 * cluster shape, message delays, drops, duplicates, partitions, disk write
 * latency, crashes and restarts, client load, membership changes and
 * leadership transfers. Safety is checked after every step; a final heal
 * phase must converge (liveness).
 */
export class Simulator {
  readonly opts: SimOptions;
  readonly #rng: SeededRng;
  readonly #queue = new EventQueue<SimEvent>();
  readonly #nodes = new Map<NodeId, SimNode>();
  readonly #checker: Checker;
  readonly #client = new SimClient();
  /** Partition side of each node; nodes on different sides cannot talk. */
  #side = new Map<NodeId, number>();
  #now = 0;
  #nextNodeNumber: number;
  #healing = false;
  /** Highest term in which a leader was seen, for the leader nemesis. */
  #lastLeaderTerm = 0;
  readonly #trace: string[] = [];
  readonly stats: SimStats = {
    ticks: 0,
    leadersElected: 0,
    messagesSent: 0,
    messagesDropped: 0,
    crashes: 0,
    partitions: 0,
    confChanges: 0,
    transfers: 0,
    snapshotsTaken: 0,
    proposals: 0,
    committed: 0,
    readsServed: 0,
    maxCommitIndex: 0,
    healTicks: 0,
  };

  constructor(opts: SimOptions) {
    this.opts = opts;
    this.#rng = new SeededRng(opts.seed ^ 0x5eed);
    this.#checker = new Checker({ durableMonotonicity: !opts.lossyDisk || opts.detectLoss });
    const ids = Array.from({ length: opts.clusterSize }, (_, i) => `n${i + 1}`);
    this.#nextNodeNumber = ids.length + 1;
    for (const id of ids) this.#addNode(id, bootstrapState(ids));
  }

  #addNode(id: NodeId, init: ReturnType<typeof emptyState>): SimNode {
    const n = new SimNode(id, init, this.opts, this.#rng.int(2 ** 31), this.#checker, NOOP_LOGGER);
    this.#nodes.set(id, n);
    return n;
  }

  #log(line: string): void {
    this.#trace.push(`t=${this.#now} ${line}`);
    if (this.#trace.length > TRACE_LINES) this.#trace.shift();
  }

  /** Runs the safety phase then the heal phase; never throws for a protocol failure. */
  run(): SimResult {
    let phase: 'safety' | 'liveness' = 'safety';
    try {
      for (let s = 0; s < this.opts.steps; s++) this.#step();
      phase = 'liveness';
      this.#heal();
      return this.#result(true);
    } catch (e) {
      if (
        e instanceof SafetyViolation ||
        e instanceof InvariantViolation ||
        e instanceof LivenessFailure
      ) {
        return {
          ...this.#result(false),
          failure: `${e.name}: ${e.message}`,
          phase,
          step: this.#now,
        };
      }
      throw e;
    }
  }

  #result(ok: boolean): SimResult {
    this.stats.ticks = this.#now;
    this.stats.leadersElected = this.#checker.leadersElected;
    this.stats.proposals = this.#client.proposals;
    this.stats.committed = this.#client.committedCount;
    this.stats.readsServed = this.#client.readsServed;
    this.stats.maxCommitIndex = this.#checker.maxCommitted;
    return { ok, stats: this.stats, trace: [...this.#trace] };
  }

  /** One simulated tick: faults and client actions, clocks, deliveries, checks. */
  #step(): void {
    this.#now++;
    if (!this.#healing) this.#faults();
    this.#clientActions();
    for (const n of this.#nodes.values()) n.core?.tick();
    this.#drain();
    this.#check();
    if (!this.#healing) this.#leaderNemesis();
  }

  /** Schedules trouble for a freshly elected leader (see SimOptions.leaderNemesisRate). */
  #leaderNemesis(): void {
    for (const n of this.#nodes.values()) {
      const s = n.core?.basicStatus();
      if (s?.role !== 'leader' || s.term <= this.#lastLeaderTerm) continue;
      this.#lastLeaderTerm = s.term;
      if (this.#chance(this.opts.leaderNemesisRate)) {
        this.#queue.push(this.#now + 1 + this.#rng.int(3 * this.opts.electionTick), {
          kind: 'nemesis',
          node: n.id,
          term: s.term,
        });
      }
    }
  }

  #strikeLeader(id: NodeId, term: number): void {
    const n = this.#nodes.get(id);
    const s = n?.core?.basicStatus();
    if (n === undefined || s?.role !== 'leader' || s.term !== term || this.#healing) return;
    if (this.#rng.float() < 0.5) {
      this.#side = new Map([[id, 1]]);
      this.stats.partitions++;
      this.#log(`nemesis: leader ${id} of term ${term} cut off`);
    } else {
      this.#crash(n);
      this.#log(`nemesis: leader ${id} of term ${term} crashed`);
    }
  }

  #drain(): void {
    for (const n of this.#nodes.values()) this.#startWrite(n);
    for (
      let ev = this.#queue.popDue(this.#now);
      ev !== undefined;
      ev = this.#queue.popDue(this.#now)
    ) {
      this.#handle(ev);
    }
  }

  #handle(ev: SimEvent): void {
    switch (ev.kind) {
      case 'msg':
        this.#deliver(ev.m);
        return;
      case 'disk': {
        const n = this.#nodes.get(ev.node);
        if (n?.incarnation === ev.incarnation) this.#completeWrite(n);
        return;
      }
      case 'restart': {
        const n = this.#nodes.get(ev.node);
        if (n === undefined || n.alive || n.retired || n.incarnation !== ev.incarnation) return;
        n.restart();
        this.#log(
          n.refused
            ? `${n.id} refused to start: its disk lost synced writes`
            : `${n.id} restarted (term ${n.disk.hardState.term}, disk last ${n.disk.lastIndex()})`,
        );
        this.#startWrite(n);
        return;
      }
      case 'nemesis':
        this.#strikeLeader(ev.node, ev.term);
        return;
      case 'snap-report': {
        const n = this.#nodes.get(ev.node);
        if (n?.core !== undefined && n.incarnation === ev.incarnation) {
          n.core.reportSnapshot(ev.to, ev.ok);
          this.#startWrite(n);
        }
        return;
      }
    }
  }

  /** Hands the node's next Ready to its disk, unless a write is already in flight. */
  #startWrite(n: SimNode): void {
    const core = n.core;
    if (core === undefined || n.writing !== undefined || !core.hasReady()) return;
    n.writing = core.ready();
    // Requests (appends, votes, heartbeats) may leave before the write
    // completes (thesis §10.2.1); responses wait for it (#completeWrite).
    for (const m of n.writing.messages) if (!isResponse(m)) this.#send(m);
    const delay = this.#rng.int(this.opts.maxDiskDelay + 1);
    this.#queue.push(this.#now + delay, { kind: 'disk', node: n.id, incarnation: n.incarnation });
  }

  #completeWrite(n: SimNode): void {
    const rd = n.writing;
    const core = n.core;
    if (rd === undefined || core === undefined) return;
    n.writing = undefined;
    n.persist(rd, this.#checker);
    for (const m of rd.messages) if (isResponse(m)) this.#send(m);
    n.apply(rd, this.#checker, (e) => {
      this.#client.onApplied(e);
      if (e.type === 'conf') this.#onConfApplied(e.change);
    });
    for (const rs of rd.readStates) this.#client.onReadState(n.id, rs);
    core.advance();
    if (n.maybeCompact() !== undefined) this.stats.snapshotsTaken++;
    this.#startWrite(n);
  }

  /** A committed removal retires the node, as an operator's driver would. */
  #onConfApplied(cc: ConfChange): void {
    if (cc.type !== 'remove') return;
    const n = this.#nodes.get(cc.nodeId);
    if (n === undefined || n.retired) return;
    n.retired = true;
    if (n.alive) n.crash();
    this.#client.forgetReadsOf(n.id);
    this.#log(`${cc.nodeId} retired after its removal committed`);
  }

  #send(m: Message): void {
    this.stats.messagesSent++;
    const lossy = !this.#healing;
    if ((lossy && this.#rng.float() < this.opts.dropRate) || this.#partitioned(m.from, m.to)) {
      this.stats.messagesDropped++;
      if (m.type === 'snap') this.#reportSnap(m.from, m.to, false);
      return;
    }
    this.#queue.push(this.#now + this.#rng.int(this.opts.maxDelay + 1), {
      kind: 'msg',
      m,
      copy: false,
    });
    if (lossy && this.#rng.float() < this.opts.duplicateRate) {
      this.#queue.push(this.#now + this.#rng.int(this.opts.maxDelay + 2), {
        kind: 'msg',
        m,
        copy: true,
      });
    }
  }

  #reportSnap(from: NodeId, to: NodeId, ok: boolean): void {
    const n = this.#nodes.get(from);
    if (n?.core === undefined) return;
    this.#queue.push(this.#now + 1, {
      kind: 'snap-report',
      node: from,
      incarnation: n.incarnation,
      to,
      ok,
    });
  }

  #deliver(m: Message): void {
    const n = this.#nodes.get(m.to);
    if (n?.core === undefined || this.#partitioned(m.from, m.to)) {
      if (m.type === 'snap') this.#reportSnap(m.from, m.to, false);
      return;
    }
    const before = n.core.basicStatus();
    n.core.step(m);
    const after = n.core.basicStatus();
    if (after.role === 'leader' && before.role !== 'leader')
      this.#log(`${n.id} became leader of term ${after.term}`);
    if (m.type === 'snap') this.#reportSnap(m.from, m.to, true);
    this.#startWrite(n);
  }

  #partitioned(a: NodeId, b: NodeId): boolean {
    return (this.#side.get(a) ?? 0) !== (this.#side.get(b) ?? 0);
  }

  #liveNodes(): SimNode[] {
    return [...this.#nodes.values()].filter((n) => n.alive);
  }

  /** The live node that believes it leads at the highest term, if any. */
  #leader(): SimNode | undefined {
    let best: SimNode | undefined;
    let bestTerm = -1;
    for (const n of this.#nodes.values()) {
      const s = n.core?.basicStatus();
      if (s?.role === 'leader' && s.term > bestTerm) {
        best = n;
        bestTerm = s.term;
      }
    }
    return best;
  }

  #chance(p: number): boolean {
    return p > 0 && this.#rng.float() < p;
  }

  #faults(): void {
    const o = this.opts;
    if (this.#chance(o.crashRate)) this.#crashOne();
    if (this.#chance(o.partitionRate)) this.#partition();
    if (this.#side.size > 0 && this.#chance(o.healRate)) {
      this.#side = new Map();
      this.#log('partition healed');
    }
    if (this.#chance(o.confChangeRate)) this.#confChange();
    if (this.#chance(o.transferRate)) this.#transfer();
  }

  #crashOne(): void {
    const live = this.#liveNodes();
    if (live.length === 0) return;
    const n = live[this.#rng.int(live.length)];
    if (n !== undefined) this.#crash(n);
  }

  #crash(n: SimNode): void {
    // Only a lossy disk draws from the rng: other seeds replay unchanged.
    n.crash(this.opts.lossyDisk ? 1 + this.#rng.int(3) : 0, this.#checker);
    this.#client.forgetReadsOf(n.id);
    this.stats.crashes++;
    const down = this.opts.minDown + this.#rng.int(this.opts.maxDown - this.opts.minDown + 1);
    this.#queue.push(this.#now + down, { kind: 'restart', node: n.id, incarnation: n.incarnation });
    this.#log(`${n.id} crashed (down ${down} ticks; unsynced writes lost)`);
  }

  #partition(): void {
    const ids = [...this.#nodes.keys()];
    this.#side = new Map();
    if (this.#rng.float() < 0.5) {
      const lone = ids[this.#rng.int(ids.length)] as NodeId;
      this.#side.set(lone, 1);
    } else {
      for (const id of ids) if (this.#rng.float() < 0.5) this.#side.set(id, 1);
    }
    this.stats.partitions++;
    this.#log(`partition: {${[...this.#side.keys()].join(',')}} | rest`);
  }

  #confChange(): void {
    const leader = this.#leader();
    if (leader?.core === undefined) return;
    const conf = leader.core.status().conf;
    const members = [...conf.voters, ...conf.learners];
    const roll = this.#rng.float();
    let cc: ConfChange;
    let fresh: NodeId | undefined;
    if (roll < 0.3 && members.length < 9) {
      fresh = `n${this.#nextNodeNumber}`;
      cc = { type: 'add-learner', nodeId: fresh };
    } else if (roll < 0.55 && conf.learners.length > 0) {
      cc = {
        type: 'add-voter',
        nodeId: conf.learners[this.#rng.int(conf.learners.length)] as NodeId,
      };
    } else if (roll < 0.85 && conf.voters.length > 3) {
      cc = { type: 'remove', nodeId: conf.voters[this.#rng.int(conf.voters.length)] as NodeId };
    } else if (conf.learners.length > 0) {
      cc = { type: 'remove', nodeId: conf.learners[this.#rng.int(conf.learners.length)] as NodeId };
    } else if (conf.voters.length > 3) {
      cc = {
        type: 'add-learner',
        nodeId: conf.voters[this.#rng.int(conf.voters.length)] as NodeId,
      };
    } else {
      return;
    }
    try {
      leader.core.proposeConfChange(cc);
    } catch {
      return;
    }
    if (fresh !== undefined) {
      this.#nextNodeNumber++;
      this.#addNode(fresh, emptyState());
    }
    this.stats.confChanges++;
    this.#log(`${leader.id} proposed ${cc.type} ${cc.nodeId}`);
    this.#startWrite(leader);
  }

  #transfer(): void {
    const leader = this.#leader();
    if (leader?.core === undefined) return;
    const voters = leader.core.status().conf.voters.filter((v) => v !== leader.id);
    const target = voters[this.#rng.int(Math.max(1, voters.length))];
    if (target === undefined) return;
    try {
      leader.core.transferLeader(target);
      this.stats.transfers++;
      this.#log(`${leader.id} transfers leadership to ${target}`);
    } catch {
      return;
    }
    this.#startWrite(leader);
  }

  /** Nodes that believe they lead: clients with stale routing still reach deposed leaders. */
  #anyLeader(): SimNode | undefined {
    const leaders = [...this.#nodes.values()].filter(
      (n) => n.core?.basicStatus().role === 'leader',
    );
    return leaders[this.#rng.int(Math.max(1, leaders.length))];
  }

  #clientActions(): void {
    const target = this.#anyLeader();
    if (target?.core !== undefined && !this.#healing && this.#chance(this.opts.proposeRate)) {
      this.#client.propose(target.core, this.#now);
      this.#startWrite(target);
    }
    const leader = this.#leader();
    if (leader?.core !== undefined) {
      this.#client.retry(leader.core, this.#now, 4 * this.opts.electionTick);
      this.#startWrite(leader);
    }
    if (!this.#healing && this.#chance(this.opts.readRate)) {
      const live = this.#liveNodes();
      const n = live[this.#rng.int(Math.max(1, live.length))];
      if (n?.core !== undefined) {
        this.#client.read(n.id, n.core, this.#checker.maxCommitted);
        this.#startWrite(n);
      }
    }
  }

  #check(): void {
    for (const n of this.#nodes.values()) {
      if (n.core === undefined) continue;
      this.#checker.onNodeState(n.id, n.incarnation, n.core);
    }
    for (const n of this.#nodes.values())
      if (n.core !== undefined) this.#checker.checkLeaderHolds(n.id, n.core);
  }

  /**
   * Liveness: heal every fault, restart every node, then require a leader
   * and every client command committed and applied on every member within
   * a bounded number of ticks.
   */
  #heal(): void {
    this.#healing = true;
    this.#side = new Map();
    for (const n of this.#nodes.values()) {
      if (!n.alive && !n.retired) {
        n.restart();
        this.#startWrite(n);
      }
    }
    this.#log('heal: partitions removed, all nodes restarted, no more faults');
    const start = this.#now;
    while (this.#now - start < this.opts.healTicks) {
      this.#step();
      if (this.#converged()) {
        this.stats.healTicks = this.#now - start;
        return;
      }
    }
    throw new LivenessFailure(this.#livenessReport());
  }

  #converged(): boolean {
    const leader = this.#leader();
    const core: RaftCore | undefined = leader?.core;
    if (core === undefined || this.#client.outstanding > 0) return false;
    const st = core.status();
    if (st.commit < st.lastIndex) return false;
    for (const id of [...st.conf.voters, ...st.conf.learners]) {
      const n = this.#nodes.get(id);
      if (n?.core === undefined || n.sm.index < st.commit) return false;
    }
    return true;
  }

  #livenessReport(): string {
    const leader = this.#leader();
    const parts = [...this.#nodes.values()].map((n) => {
      const s = n.core?.basicStatus();
      return s === undefined
        ? `${n.id}:${n.retired ? 'retired' : 'down'}`
        : `${n.id}:${s.role}/t${s.term}/commit${s.commit}/applied${n.sm.index}/last${s.lastIndex}`;
    });
    const progress = [...(leader?.core?.status().progress ?? new Map<NodeId, PeerProgress>())].map(
      ([id, p]) => `${id}:${p.state}/match${p.match}/next${p.next}${p.learner ? '/learner' : ''}`,
    );
    return (
      `no convergence within ${this.opts.healTicks} heal ticks; leader=${leader?.id ?? 'none'}, ` +
      `outstanding=${this.#client.outstanding}; ${parts.join(' ')}; leader's progress: ${progress.join(' ')}`
    );
  }
}

class LivenessFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LivenessFailure';
  }
}
