import { Executor } from '../../src/executor/executor.js';
import type { CommitOutcome, ExecutorPort } from '../../src/executor/executor-port.js';
import { farmProcedures } from '../../src/executor/farm/index.js';
import type { FarmDeps, Fencer, UnsafeVariants } from '../../src/executor/farm/index.js';
import { ProcedureRegistry } from '../../src/executor/procedure-definition.js';
import {
  FabricModel,
  FabricStateMachine,
  decodeApplyResult,
  encodeCommand,
} from '../../src/fabric/index.js';
import type { Command, JsonValue } from '../../src/fabric/index.js';
import { STATE_MACHINE_TAGS, tagCommand } from '../../src/node/composite-state-machine.js';
import type { RaftDriver } from '../../src/node/raft-driver.js';
import type { StateMachine } from '../../src/node/state-machine.js';
import { InvariantViolation, SeededRng, bootstrapState } from '../../src/raft/index.js';
import type { Message, NodeId } from '../../src/raft/index.js';
import { silentLogger } from '../../src/util/logger.js';
import { Checker, SafetyViolation } from './checker.js';
import { EventQueue } from './event-queue.js';
import { fnv } from './hash.js';
import { buildSubmission } from '../../src/executor/submission.js';
import type { Submission } from '../../src/executor/submission.js';
import { SimFleet } from './fleet/sim-fleet.js';
import { simConnector } from './fleet/sim-handle.js';
import type { SimServer } from './fleet/sim-server.js';
import { deriveOptions } from './options.js';
import type { SimOptions } from './options.js';
import { SimNode } from './sim-node.js';
import type { SimWorld } from './sim-node.js';
import { MS_PER_TICK } from './sim-scheduler.js';
import type { SimTask } from './sim-scheduler.js';

const TIMEOUT_MS = 100 * MS_PER_TICK;
const GROUP = 'g1';
const DATABASES = ['db1:3306', 'db2:3306', 'db3:3306', 'db4:3306'];
/** Every this many applied indexes the whole model is compared across nodes. */
const MODEL_CHECK_EVERY = 10;
/** Operator requests per seed: the history (and each model snapshot) stays small. */
const MAX_OPS = 16;

type Ev =
  | { kind: 'msg'; m: Message }
  | { kind: 'call'; task: SimTask }
  | { kind: 'restart'; node: NodeId; inc: number }
  | { kind: 'timer'; resolve: () => void };

interface Runtime {
  readonly model: FabricModel;
  readonly executor: Executor;
  readonly registry: ProcedureRegistry;
}

/** One operator request of the workload, submitted (and resubmitted) with one request id. */
interface Request {
  readonly requestId: string;
  readonly name: string;
  readonly args: JsonValue;
  /** The fault the request answers, undone once it ended. */
  readonly heal?: () => void;
}

export interface FarmSimOptions {
  /** [ha] fence: 'command' powers the old primary off (STONITH); 'none' cannot reach it. */
  readonly fence: 'command' | 'none';
  /** A deliberately broken variant the checker must catch. */
  readonly unsafe?: UnsafeVariants;
}

export interface FarmSimResult {
  readonly ok: boolean;
  readonly failure?: string;
  readonly stats: {
    ended: number;
    failed: number;
    switchovers: number;
    failovers: number;
    crashes: number;
    clientWrites: number;
  };
}

/**
 * The whole-system simulator: Fabric nodes running the production Raft
 * driver, the Fabric model and the Executor with the real farm procedures
 * (src/executor/farm), against a simulated MariaDB fleet. An operator
 * creates a group, adds servers, promotes one, then switches over and
 * fails over (the primary cut off from fabric-ha) while Fabric leaders
 * crash and applications write to whichever server is writable. Checked
 * after every event: Raft safety, the model identical on every node at the
 * same applied index, every procedure ends exactly once, and at most one
 * writable server in the group.
 */
export class FarmSim {
  readonly #o: SimOptions;
  readonly #fence: FarmSimOptions['fence'];
  readonly #unsafe: UnsafeVariants;
  readonly #rng: SeededRng;
  readonly #q = new EventQueue<Ev>();
  readonly #nodes = new Map<NodeId, SimNode>();
  readonly #rt = new Map<NodeId, Runtime>();
  readonly #checker = new Checker();
  /** The fleet runs on the simulator's clock: its statements and waits are events of the seed. */
  readonly #fleet = new SimFleet({
    clock: {
      now: () => this.#now * MS_PER_TICK,
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          this.#q.push(this.#now + Math.max(1, Math.ceil(ms / MS_PER_TICK)), {
            kind: 'timer',
            resolve,
          });
        }),
    },
    latencyMs: MS_PER_TICK,
    heartbeatPeriodMs: 5 * MS_PER_TICK,
  });
  #deferred: SimTask[] = [];
  #side = new Map<NodeId, number>();
  #now = 0;
  #healing = false;
  readonly #endedState = new Map<string, string>();
  /** applied index -> hash of the model there, as the first node to reach it had it. */
  readonly #modelAt = new Map<number, number>();
  #current: Request | undefined;
  #lastSubmit = -1_000;
  /** The operator pauses between requests, so faults land before, during and after them. */
  #nextOpAt = 0;
  #ops = 0;
  readonly stats = {
    ended: 0,
    failed: 0,
    switchovers: 0,
    failovers: 0,
    crashes: 0,
    clientWrites: 0,
  };
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

  constructor(seed: number, steps: number, opts: FarmSimOptions = { fence: 'command' }) {
    this.#fence = opts.fence;
    this.#unsafe = opts.unsafe ?? {};
    const base = deriveOptions(seed, steps);
    this.#o = {
      ...base,
      clusterSize: 3,
      snapshotEvery: 1_000_000_000,
      confChangeRate: 0,
      maxDelay: Math.min(base.maxDelay, 1),
    };
    this.#rng = new SeededRng(seed ^ 0xfa2b);
    for (const a of DATABASES) this.#fleet.add(a);
    const ids = ['n1', 'n2', 'n3'];
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

  /** STONITH for fence = 'command': the operator's program powers the server off. */
  #fencer(): Fencer {
    if (this.#fence === 'none') return { mode: 'none', fence: () => Promise.resolve('') };
    return {
      mode: 'command',
      fence: (target) => {
        this.#fleet.server(target.address)?.crash();
        return Promise.resolve(`powered off ${target.address}`);
      },
    };
  }

  #runtime(n: SimNode): StateMachine {
    const model = new FabricModel();
    const sm = new FabricStateMachine(model);
    const inc = n.incarnation;
    const driver = (): RaftDriver | undefined => (n.incarnation === inc ? n.driver : undefined);
    const deps: FarmDeps = {
      model,
      servers: simConnector(this.#fleet, n.id),
      switchoverTimeoutMs: 2_000,
      failoverCooldownMs: 0,
      finalProbeTimeoutMs: 5,
      fencer: this.#fencer(),
      unsafe: this.#unsafe,
    };
    const registry = new ProcedureRegistry();
    for (const def of farmProcedures(deps)) registry.register(def);
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
    const executor = new Executor(port, registry, silentLogger(), { maxAttempts: 30 });
    this.#rt.set(n.id, { model, executor, registry });
    return {
      apply: (index, command) => {
        const out =
          command[0] === STATE_MACHINE_TAGS.fabric
            ? sm.apply(index, command.subarray(1))
            : new Uint8Array(0);
        this.#checkModel(n.id, index, model, out);
        return out;
      },
      snapshot: () => sm.snapshot(),
      restore: (data) => {
        sm.restore(data);
      },
    };
  }

  async #commit(driver: RaftDriver | undefined, cmd: Command): Promise<CommitOutcome> {
    if (driver === undefined) throw new Error('node down');
    const { result } = await driver.propose(tagCommand('fabric', encodeCommand(cmd)), TIMEOUT_MS);
    const r = decodeApplyResult(result);
    return r.ok ? { ok: true, result: r.result } : { ok: false, code: r.code, message: r.message };
  }

  #send(m: Message): void {
    if (
      (!this.#healing && this.#rng.float() < this.#o.dropRate) ||
      (this.#side.get(m.from) ?? 0) !== (this.#side.get(m.to) ?? 0)
    )
      return;
    this.#q.push(this.#now + this.#rng.int(this.#o.maxDelay + 1), { kind: 'msg', m });
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

  /** The operator's next request, given the farm as the leader's model shows it. */
  #nextRequest(model: FabricModel): Request | undefined {
    const no = this.#ops++;
    const req = (name: string, args: JsonValue, heal?: () => void): Request => ({
      requestId: `op-${no}`,
      name,
      args,
      ...(heal === undefined ? {} : { heal }),
    });
    if (no === 0) return req('group.create', { group: GROUP });
    if (no <= DATABASES.length)
      return req('group.add', { group: GROUP, address: DATABASES[no - 1] ?? '' });
    if (no === DATABASES.length + 1) return req('group.promote', { group: GROUP });
    const g = model.group(GROUP);
    const primary = g?.primary === null || g === undefined ? undefined : model.server(g.primary);
    const secondaries = model.servers({ groupId: GROUP, status: 'SECONDARY' });
    if (primary !== undefined && secondaries.length >= 2 && this.#rng.float() < 0.4) {
      // The primary's link from fabric-ha breaks; clients still reach it.
      this.#cutFromFabric(primary.address, true);
      this.stats.failovers++;
      return req('group.failover', { group: GROUP, server: primary.uuid }, () => {
        this.#cutFromFabric(primary.address, false);
      });
    }
    this.stats.switchovers++;
    return req('group.promote', { group: GROUP });
  }

  /** Submits (or resubmits, same request id) the current request at the leader. */
  #operator(): void {
    const leader = this.#leader();
    const driver = leader?.driver;
    const rt = leader === undefined ? undefined : this.#rt.get(leader.id);
    if (driver === undefined || rt === undefined) return;
    const cur = this.#current;
    if (cur !== undefined) {
      const id = rt.model.procedureIdForRequest(cur.requestId);
      const p = id === undefined ? undefined : rt.model.procedure(id);
      if (p === undefined) {
        if (this.#now - this.#lastSubmit >= 30) this.#submit(driver, rt, cur);
        return;
      }
      if (p.state !== 'DONE' && p.state !== 'FAILED') return;
      this.stats.ended++;
      if (p.state === 'FAILED') this.stats.failed++;
      cur.heal?.();
      this.#current = undefined;
      this.#nextOpAt = this.#now + 10 + this.#rng.int(40);
    }
    if (this.#healing || this.#ops >= MAX_OPS || this.#now < this.#nextOpAt) return;
    this.#current = this.#nextRequest(rt.model);
    if (this.#current !== undefined) this.#submit(driver, rt, this.#current);
  }

  /** The API's submit path (src/executor/submission.ts), proposed through this node's driver. */
  #submit(driver: RaftDriver, rt: Runtime, r: Request): void {
    this.#lastSubmit = this.#now;
    let s: Submission;
    try {
      s = buildSubmission(rt.registry, rt.model, {
        name: r.name,
        args: r.args,
        requestId: r.requestId,
        procedureId: `p-${r.requestId}-${this.#now}`,
        at: this.#now * MS_PER_TICK,
        term: driver.basicStatus().term,
      });
    } catch {
      // Refused at admission, as the API would answer: the operator moves on.
      this.#current = undefined;
      r.heal?.();
      return;
    }
    if (s.kind === 'submit') this.#commit(driver, s.command).catch(() => undefined);
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

  #faults(): void {
    if (this.#rng.float() < 0.01) {
      const leader = this.#leader();
      if (leader !== undefined) {
        if (this.#rng.float() < 0.5) this.#crash(leader);
        else this.#side = new Map([[leader.id, 1]]);
      }
    }
    if (this.#side.size > 0 && this.#rng.float() < 0.05) this.#side = new Map();
  }

  /**
   * Why the system has not settled yet (undefined once it has): the last
   * request ended, every node applied the same log into the same model, the
   * model's primary is the one writable server, and every SECONDARY
   * replicates from it and has all it has.
   */
  #unconverged(): string | undefined {
    if (this.#current !== undefined)
      return `request ${this.#current.requestId} (${this.#current.name}) has not ended`;
    const nodes = [...this.#nodes.values()];
    const applied = new Set(nodes.map((n) => n.driver?.applied ?? -1));
    if (applied.size !== 1 || applied.has(-1)) return `nodes applied ${[...applied].join(', ')}`;
    const models = nodes.map((n) => this.#rt.get(n.id)?.model);
    const snaps = new Set(models.map((m) => fnv(2166136261, m?.snapshot() ?? new Uint8Array(0))));
    if (snaps.size !== 1) return 'the nodes hold different models';
    const model = models[0];
    const g = model?.group(GROUP);
    if (model === undefined || g === undefined || g.primary === null) return 'no primary';
    const primary = model.server(g.primary);
    if (primary === undefined) return 'the primary is not a server';
    const writable = this.#writable().map((s) => s.address);
    if (writable.join() !== primary.address)
      return `writable: [${writable.join(', ')}], model primary ${primary.address}`;
    const pos = this.#fleet.server(primary.address)?.log.currentPos();
    for (const s of model.servers({ groupId: GROUP, status: 'SECONDARY' })) {
      const db = this.#fleet.server(s.address);
      const rep = db?.replication;
      if (rep?.source !== primary.address || rep.io !== 'Yes' || db?.log.currentPos() !== pos)
        return `${s.address} replicates from ${rep?.source ?? 'nobody'} at ${db?.log.currentPos() ?? '?'}, primary at ${pos ?? '?'}`;
    }
    return undefined;
  }

  /** Applications write to every server that takes writes (not while the system settles). */
  #clients(): void {
    if (this.#healing) return;
    for (const s of this.#writable()) {
      void this.#fleet.write(s.address, `w${this.#now}`).then((o) => {
        if (o === 'acked') this.stats.clientWrites++;
      });
    }
  }

  /** Up servers whose read_only is off: what takes the applications' writes. */
  #writable(): SimServer[] {
    return this.#fleet.servers().filter((s) => s.power === 'up' && !s.readOnly);
  }

  /** The link from every Fabric node to a server breaks (or heals); applications still reach it. */
  #cutFromFabric(address: string, cut: boolean): void {
    for (const id of this.#nodes.keys()) {
      if (cut) this.#fleet.cut(id, address);
      else this.#fleet.heal(id, address);
    }
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

  #check(): void {
    for (const n of this.#nodes.values()) {
      if (n.fatal !== undefined) throw n.fatal;
      if (n.driver === undefined) continue;
      this.#checker.onNodeState(n.id, n.incarnation, n.driver);
      const model = this.#rt.get(n.id)?.model;
      if (model !== undefined) this.#checkEnded(model);
    }
    const writable = this.#writable();
    if (writable.length > 1)
      throw new SafetyViolation(
        `Fencing: ${writable.map((s) => s.address).join(' and ')} of group ${GROUP} both take writes`,
      );
  }

  /**
   * The model at one applied index must be the same on every node. Checked
   * inside apply, where the model is exactly at `index`: every answer, and
   * the whole model (a snapshot, which grows with the history) every
   * MODEL_CHECK_EVERY indexes.
   */
  #checkModel(node: NodeId, index: number, model: FabricModel, answer: Uint8Array): void {
    const full = index % MODEL_CHECK_EVERY === 0;
    const h = fnv(fnv(2166136261, answer), full ? model.snapshot() : new Uint8Array(0));
    const seen = this.#modelAt.get(index);
    if (seen === undefined) this.#modelAt.set(index, h);
    else if (seen !== h)
      throw new SafetyViolation(
        `Model: ${node} ${full ? 'has a different model' : 'answered differently'} at applied index ${index}`,
      );
  }

  #checkEnded(model: FabricModel): void {
    for (const p of model.procedures()) {
      if (p.state !== 'DONE' && p.state !== 'FAILED') continue;
      const prior = this.#endedState.get(p.id);
      if (prior !== undefined && prior !== p.state)
        throw new SafetyViolation(`Procedures: ${p.id} ended ${prior} and ${p.state}`);
      this.#endedState.set(p.id, p.state);
    }
  }

  async #step(): Promise<void> {
    this.#now++;
    if (!this.#healing) this.#faults();
    this.#operator();
    this.#clients();
    this.#fleet.step();
    for (const n of this.#nodes.values()) {
      n.tick();
      this.#rt.get(n.id)?.executor.poke();
    }
    for (;;) {
      this.#runDeferred();
      const ev = this.#q.popDue(this.#now);
      if (ev === undefined) break;
      this.#handle(ev);
      await new Promise((r) => setImmediate(r));
      this.#check();
    }
    await new Promise((r) => setImmediate(r));
    this.#check();
  }

  async run(steps: number): Promise<FarmSimResult> {
    try {
      for (let s = 0; s < steps; s++) await this.#step();
      this.#healing = true;
      this.#side = new Map();
      for (const n of this.#nodes.values()) n.restart();
      let why = this.#unconverged();
      for (let s = 0; s < 3000 && why !== undefined; s++) {
        await this.#step();
        why = this.#unconverged();
      }
      if (why !== undefined) throw new SafetyViolation(`Liveness: after healing, ${why}`);
      return { ok: true, stats: { ...this.stats } };
    } catch (e) {
      if (e instanceof SafetyViolation || e instanceof InvariantViolation)
        return { ok: false, failure: `${e.name}: ${e.message}`, stats: { ...this.stats } };
      throw e;
    } finally {
      for (const rt of this.#rt.values()) void rt.executor.stop();
    }
  }
}
