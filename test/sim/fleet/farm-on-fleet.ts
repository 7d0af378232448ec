import { Executor } from '../../../src/executor/executor.js';
import type { ExecutorPort } from '../../../src/executor/executor-port.js';
import { managedProcedures } from '../../../src/executor/managed-procedures.js';
import type { Fencer, UnsafeVariants } from '../../../src/executor/farm/index.js';
import { ProcedureRegistry } from '../../../src/executor/procedure-definition.js';
import { buildSubmission } from '../../../src/executor/submission.js';
import { FabricModel } from '../../../src/fabric/index.js';
import type { Procedure } from '../../../src/fabric/index.js';
import { silentLogger } from '../../../src/util/logger.js';
import type { SimClock } from './sim-clock.js';
import type { SimFleet } from './sim-fleet.js';
import { simConnector } from './sim-handle.js';

/** How often the fleet's replication threads move, in simulated ms. */
const ROUND_MS = 50;

/**
 * One Fabric leader that never changes: the real model, executor and farm
 * procedures, acting on a simulated fleet under a simulated clock. Commits
 * apply at once (no Raft): this isolates the farm procedures' own logic;
 * the whole-system simulator adds the replicated nodes around it.
 */
export class FarmOnFleet {
  readonly model = new FabricModel();
  readonly fleet: SimFleet;
  readonly #clock: SimClock;
  readonly #executor: Executor;
  #ids = 0;

  constructor(fleet: SimFleet, clock: SimClock, fencer: Fencer, unsafe: UnsafeVariants = {}) {
    this.fleet = fleet;
    this.#clock = clock;
    const registry = new ProcedureRegistry();
    const deps = {
      model: this.model,
      servers: simConnector(fleet, 'n1'),
      switchoverTimeoutMs: 5_000,
      failoverCooldownMs: 0,
      finalProbeTimeoutMs: 500,
      fencer,
      unsafe,
    };
    for (const def of managedProcedures(deps)) registry.register(def);
    const port: ExecutorPort = {
      leaderTerm: () => 1,
      commit: (cmd) => {
        const r = this.model.apply(cmd);
        queueMicrotask(() => {
          this.#executor.poke();
        });
        return Promise.resolve(r);
      },
      confirmLeadership: () => Promise.resolve(),
      procedure: (id) => this.model.procedure(id),
      runningProcedureIds: () => this.model.runnable().map((r) => r.procedure.id),
      now: () => clock.now(),
      delay: (ms) => clock.sleep(ms),
    };
    this.#executor = new Executor(port, registry, silentLogger(), { maxAttempts: 5 });
    this.#registry = registry;
  }

  readonly #registry: ProcedureRegistry;

  /** Submits a procedure as the API would and returns its id. */
  submit(name: string, args: Record<string, unknown>): string {
    const id = `p${++this.#ids}`;
    const s = buildSubmission(this.#registry, this.model, {
      name,
      args,
      requestId: `r${id}`,
      procedureId: id,
      at: this.#clock.now(),
      term: 1,
    });
    if (s.kind === 'known') return s.procedureId;
    const r = this.model.apply(s.command);
    if (!r.ok) throw new Error(`${name} refused: ${r.message}`);
    this.#executor.poke();
    return id;
  }

  /** Runs replication rounds (and everything waiting on the clock) until the procedure ends. */
  async finish(
    id: string,
    advance: (ms: number) => Promise<void>,
    limitMs = 60_000,
  ): Promise<Procedure> {
    for (let t = 0; t < limitMs; t += ROUND_MS) {
      const p = this.model.procedure(id);
      if (p !== undefined && (p.state === 'DONE' || p.state === 'FAILED')) return p;
      this.fleet.step();
      await advance(ROUND_MS);
    }
    throw new Error(
      `procedure ${id} still ${this.model.procedure(id)?.state ?? 'missing'} after ${limitMs} ms`,
    );
  }

  async stop(): Promise<void> {
    await this.#executor.stop();
  }
}
