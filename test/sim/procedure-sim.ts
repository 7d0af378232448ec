import { ProcedureRegistry } from '../../src/executor/procedure-definition.js';
import type { ProcedureDefinition } from '../../src/executor/procedure-definition.js';
import type { Command } from '../../src/fabric/index.js';
import { SeededRng } from '../../src/raft/index.js';
import { SafetyViolation } from './checker.js';
import { ClusterWorld, clusterOptions } from './cluster-world.js';
import { EndedOnce } from './ended-once.js';
import { commitFabric } from './sim-fabric-runtime.js';
import type { FabricRuntime } from './sim-fabric-runtime.js';
import { FakeWorld } from './fake-world.js';
import type { SimNode } from './sim-node.js';
import { MS_PER_TICK } from './sim-scheduler.js';

const GROUPS = ['group:g1', 'group:g2', 'group:g3'];

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
  readonly #rng: SeededRng;
  readonly #cluster: ClusterWorld;
  readonly #fake = new FakeWorld();
  readonly #endedOnce = new EndedOnce();
  #nextReq = 1;
  readonly #requests = new Map<string, number>();
  readonly #stats = { submitted: 0, overlaps: 0 };

  /** Test-only: submit procedures without their lock keys (the checker must notice). */
  readonly #brokenLocks: boolean;

  constructor(seed: number, steps: number, opts: { brokenLocks?: boolean } = {}) {
    this.#brokenLocks = opts.brokenLocks ?? false;
    const o = clusterOptions(seed, steps, 3 + (seed % 3));
    this.#rng = new SeededRng(seed ^ 0x9e37);
    this.#cluster = new ClusterWorld(o, this.#rng, {
      registry: () => this.#registry(),
      maxAttempts: 50,
    });
  }

  run(steps: number): Promise<ProcSimResult> {
    return this.#cluster.run(steps, {
      beforeTick: () => {
        this.#beforeTick();
      },
      checkNode: (n, rt) => {
        this.#checkNode(n, rt);
      },
      unconverged: () =>
        this.#converged()
          ? undefined
          : `not every request ended DONE on every node after healing: ${this.#report()}`,
      result: (failure) =>
        failure === undefined ? this.#result(true) : { ...this.#result(false), failure },
    });
  }

  #registry(): ProcedureRegistry {
    const steps = (count: number): ProcedureDefinition['steps'] =>
      Array.from({ length: count }, (_, i) => ({
        name: `s${i}`,
        run: (ctx) => {
          // A flaky step: the executor retries it.
          if (this.#rng.float() < 0.05)
            return Promise.reject(new Error(`transient failure of s${i}`));
          this.#fake.act(ctx.procedureId, i);
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

  #beforeTick(): void {
    if (!this.#cluster.healing) {
      this.#cluster.faults(0.004);
      if (this.#rng.float() < 0.05) this.#submit();
    }
    if (this.#cluster.now % 50 === 0) this.#retryLost();
  }

  /** A client retries every request the leader has no procedure for (its submit was lost). */
  #retryLost(): void {
    const leader = this.#cluster.leader();
    const model = leader === undefined ? undefined : this.#cluster.runtime(leader.id)?.model;
    if (model === undefined) return;
    for (const [req, no] of this.#requests)
      if (model.procedureIdForRequest(req) === undefined) this.#submit(no);
  }

  #submit(again?: number): void {
    const driver = this.#cluster.leader()?.driver;
    if (driver === undefined) return;
    const now = this.#cluster.now;
    // New requests, and retries of old ones with the same request id (dedup).
    const retry = again !== undefined || (this.#requests.size > 0 && this.#rng.float() < 0.3);
    const reqNo = again ?? (retry ? 1 + this.#rng.int(this.#nextReq - 1) : this.#nextReq++);
    const requestId = `req-${reqNo}`;
    if (!retry) this.#stats.submitted++;
    this.#requests.set(requestId, reqNo);
    const lock = GROUPS[reqNo % GROUPS.length] as string;
    const cmd: Command = {
      type: 'submit',
      requestId,
      procedureId: `p-${reqNo}-${now}`,
      name: 'sim.four',
      args: { lock },
      lockKeys: this.#brokenLocks ? [] : [lock],
      steps: ['s0', 's1', 's2', 's3'],
      at: now * MS_PER_TICK,
      term: driver.basicStatus().term,
    };
    commitFabric(driver, cmd).catch(() => undefined);
  }

  /** Locks hold, and every procedure that ended had its steps take effect exactly once. */
  #checkNode(n: SimNode, { model }: FabricRuntime): void {
    const running = model.runnable().map((r) => r.procedure);
    const held = new Set<string>();
    for (const p of running) {
      // The group the procedure works on (its arguments), not what it claimed to lock.
      const k = (p.args as { lock: string }).lock;
      if (held.has(k)) {
        throw new SafetyViolation(`Locks: two RUNNING procedures on ${n.id} work on ${k} at once`);
      }
      held.add(k);
    }
    if (held.size > 1) this.#stats.overlaps++;
    this.#endedOnce.check(model, (p) => {
      this.#fake.ended(p.id);
      if (p.state === 'DONE') this.#fake.checkDone(p.id, p.steps.length);
    });
  }

  #converged(): boolean {
    const snaps = new Set<string>();
    for (const n of this.#cluster.nodes.values()) {
      const model = this.#cluster.runtime(n.id)?.model;
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
    return [...this.#cluster.nodes.values()]
      .map((n) => {
        const m = this.#cluster.runtime(n.id)?.model;
        const ps = m?.procedures() ?? [];
        return `${n.id}:${n.driver?.basicStatus().role ?? 'down'} procs=${ps.length} live=${ps.filter((p) => p.state === 'RUNNING' || p.state === 'QUEUED').length}`;
      })
      .join(' ');
  }

  #result(ok: boolean): ProcSimResult {
    const any = [...this.#cluster.runtimes()][0]?.model;
    const ps = any?.procedures() ?? [];
    return {
      ok,
      stats: {
        ...this.#stats,
        crashes: this.#cluster.crashes,
        done: ps.filter((p) => p.state === 'DONE').length,
        failed: ps.filter((p) => p.state === 'FAILED').length,
        attempts: this.#fake.attempts,
        leaders: this.#cluster.leadersElected,
        lateActions: this.#fake.lateActions,
      },
    };
  }
}
