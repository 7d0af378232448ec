import { InvariantViolation, bootstrapState } from '../../src/raft/index.js';
import type { Message, NodeId, SeededRng } from '../../src/raft/index.js';
import type { StateMachine } from '../../src/node/state-machine.js';
import { Checker, SafetyViolation } from './checker.js';
import { EventQueue } from './event-queue.js';
import { bootFabricRuntime } from './sim-fabric-runtime.js';
import type { FabricRuntime, RuntimeSpec, SeedTimers } from './sim-fabric-runtime.js';
import { deriveOptions } from './options.js';
import type { SimOptions } from './options.js';
import { SimNode } from './sim-node.js';
import type { SimWorld } from './sim-node.js';
import { MS_PER_TICK } from './sim-scheduler.js';
import type { SimTask } from './sim-scheduler.js';

/** Ticks the cluster gets to settle after the faults stop. */
const HEAL_STEPS = 3000;

type Ev =
  | { kind: 'msg'; m: Message }
  | { kind: 'call'; task: SimTask }
  | { kind: 'restart'; node: NodeId; inc: number }
  | { kind: 'timer'; resolve: () => void };

/** What one simulator adds to the cluster: its workload and its checks. */
export interface Workload<T> {
  /** Every tick, before the nodes tick: faults, requests, clients. */
  beforeTick(): void;
  /** Checks one live node's model, right after Raft's checks of that node. */
  checkNode(n: SimNode, rt: FabricRuntime): void;
  /** Checks what spans the nodes, after every node's checks. */
  checkAll?(): void;
  /** Why the system has not settled after healing (undefined once it has). */
  unconverged(): string | undefined;
  /** The seed's result; `failure` is undefined when it passed. */
  result(failure: string | undefined): T;
}

/**
 * The swarm's options for a Fabric cluster of `size` nodes. No snapshots,
 * no membership changes and fast links: these simulators look for bugs in
 * what runs on Raft (the stage-1 simulator covers Raft's own corners).
 */
export function clusterOptions(seed: number, steps: number, size: number): SimOptions {
  const base = deriveOptions(seed, steps);
  return {
    ...base,
    clusterSize: size,
    snapshotEvery: 1_000_000_000,
    confChangeRate: 0,
    maxDelay: Math.min(base.maxDelay, 1),
  };
}

/**
 * One seed's world for the simulators of what runs on Fabric: nodes running
 * the production Raft driver with the Fabric model and the Executor, one
 * event queue for messages, timers and restarts, a lossy partitionable
 * network, crashes, and the step loop that checks Raft safety (and the
 * workload's checks) after every event. Everything random draws from the
 * one seeded rng the simulator shares, in a fixed order, so a seed replays.
 */
export class ClusterWorld implements SeedTimers {
  readonly #o: SimOptions;
  readonly #rng: SeededRng;
  readonly #spec: RuntimeSpec;
  readonly #q = new EventQueue<Ev>();
  readonly #nodes = new Map<NodeId, SimNode>();
  readonly #rt = new Map<NodeId, FabricRuntime>();
  readonly #checker = new Checker();
  /** Callbacks deferred by the event being handled (the drivers' setImmediate), in order. */
  #deferred: SimTask[] = [];
  /** The partition: nodes on different sides do not hear each other. */
  #side = new Map<NodeId, number>();
  #now = 0;
  #healing = false;
  #crashes = 0;
  /** What the nodes see of this simulator. */
  readonly #sim: SimWorld = {
    now: () => this.#now,
    post: (tick, task) => {
      this.#q.push(tick, { kind: 'call', task });
    },
    defer: (task) => {
      this.#deferred.push(task);
    },
    send: (m) => {
      this.#send(m);
    },
    diskDelay: () => this.#rng.int(this.#o.maxDiskDelay + 1),
    onApplied: (n) => {
      this.#rt.get(n.id)?.executor.poke();
    },
    stateMachine: (n) => this.#boot(n),
  };

  constructor(o: SimOptions, rng: SeededRng, spec: RuntimeSpec) {
    this.#o = o;
    this.#rng = rng;
    this.#spec = spec;
    const ids = Array.from({ length: o.clusterSize }, (_, i) => `n${i + 1}`);
    for (const id of ids) {
      const n = new SimNode(id, bootstrapState(ids), o, rng.int(2 ** 31), this.#checker, this.#sim);
      this.#nodes.set(id, n);
    }
  }

  /** The seed's time in ticks. */
  get now(): number {
    return this.#now;
  }

  nowMs(): number {
    return this.#now * MS_PER_TICK;
  }

  /** The faults have stopped and the network no longer drops: the system must settle. */
  get healing(): boolean {
    return this.#healing;
  }

  get crashes(): number {
    return this.#crashes;
  }

  get leadersElected(): number {
    return this.#checker.leadersElected;
  }

  get nodes(): ReadonlyMap<NodeId, SimNode> {
    return this.#nodes;
  }

  /** The runtime of a node's current (or last) incarnation. */
  runtime(id: NodeId): FabricRuntime | undefined {
    return this.#rt.get(id);
  }

  /** Every node's runtime, in the order the nodes first started. */
  runtimes(): IterableIterator<FabricRuntime> {
    return this.#rt.values();
  }

  /** The node that leads in the highest term, if any. */
  leader(): SimNode | undefined {
    let best: SimNode | undefined;
    for (const n of this.#nodes.values()) {
      const s = n.driver?.basicStatus();
      if (
        s?.role === 'leader' &&
        (best === undefined || s.term > (best.driver?.basicStatus().term ?? 0))
      )
        best = n;
    }
    return best;
  }

  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#timer(ms, resolve);
    });
  }

  delay(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal.aborted) {
        resolve();
        return;
      }
      signal.addEventListener(
        'abort',
        () => {
          resolve();
        },
        { once: true },
      );
      this.#timer(ms, resolve);
    });
  }

  /**
   * One tick's faults: now and then the leader crashes or is cut off (a
   * new leader takes over mid-procedure), with `anyCrashRate` any live node
   * crashes, and a partition heals. Without `anyCrashRate` nothing is drawn
   * for it, so a simulator that never had that fault keeps its seeds.
   */
  faults(anyCrashRate?: number): void {
    if (this.#rng.float() < 0.01) {
      const leader = this.leader();
      if (leader !== undefined) {
        if (this.#rng.float() < 0.5) this.#crash(leader);
        else this.#side = new Map([[leader.id, 1]]);
      }
    }
    if (anyCrashRate !== undefined && this.#rng.float() < anyCrashRate) {
      const live = [...this.#nodes.values()].filter((n) => n.alive);
      const n = live[this.#rng.int(Math.max(1, live.length))];
      if (n !== undefined) this.#crash(n);
    }
    if (this.#side.size > 0 && this.#rng.float() < 0.05) this.#side = new Map();
  }

  /**
   * Runs `steps` ticks of faults and workload, then heals everything and
   * gives the system HEAL_STEPS ticks to settle. A safety violation (or a
   * Raft invariant's) ends the seed as a failure.
   */
  async run<T>(steps: number, w: Workload<T>): Promise<T> {
    try {
      for (let s = 0; s < steps; s++) await this.#step(w);
      this.#healing = true;
      this.#side = new Map();
      for (const n of this.#nodes.values()) n.restart();
      let why = w.unconverged();
      for (let s = 0; s < HEAL_STEPS && why !== undefined; s++) {
        await this.#step(w);
        why = w.unconverged();
      }
      if (why !== undefined) throw new SafetyViolation(`Liveness: ${why}`);
      return w.result(undefined);
    } catch (e) {
      if (e instanceof SafetyViolation || e instanceof InvariantViolation)
        return w.result(`${e.name}: ${e.message}`);
      throw e;
    } finally {
      for (const rt of this.#rt.values()) void rt.executor.stop();
    }
  }

  #boot(n: SimNode): StateMachine {
    const { runtime, machine } = bootFabricRuntime(n, this, this.#spec);
    this.#rt.set(n.id, runtime);
    return machine;
  }

  #timer(ms: number, resolve: () => void): void {
    this.#q.push(this.#now + Math.max(1, Math.ceil(ms / MS_PER_TICK)), { kind: 'timer', resolve });
  }

  /** Whether a message from `a` reaches `b` now (both up, same side of the partition). */
  reaches(a: NodeId, b: NodeId): boolean {
    const up = (id: NodeId) => this.nodes.get(id)?.driver !== undefined;
    return up(a) && up(b) && !this.#apart(a, b);
  }

  #apart(a: NodeId, b: NodeId): boolean {
    return (this.#side.get(a) ?? 0) !== (this.#side.get(b) ?? 0);
  }

  #send(m: Message): void {
    if ((!this.#healing && this.#rng.float() < this.#o.dropRate) || this.#apart(m.from, m.to))
      return;
    this.#q.push(this.#now + this.#rng.int(this.#o.maxDelay + 1), { kind: 'msg', m });
  }

  #crash(n: SimNode): void {
    void this.#rt.get(n.id)?.executor.stop();
    n.crash();
    this.#crashes++;
    this.#q.push(this.#now + 5 + this.#rng.int(40), {
      kind: 'restart',
      node: n.id,
      inc: n.incarnation,
    });
  }

  #handle(ev: Ev): void {
    if (ev.kind === 'timer') {
      ev.resolve();
      return;
    }
    if (ev.kind === 'call') {
      ev.task.run();
      return;
    }
    if (ev.kind === 'msg') {
      const n = this.#nodes.get(ev.m.to);
      if (n?.driver === undefined || this.#apart(ev.m.from, ev.m.to)) return;
      n.driver.step(ev.m);
      this.#rt.get(n.id)?.executor.poke();
      return;
    }
    const n = this.#nodes.get(ev.node);
    if (n?.incarnation === ev.inc && !n.alive) n.restart();
  }

  #runDeferred(): void {
    while (this.#deferred.length > 0) {
      const batch = this.#deferred;
      this.#deferred = [];
      for (const t of batch) t.run();
    }
  }

  #check(w: Workload<unknown>): void {
    for (const n of this.#nodes.values()) {
      if (n.fatal !== undefined) throw n.fatal;
      if (n.driver === undefined) continue;
      this.#checker.onNodeState(n.id, n.incarnation, n.driver);
      const rt = this.#rt.get(n.id);
      if (rt !== undefined) w.checkNode(n, rt);
    }
    w.checkAll?.();
  }

  async #step(w: Workload<unknown>): Promise<void> {
    this.#now++;
    w.beforeTick();
    for (const n of this.#nodes.values()) {
      n.tick();
      this.#rt.get(n.id)?.executor.poke();
    }
    for (;;) {
      this.#runDeferred();
      const ev = this.#q.popDue(this.#now);
      if (ev === undefined) break;
      this.#handle(ev);
      // Let the executors' promise continuations run, in a fixed order.
      await new Promise((r) => setImmediate(r));
      // Check after every event: within one tick a procedure may start and end.
      this.#check(w);
    }
    await new Promise((r) => setImmediate(r));
    this.#check(w);
  }
}
