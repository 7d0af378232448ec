import { InvariantViolation, SeededRng, bootstrapState, emptyState } from '../../src/raft/index.js';
import type { ConfChange, Entry, Message, NodeId, PeerProgress } from '../../src/raft/index.js';
import { Checker, SafetyViolation } from './checker.js';
import { EventQueue } from './event-queue.js';
import type { SimOptions } from './options.js';
import { SimClient } from './sim-client.js';
import { SimNode } from './sim-node.js';
import type { SimWorld } from './sim-node.js';
import { MS_PER_TICK } from './sim-scheduler.js';
import type { SimTask } from './sim-scheduler.js';

type SimEvent =
  | { readonly kind: 'msg'; readonly m: Message; readonly copy: boolean }
  | { readonly kind: 'call'; readonly task: SimTask }
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
/** Deadline of the simulated clients' proposals and reads, as a real client's would be. */
const CLIENT_TIMEOUT_TICKS = 200;

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
  /** Callbacks deferred by the event being handled (the drivers' setImmediate), in order. */
  #deferred: SimTask[] = [];
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

  /** What the nodes see of this simulator: its clock, event queue, network and disks. */
  readonly #world: SimWorld = {
    now: () => this.#now,
    post: (tick, task) => {
      this.#queue.push(tick, { kind: 'call', task });
    },
    defer: (task) => {
      this.#deferred.push(task);
    },
    send: (m) => {
      this.#send(m);
    },
    diskDelay: () => this.#rng.int(this.opts.maxDiskDelay + 1),
    onApplied: (_n, e) => {
      this.#onApplied(e);
    },
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
    const n = new SimNode(id, init, this.opts, this.#rng.int(2 ** 31), this.#checker, this.#world);
    this.#nodes.set(id, n);
    return n;
  }

  #log(line: string): void {
    this.#trace.push(`t=${this.#now} ${line}`);
    if (this.#trace.length > TRACE_LINES) this.#trace.shift();
  }

  /**
   * Runs the safety phase then the heal phase; never throws for a protocol
   * failure. The loop is synchronous (the driver's is, between port
   * callbacks); only the clients' read answers arrive as promises, and they
   * are checked once the run has settled them.
   */
  async run(): Promise<SimResult> {
    const r = this.#runSync();
    await new Promise((resolve) => setImmediate(resolve));
    // Counted as the answers settled, after the result was taken.
    this.stats.readsServed = this.#client.readsServed;
    const bad = this.#client.failure;
    if (bad === undefined || !r.ok) return r;
    return { ...this.#result(false), failure: `${bad.name}: ${bad.message}`, phase: 'safety' };
  }

  #runSync(): SimResult {
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
    this.stats.snapshotsTaken = [...this.#nodes.values()].reduce((k, n) => k + n.log.snapshots, 0);
    return { ok, stats: this.stats, trace: [...this.#trace] };
  }

  /** One simulated tick: faults and client actions, clocks, deliveries, checks. */
  #step(): void {
    this.#now++;
    if (!this.#healing) this.#faults();
    this.#clientActions();
    for (const n of this.#nodes.values()) n.tick();
    this.#drain();
    this.#check();
    if (!this.#healing) this.#leaderNemesis();
  }

  /** Schedules trouble for a freshly elected leader (see SimOptions.leaderNemesisRate). */
  #leaderNemesis(): void {
    for (const n of this.#nodes.values()) {
      const s = n.driver?.basicStatus();
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
    const s = n?.driver?.basicStatus();
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
    for (;;) {
      if (this.#deferred.length > 0) {
        const batch = this.#deferred;
        this.#deferred = [];
        for (const t of batch) t.run();
        continue;
      }
      const ev = this.#queue.popDue(this.#now);
      if (ev === undefined) return;
      this.#handle(ev);
    }
  }

  #handle(ev: SimEvent): void {
    switch (ev.kind) {
      case 'msg':
        this.#deliver(ev.m);
        return;
      case 'call':
        ev.task.run();
        return;
      case 'restart': {
        const n = this.#nodes.get(ev.node);
        if (n === undefined || n.alive || n.retired || n.incarnation !== ev.incarnation) return;
        n.restart();
        this.#log(
          n.refused
            ? `${n.id} refused to start: its disk lost synced writes`
            : `${n.id} restarted (term ${n.disk.hardState.term}, disk last ${n.disk.lastIndex()})`,
        );
        return;
      }
      case 'nemesis':
        this.#strikeLeader(ev.node, ev.term);
        return;
      case 'snap-report': {
        const n = this.#nodes.get(ev.node);
        if (n?.driver !== undefined && n.incarnation === ev.incarnation)
          n.driver.reportSnapshot(ev.to, ev.ok);
        return;
      }
    }
  }

  #onApplied(e: Entry): void {
    this.#client.onApplied(e);
    if (e.type === 'conf') this.#onConfApplied(e.change);
  }

  /** A committed removal retires the node, as an operator's driver would. */
  #onConfApplied(cc: ConfChange): void {
    if (cc.type !== 'remove') return;
    const n = this.#nodes.get(cc.nodeId);
    if (n === undefined || n.retired) return;
    n.retired = true;
    if (n.alive) n.crash();
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
    if (n?.driver === undefined) return;
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
    const driver = n?.driver;
    if (n === undefined || driver === undefined || this.#partitioned(m.from, m.to)) {
      if (m.type === 'snap') this.#reportSnap(m.from, m.to, false);
      return;
    }
    const before = driver.basicStatus();
    driver.step(m);
    const after = driver.basicStatus();
    if (after.role === 'leader' && before.role !== 'leader')
      this.#log(`${n.id} became leader of term ${after.term}`);
    if (m.type === 'snap') this.#reportSnap(m.from, m.to, true);
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
      const s = n.driver?.basicStatus();
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
    n.crash(this.opts.lossyDisk ? 1 + this.#rng.int(3) : 0);
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
    const driver = this.#leader()?.driver;
    if (driver === undefined) return;
    const conf = driver.status().conf;
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
    // The driver appends synchronously, or refuses (another change pending).
    const last = driver.status().lastIndex;
    driver.proposeConfChange(cc, CLIENT_TIMEOUT_TICKS * MS_PER_TICK).catch(() => undefined);
    if (driver.status().lastIndex === last) return;
    if (fresh !== undefined) {
      this.#nextNodeNumber++;
      this.#addNode(fresh, emptyState());
    }
    this.stats.confChanges++;
    this.#log(`${driver.id} proposed ${cc.type} ${cc.nodeId}`);
  }

  #transfer(): void {
    const driver = this.#leader()?.driver;
    if (driver === undefined) return;
    const voters = driver.status().conf.voters.filter((v) => v !== driver.id);
    const target = voters[this.#rng.int(Math.max(1, voters.length))];
    if (target === undefined) return;
    driver.transferLeadership(target, CLIENT_TIMEOUT_TICKS * MS_PER_TICK).catch(() => undefined);
    this.stats.transfers++;
    this.#log(`${driver.id} transfers leadership to ${target}`);
  }

  /** Nodes that believe they lead: clients with stale routing still reach deposed leaders. */
  #anyLeader(): SimNode | undefined {
    const leaders = [...this.#nodes.values()].filter(
      (n) => n.driver?.basicStatus().role === 'leader',
    );
    return leaders[this.#rng.int(Math.max(1, leaders.length))];
  }

  #clientActions(): void {
    const target = this.#anyLeader()?.driver;
    if (target !== undefined && !this.#healing && this.#chance(this.opts.proposeRate))
      this.#client.propose(target, this.#now);
    const leader = this.#leader()?.driver;
    if (leader !== undefined) this.#client.retry(leader, this.#now, 4 * this.opts.electionTick);
    if (!this.#healing && this.#chance(this.opts.readRate)) {
      const live = this.#liveNodes();
      const driver = live[this.#rng.int(Math.max(1, live.length))]?.driver;
      if (driver !== undefined) this.#client.read(driver, this.#checker.maxCommitted);
    }
  }

  #check(): void {
    for (const n of this.#nodes.values()) {
      if (n.fatal !== undefined) throw n.fatal;
      if (n.driver === undefined) continue;
      this.#checker.onNodeState(n.id, n.incarnation, n.driver);
    }
    for (const n of this.#nodes.values())
      if (n.driver !== undefined) this.#checker.checkLeaderHolds(n.id, n.driver);
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
      if (!n.alive && !n.retired) n.restart();
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
    const driver = this.#leader()?.driver;
    if (driver === undefined || this.#client.outstanding > 0) return false;
    const st = driver.status();
    if (st.commit < st.lastIndex) return false;
    for (const id of [...st.conf.voters, ...st.conf.learners]) {
      const n = this.#nodes.get(id);
      if (n?.driver === undefined || n.applied.index < st.commit) return false;
    }
    return true;
  }

  #livenessReport(): string {
    const leader = this.#leader();
    const parts = [...this.#nodes.values()].map((n) => {
      const s = n.driver?.basicStatus();
      return s === undefined
        ? `${n.id}:${n.retired ? 'retired' : 'down'}`
        : `${n.id}:${s.role}/t${s.term}/commit${s.commit}/applied${n.applied.index}/last${s.lastIndex}`;
    });
    const progress = [
      ...(leader?.driver?.status().progress ?? new Map<NodeId, PeerProgress>()),
    ].map(
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
