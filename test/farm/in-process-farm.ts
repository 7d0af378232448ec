/**
 * The real model, executor and farm procedures on real MariaDB servers,
 * in this process: one Fabric leader that never changes, commits applied
 * at once (no Raft, no node processes). For tests of what procedures do to
 * servers, where a 3-node cluster would only add start-up time. Plus
 * `test.effects`, a one-step procedure committing the effects it is given
 * (shard maps and shards, whose procedures live on another branch).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Executor } from '../../src/executor/executor.js';
import type { ExecutorPort } from '../../src/executor/executor-port.js';
import { farmProcedures } from '../../src/executor/farm/index.js';
import type { FarmDeps } from '../../src/executor/farm/index.js';
import { ProcedureRegistry } from '../../src/executor/procedure-definition.js';
import type { StepContext } from '../../src/executor/procedure-definition.js';
import { buildSubmission } from '../../src/executor/submission.js';
import { FabricModel } from '../../src/fabric/index.js';
import type { Effect, JsonValue, Procedure } from '../../src/fabric/index.js';
import { ServerPool } from '../../src/mysql/index.js';
import type { MysqlSettings } from '../../src/mysql/index.js';
import { silentLogger } from '../../src/util/logger.js';

export class InProcessFarm {
  readonly model = new FabricModel();
  readonly pool: ServerPool;
  readonly deps: FarmDeps;
  readonly #registry = new ProcedureRegistry();
  readonly #executor: Executor;
  #ids = 0;

  constructor(settings: MysqlSettings) {
    this.pool = new ServerPool(settings, silentLogger());
    this.deps = {
      model: this.model,
      servers: this.pool,
      switchoverTimeoutMs: 5_000,
      failoverCooldownMs: 0,
      finalProbeTimeoutMs: 500,
      fencer: { mode: 'none', fence: () => Promise.resolve('') },
    };
    for (const def of farmProcedures(this.deps)) this.#registry.register(def);
    this.#registry.register({
      name: 'test.effects',
      lockKeys: () => [],
      steps: [
        {
          name: 'commit',
          run: (ctx) =>
            Promise.resolve({
              output: null,
              effects: (ctx.args as { effects: Effect[] }).effects,
            }),
        },
      ],
    });
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
      now: () => Date.now(),
      delay: (ms) => sleep(ms).then(() => undefined),
    };
    this.#executor = new Executor(port, this.#registry, silentLogger(), { maxAttempts: 3 });
  }

  /** Submits a procedure as the API would, waits for it to end, and returns it (DONE or FAILED). */
  async run(name: string, args: Record<string, JsonValue>, limitMs = 30_000): Promise<Procedure> {
    const id = `p${++this.#ids}`;
    const s = buildSubmission(this.#registry, this.model, {
      name,
      args,
      requestId: `r${id}`,
      procedureId: id,
      at: Date.now(),
      term: 1,
    });
    if (s.kind !== 'submit') throw new Error(`${name}: request already known`);
    const r = this.model.apply(s.command);
    if (!r.ok) throw new Error(`${name} refused: ${r.message}`);
    this.#executor.poke();
    const deadline = Date.now() + limitMs;
    for (;;) {
      const p = this.model.procedure(id);
      if (p !== undefined && (p.state === 'DONE' || p.state === 'FAILED')) return p;
      if (Date.now() > deadline)
        throw new Error(`${name} (${id}) still running after ${limitMs} ms`);
      await sleep(10);
    }
  }

  /** Like run, and fails the test unless the procedure ends DONE. */
  async ok(name: string, args: Record<string, JsonValue>): Promise<Procedure> {
    const p = await this.run(name, args);
    if (p.state !== 'DONE')
      throw new Error(
        `${name} ${JSON.stringify(args)} ended ${p.state}: ${JSON.stringify(p.error)}`,
      );
    return p;
  }

  /** A step context for calling a step function directly (the signal never aborts). */
  context(): StepContext {
    return {
      procedureId: 'direct',
      args: null,
      outputs: {},
      attempt: 1,
      signal: new AbortController().signal,
      progress: undefined,
      checkpoint: () => Promise.resolve(),
      now: () => Date.now(),
      sleep: (ms) => sleep(ms).then(() => undefined),
    };
  }

  async stop(): Promise<void> {
    await this.#executor.stop();
    await this.pool.close();
  }
}
