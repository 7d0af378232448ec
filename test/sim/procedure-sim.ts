import { Executor } from '../../src/executor/executor.js';
import type { CommitOutcome, ExecutorPort } from '../../src/executor/executor-port.js';
import { ProcedureRegistry } from '../../src/executor/procedure-definition.js';
import type { ProcedureDefinition } from '../../src/executor/procedure-definition.js';
import {
  FabricModel,
  FabricStateMachine,
  decodeApplyResult,
  encodeCommand,
} from '../../src/fabric/index.js';
import type { Command } from '../../src/fabric/index.js';
import { InvariantViolation, SeededRng, bootstrapState } from '../../src/raft/index.js';
import type { Message, NodeId } from '../../src/raft/index.js';
import { STATE_MACHINE_TAGS, tagCommand } from '../../src/node/composite-state-machine.js';
import type { RaftDriver } from '../../src/node/raft-driver.js';
import type { StateMachine } from '../../src/node/state-machine.js';
import { silentLogger } from '../../src/util/logger.js';
import { Checker, SafetyViolation } from './checker.js';
import { EventQueue } from './event-queue.js';
import { FakeWorld } from './fake-world.js';
import { deriveOptions } from './options.js';
import type { SimOptions } from './options.js';
import { SimNode } from './sim-node.js';
import type { SimWorld } from './sim-node.js';
import { MS_PER_TICK } from './sim-scheduler.js';
import type { SimTask } from './sim-scheduler.js';

/** Deadline of a commit or a ReadIndex round, as the node's (src/node/raft-node.ts) are. */
const TIMEOUT_MS = 100 * MS_PER_TICK;
const GROUPS = ['group:g1', 'group:g2', 'group:g3'];

type Ev =
  | { kind: 'msg'; m: Message }
  | { kind: 'call'; task: SimTask }
  | { kind: 'restart'; node: NodeId; inc: number }
  | { kind: 'timer'; resolve: () => void };

/** Per node incarnation: the replicated model and the executor. */
interface Runtime {
  readonly model: FabricModel;
  readonly executor: Executor;
}

/** The Fabric part of the node's composite state machine (the only part these commands use). */
function fabricMachine(sm: FabricStateMachine): StateMachine {
  return {
    apply: (index, command) =>
      command[0] === STATE_MACHINE_TAGS.fabric
        ? sm.apply(index, command.subarray(1))
        : new Uint8Array(0),
    snapshot: () => sm.snapshot(),
    restore: (data) => {
      sm.restore(data);
    },
  };
}

export interface ProcSimResult {
  readonly ok: boolean;
  readonly failure?: string;
  readonly stats: {
    submitted: number;
    done: number;
    failed: number;
    crashes: number;
    overlaps: number;
    attempts: number;
    leaders: number;
    lateActions: number;
  };
}

/**
 * The simulator of stage 1, extended with the Fabric model and the real
 * Executor on every node and a recording fake world: leaders are crashed
 * or cut off between steps and in the middle of them. Checked after every
 * step: Raft safety, no two RUNNING procedures share a lock, every DONE
 * procedure's steps took effect exactly once, procedures end exactly once;
 * and at the end every submitted request has one DONE procedure on every
 * node, whose models are identical.
 */
export class ProcedureSim {
  readonly #o: SimOptions;
  readonly #rng: SeededRng;
  readonly #q = new EventQueue<Ev>();
  readonly #nodes = new Map<NodeId, SimNode>();
  readonly #rt = new Map<NodeId, Runtime>();
  readonly #checker = new Checker();
  readonly #world = new FakeWorld();
  /** Callbacks deferred by the event being handled (the drivers' setImmediate), in order. */
  #deferred: SimTask[] = [];
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
    stateMachine: (n) => this.#runtime(n),
  };
  #side = new Map<NodeId, number>();
  #now = 0;
  #nextReq = 1;
  readonly #requests = new Map<string, number>();
  readonly #endedState = new Map<string, string>();
  #healing = false;
  readonly stats = {
    submitted: 0,
    done: 0,
    failed: 0,
    crashes: 0,
    overlaps: 0,
    attempts: 0,
    leaders: 0,
    lateActions: 0,
  };

  /** Test-only: submit procedures without their lock keys (the checker must notice). */
  readonly #brokenLocks: boolean;

  constructor(seed: number, steps: number, opts: { brokenLocks?: boolean } = {}) {
    this.#brokenLocks = opts.brokenLocks ?? false;
    const base = deriveOptions(seed, steps);
    this.#o = {
      ...base,
      clusterSize: 3 + (seed % 3),
      snapshotEvery: 1_000_000_000,
      confChangeRate: 0,
      maxDelay: Math.min(base.maxDelay, 1),
    };
    this.#rng = new SeededRng(seed ^ 0x9e37);
    const ids = Array.from({ length: this.#o.clusterSize }, (_, i) => `n${i + 1}`);
    for (const id of ids) {
      const n = new SimNode(
        id,
        bootstrapState(ids),
        this.#o,
        this.#rng.int(2 ** 31),
        this.#checker,
        this.#sim,
      );
      this.#nodes.set(id, n);
    }
  }

  #registry(): ProcedureRegistry {
    const steps = (count: number): ProcedureDefinition['steps'] =>
      Array.from({ length: count }, (_, i) => ({
        name: `s${i}`,
        run: (ctx) => {
          // A flaky step: the executor retries it.
          if (this.#rng.float() < 0.05)
            return Promise.reject(new Error(`transient failure of s${i}`));
          this.#world.act(ctx.procedureId, i);
          return Promise.resolve({ output: { step: i }, effects: [] });
        },
      }));
    return new ProcedureRegistry().register({
      name: 'sim.four',
      steps: steps(4),
      maxAttempts: 50,
      lockKeys: (a) => [(a as { lock: string }).lock],
    });
  }

  /**
   * A new incarnation's Fabric model and executor, bound to its driver (the
   * one the node is starting; a later incarnation's calls find it gone).
   */
  #runtime(n: SimNode): StateMachine {
    const model = new FabricModel();
    const sm = new FabricStateMachine(model);
    const inc = n.incarnation;
    const driver = (): RaftDriver | undefined => (n.incarnation === inc ? n.driver : undefined);
    const port: ExecutorPort = {
      leaderTerm: () => driver()?.leaderTerm(),
      commit: (cmd) => this.#commit(driver(), cmd),
      confirmLeadership: async () => {
        const d = driver();
        if (d === undefined) throw new Error('node down');
        await d.linearizableRead(TIMEOUT_MS);
      },
      procedure: (id) => model.procedure(id),
      runningProcedureIds: () => model.runnable().map((r) => r.procedure.id),
      now: () => this.#now * MS_PER_TICK,
      delay: (ms, signal) =>
        new Promise<void>((resolve) => {
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
          this.#q.push(this.#now + Math.max(1, Math.ceil(ms / MS_PER_TICK)), {
            kind: 'timer',
            resolve,
          });
        }),
    };
    const executor = new Executor(port, this.#registry(), silentLogger(), { maxAttempts: 50 });
    this.#rt.set(n.id, { model, executor });
    return fabricMachine(sm);
  }

  async #commit(driver: RaftDriver | undefined, cmd: Command): Promise<CommitOutcome> {
    if (driver === undefined) throw new Error('node down');
    const { result } = await driver.propose(tagCommand('fabric', encodeCommand(cmd)), TIMEOUT_MS);
    const r = decodeApplyResult(result);
    return r.ok ? { ok: true, result: r.result } : { ok: false, code: r.code, message: r.message };
  }

  #send(m: Message): void {
    const lossy = !this.#healing;
    if (
      (lossy && this.#rng.float() < this.#o.dropRate) ||
      (this.#side.get(m.from) ?? 0) !== (this.#side.get(m.to) ?? 0)
    )
      return;
    this.#q.push(this.#now + this.#rng.int(this.#o.maxDelay + 1), { kind: 'msg', m });
  }

  #crash(n: SimNode): void {
    void this.#rt.get(n.id)?.executor.stop();
    n.crash();
    this.stats.crashes++;
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
      if (
        n?.driver === undefined ||
        (this.#side.get(ev.m.from) ?? 0) !== (this.#side.get(ev.m.to) ?? 0)
      )
        return;
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

  #leader(): SimNode | undefined {
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

  /** A client retries every request the leader has no procedure for (its submit was lost). */
  #retryLost(): void {
    const leader = this.#leader();
    const model = leader === undefined ? undefined : this.#rt.get(leader.id)?.model;
    if (model === undefined) return;
    for (const [req, no] of this.#requests)
      if (model.procedureIdForRequest(req) === undefined) this.#submit(no);
  }

  #submit(again?: number): void {
    const driver = this.#leader()?.driver;
    if (driver === undefined) return;
    // New requests, and retries of old ones with the same request id (dedup).
    const retry = again !== undefined || (this.#requests.size > 0 && this.#rng.float() < 0.3);
    const reqNo = again ?? (retry ? 1 + this.#rng.int(this.#nextReq - 1) : this.#nextReq++);
    const requestId = `req-${reqNo}`;
    if (!retry) this.stats.submitted++;
    this.#requests.set(requestId, reqNo);
    const lock = GROUPS[reqNo % GROUPS.length] as string;
    const cmd: Command = {
      type: 'submit',
      requestId,
      procedureId: `p-${reqNo}-${this.#now}`,
      name: 'sim.four',
      args: { lock },
      lockKeys: this.#brokenLocks ? [] : [lock],
      steps: ['s0', 's1', 's2', 's3'],
      at: this.#now * MS_PER_TICK,
      term: driver.basicStatus().term,
    };
    this.#commit(driver, cmd).catch(() => undefined);
  }

  #faults(): void {
    if (this.#rng.float() < 0.01) {
      const leader = this.#leader();
      if (leader !== undefined) {
        if (this.#rng.float() < 0.5) this.#crash(leader);
        else this.#side = new Map([[leader.id, 1]]);
      }
    }
    if (this.#rng.float() < 0.004) {
      const live = [...this.#nodes.values()].filter((n) => n.alive);
      const n = live[this.#rng.int(Math.max(1, live.length))];
      if (n !== undefined) this.#crash(n);
    }
    if (this.#side.size > 0 && this.#rng.float() < 0.05) this.#side = new Map();
  }

  #check(): void {
    for (const n of this.#nodes.values()) {
      if (n.fatal !== undefined) throw n.fatal;
      if (n.driver === undefined) continue;
      this.#checker.onNodeState(n.id, n.incarnation, n.driver);
      const model = this.#rt.get(n.id)?.model;
      if (model === undefined) continue;
      const running = model.runnable().map((r) => r.procedure);
      const held = new Set<string>();
      for (const p of running) {
        // The group the procedure works on (its arguments), not what it claimed to lock.
        const k = (p.args as { lock: string }).lock;
        if (held.has(k)) {
          throw new SafetyViolation(
            `Locks: two RUNNING procedures on ${n.id} work on ${k} at once`,
          );
        }
        held.add(k);
      }
      if (held.size > 1) this.stats.overlaps++;
      for (const p of model.procedures()) {
        if (p.state !== 'DONE' && p.state !== 'FAILED') continue;
        const prior = this.#endedState.get(p.id);
        if (prior !== undefined && prior !== p.state)
          throw new SafetyViolation(`Procedures: ${p.id} ended ${prior} and ${p.state}`);
        if (prior === undefined) {
          this.#endedState.set(p.id, p.state);
          this.#world.ended(p.id);
          if (p.state === 'DONE') this.#world.checkDone(p.id, p.steps.length);
        }
      }
    }
  }

  async #step(): Promise<void> {
    this.#now++;
    if (!this.#healing) {
      this.#faults();
      if (this.#rng.float() < 0.05) this.#submit();
    }
    if (this.#now % 50 === 0) this.#retryLost();
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
      this.#check();
    }
    await new Promise((r) => setImmediate(r));
    this.#check();
  }

  async run(steps: number): Promise<ProcSimResult> {
    try {
      for (let s = 0; s < steps; s++) await this.#step();
      this.#healing = true;
      this.#side = new Map();
      for (const n of this.#nodes.values()) n.restart();
      for (let s = 0; s < 3000 && !this.#converged(); s++) await this.#step();
      if (!this.#converged())
        throw new SafetyViolation(
          `Liveness: not every request ended DONE on every node after healing: ${this.#report()}`,
        );
      return this.#result(true);
    } catch (e) {
      if (e instanceof SafetyViolation || e instanceof InvariantViolation)
        return { ...this.#result(false), failure: `${e.name}: ${e.message}` };
      throw e;
    } finally {
      for (const rt of this.#rt.values()) void rt.executor.stop();
    }
  }

  #converged(): boolean {
    const snaps = new Set<string>();
    for (const n of this.#nodes.values()) {
      const model = this.#rt.get(n.id)?.model;
      if (model === undefined || n.driver === undefined) return false;
      for (const req of this.#requests.keys()) {
        const id = model.procedureIdForRequest(req);
        if (id === undefined || model.procedure(id)?.state !== 'DONE') return false;
      }
      snaps.add(Buffer.from(model.snapshot()).toString('base64'));
    }
    return snaps.size === 1;
  }

  #report(): string {
    return [...this.#nodes.values()]
      .map((n) => {
        const m = this.#rt.get(n.id)?.model;
        const ps = m?.procedures() ?? [];
        return `${n.id}:${n.driver?.basicStatus().role ?? 'down'} procs=${ps.length} live=${ps.filter((p) => p.state === 'RUNNING' || p.state === 'QUEUED').length}`;
      })
      .join(' ');
  }

  #result(ok: boolean): ProcSimResult {
    const any = [...this.#rt.values()][0]?.model;
    const ps = any?.procedures() ?? [];
    return {
      ok,
      stats: {
        ...this.stats,
        done: ps.filter((p) => p.state === 'DONE').length,
        failed: ps.filter((p) => p.state === 'FAILED').length,
        attempts: this.#world.attempts,
        leaders: this.#checker.leadersElected,
        lateActions: this.#world.lateActions,
      },
    };
  }
}
