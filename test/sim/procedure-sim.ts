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
import {
  InvariantViolation,
  NOOP_LOGGER,
  SeededRng,
  bootstrapState,
  isResponse,
} from '../../src/raft/index.js';
import type { Entry, Message, NodeId, ReadState } from '../../src/raft/index.js';
import { STATE_MACHINE_TAGS, tagCommand } from '../../src/node/composite-state-machine.js';
import { silentLogger } from '../../src/util/logger.js';
import { Checker, SafetyViolation } from './checker.js';
import { EventQueue } from './event-queue.js';
import { FakeWorld } from './fake-world.js';
import { deriveOptions } from './options.js';
import type { SimOptions } from './options.js';
import { SimNode } from './sim-node.js';

const MS_PER_TICK = 10;
/** Deadline of a commit or a ReadIndex round, as the node's (src/node/raft-node.ts) are. */
const TIMEOUT_TICKS = 100;
const GROUPS = ['group:g1', 'group:g2', 'group:g3'];

type Ev =
  | { kind: 'msg'; m: Message }
  | { kind: 'disk'; node: NodeId; inc: number }
  | { kind: 'restart'; node: NodeId; inc: number }
  | { kind: 'timer'; resolve: () => void };

interface Waiter {
  readonly term: number;
  readonly resolve: (o: CommitOutcome) => void;
  readonly reject: (e: Error) => void;
}

/** Per node incarnation: the replicated model, the executor, pending commits and reads. */
interface Runtime {
  readonly model: FabricModel;
  readonly sm: FabricStateMachine;
  readonly executor: Executor;
  readonly commits: Map<number, Waiter>;
  readonly reads: Map<string, { resolve: () => void; reject: (e: Error) => void; index: number }>;
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
  #side = new Map<NodeId, number>();
  #now = 0;
  #nextReq = 1;
  #nextRead = 1;
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
        NOOP_LOGGER,
      );
      this.#nodes.set(id, n);
      this.#rt.set(id, this.#runtime(n));
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

  #runtime(n: SimNode): Runtime {
    const model = new FabricModel();
    const rt: Runtime = {
      model,
      sm: new FabricStateMachine(model),
      commits: new Map(),
      reads: new Map(),
      executor: undefined as unknown as Executor,
    };
    const port: ExecutorPort = {
      leaderTerm: () => {
        const s = n.core?.basicStatus();
        return s?.role === 'leader' ? s.term : undefined;
      },
      commit: (cmd) => this.#commit(n, rt, cmd),
      confirmLeadership: () => this.#readIndex(n, rt),
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
    (rt as { executor: Executor }).executor = new Executor(port, this.#registry(), silentLogger(), {
      maxAttempts: 50,
    });
    return rt;
  }

  #commit(n: SimNode, rt: Runtime, cmd: Command): Promise<CommitOutcome> {
    const core = n.core;
    if (core === undefined) return Promise.reject(new Error('node down'));
    const pos = core.propose(tagCommand('fabric', encodeCommand(cmd)));
    this.#startWrite(n);
    return new Promise((resolve, reject) => {
      rt.commits.set(pos.index, { term: pos.term, resolve, reject });
      // Like the node's proposal deadline: an unknown outcome after a while.
      this.#q.push(this.#now + TIMEOUT_TICKS, {
        kind: 'timer',
        resolve: () => {
          if (rt.commits.get(pos.index)?.term !== pos.term) return;
          rt.commits.delete(pos.index);
          reject(new Error('commit timed out'));
        },
      });
    });
  }

  #readIndex(n: SimNode, rt: Runtime): Promise<void> {
    const core = n.core;
    if (core === undefined) return Promise.reject(new Error('node down'));
    const ctx = `r${this.#nextRead++}`;
    try {
      core.readIndex(ctx);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    this.#startWrite(n);
    return new Promise((resolve, reject) => {
      rt.reads.set(ctx, { resolve, reject, index: -1 });
      this.#q.push(this.#now + TIMEOUT_TICKS, {
        kind: 'timer',
        resolve: () => {
          if (!rt.reads.delete(ctx)) return;
          reject(new Error('read index timed out'));
        },
      });
    });
  }

  #onEntry(n: SimNode, rt: Runtime, e: Entry): void {
    let outcome: CommitOutcome | undefined;
    if (e.type === 'normal' && e.data[0] === STATE_MACHINE_TAGS.fabric) {
      const r = decodeApplyResult(rt.sm.apply(e.index, e.data.subarray(1)));
      outcome = r.ok
        ? { ok: true, result: r.result }
        : { ok: false, code: r.code, message: r.message };
    }
    const w = rt.commits.get(e.index);
    if (w === undefined) return;
    rt.commits.delete(e.index);
    if (w.term === e.term && outcome !== undefined) w.resolve(outcome);
    else w.reject(new Error(`entry ${e.index} was replaced on ${n.id}`));
  }

  #onReadStates(rt: Runtime, states: readonly ReadState[], applied: number): void {
    for (const rs of states) {
      const r = rt.reads.get(rs.context);
      if (r !== undefined) r.index = rs.index;
    }
    for (const [ctx, r] of rt.reads) {
      if (r.index >= 0 && r.index <= applied) {
        rt.reads.delete(ctx);
        r.resolve();
      }
    }
  }

  #startWrite(n: SimNode): void {
    const core = n.core;
    if (core === undefined || n.writing !== undefined || !core.hasReady()) return;
    n.writing = core.ready();
    for (const m of n.writing.messages) if (!isResponse(m)) this.#send(m);
    this.#q.push(this.#now + this.#rng.int(this.#o.maxDiskDelay + 1), {
      kind: 'disk',
      node: n.id,
      inc: n.incarnation,
    });
  }

  #completeWrite(n: SimNode): void {
    const rd = n.writing;
    const core = n.core;
    const rt = this.#rt.get(n.id);
    if (rd === undefined || core === undefined || rt === undefined) return;
    n.writing = undefined;
    n.persist(rd, this.#checker);
    for (const m of rd.messages) if (isResponse(m)) this.#send(m);
    n.apply(rd, this.#checker, (e) => {
      this.#onEntry(n, rt, e);
    });
    core.advance();
    this.#onReadStates(rt, rd.readStates, n.sm.index);
    this.#startWrite(n);
    rt.executor.poke();
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
    const rt = this.#rt.get(n.id);
    if (rt !== undefined) {
      void rt.executor.stop();
      for (const w of rt.commits.values()) w.reject(new Error('crashed'));
      for (const r of rt.reads.values()) r.reject(new Error('crashed'));
    }
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
    if (ev.kind === 'msg') {
      const n = this.#nodes.get(ev.m.to);
      if (
        n?.core === undefined ||
        (this.#side.get(ev.m.from) ?? 0) !== (this.#side.get(ev.m.to) ?? 0)
      )
        return;
      n.core.step(ev.m);
      this.#startWrite(n);
      this.#rt.get(n.id)?.executor.poke();
      return;
    }
    const n = this.#nodes.get(ev.node);
    if (n?.incarnation !== ev.inc) return;
    if (ev.kind === 'disk') this.#completeWrite(n);
    else if (!n.alive) {
      n.restart();
      this.#rt.set(n.id, this.#runtime(n));
      this.#startWrite(n);
    }
  }

  #leader(): SimNode | undefined {
    let best: SimNode | undefined;
    for (const n of this.#nodes.values()) {
      const s = n.core?.basicStatus();
      if (
        s?.role === 'leader' &&
        (best === undefined || s.term > (best.core?.basicStatus().term ?? 0))
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
    const leader = this.#leader();
    const rt = leader === undefined ? undefined : this.#rt.get(leader.id);
    if (leader?.core === undefined || rt === undefined) return;
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
      term: leader.core.basicStatus().term,
    };
    this.#commit(leader, rt, cmd).catch(() => undefined);
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
      if (n.core === undefined) continue;
      this.#checker.onNodeState(n.id, n.incarnation, n.core);
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
      n.core?.tick();
      this.#startWrite(n);
      this.#rt.get(n.id)?.executor.poke();
    }
    for (let ev = this.#q.popDue(this.#now); ev !== undefined; ev = this.#q.popDue(this.#now)) {
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
      for (const n of this.#nodes.values()) {
        if (!n.alive) {
          n.restart();
          this.#rt.set(n.id, this.#runtime(n));
        }
      }
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
      if (model === undefined || n.core === undefined) return false;
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
        return `${n.id}:${n.core?.basicStatus().role ?? 'down'} procs=${ps.length} live=${ps.filter((p) => p.state === 'RUNNING' || p.state === 'QUEUED').length}`;
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
