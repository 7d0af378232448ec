import { randomUUID } from 'node:crypto';
import type { ProcedureApi } from '../api/procedure-service.js';
import type { ExecutorPort } from '../executor/executor-port.js';
import { Executor } from '../executor/executor.js';
import type { ProcedureDefinition } from '../executor/procedure-definition.js';
import { PermanentStepError, ProcedureRegistry } from '../executor/procedure-definition.js';
import { sleep } from '../executor/retry-policy.js';
import { FAIL_SECOND, TEN_STEPS } from '../executor/test-procedures.js';
import {
  FabricModel,
  FabricStateMachine,
  decodeApplyResult,
  encodeCommand,
  isJsonValue,
  rejectionError,
} from '../fabric/index.js';
import type { ApplyResult, Command, JsonValue, Procedure } from '../fabric/index.js';
import { NotLeaderError } from '../raft/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { Logger } from '../util/logger.js';
import { tagCommand } from './composite-state-machine.js';
import type { NodeConfig } from './config.js';
import type { RaftNode } from './raft-node.js';

const COMMIT_TIMEOUT_MS = 10_000;
/** How often the leader proposes a prune of the procedure history. */
const PRUNE_EVERY_MS = 60_000;

/** The procedures a node can run: the farm procedures (later stages) and, for tests, test.*. */
export function defaultRegistry(): ProcedureRegistry {
  const r = new ProcedureRegistry();
  if (process.env.FABRIC_TEST_PROCEDURES === '1') r.register(TEN_STEPS).register(FAIL_SECOND);
  return r;
}

/**
 * The Fabric model, its executor and the procedure API, wired to a Raft
 * node: commands go through the log (tagged for the Fabric part of the
 * composite state machine); after every applied batch the executor looks
 * for work and waiters for ended procedures are woken.
 */
export class FabricRuntime implements ProcedureApi {
  readonly model = new FabricModel();
  readonly stateMachine = new FabricStateMachine(this.model);
  readonly registry: ProcedureRegistry;
  readonly #log: Logger;
  readonly #config: NodeConfig;
  #node: RaftNode | undefined;
  #executor: Executor | undefined;
  #pruneTimer: NodeJS.Timeout | undefined;
  readonly #endWaiters = new Set<() => void>();

  constructor(config: NodeConfig, registry: ProcedureRegistry, logger: Logger) {
    this.#config = config;
    this.registry = registry;
    this.#log = logger.child({ component: 'fabric' });
  }

  attach(node: RaftNode): void {
    this.#node = node;
    const executor = new Executor(this.#port(node), this.registry, this.#log, {
      maxAttempts: this.#config.procedures.maxAttempts,
    });
    this.#executor = executor;
    node.subscribe(() => {
      executor.poke();
      for (const w of [...this.#endWaiters]) w();
    });
    this.#pruneTimer = setInterval(() => {
      void this.#prune();
    }, PRUNE_EVERY_MS);
    this.#pruneTimer.unref();
  }

  #port(node: RaftNode): ExecutorPort {
    return {
      leaderTerm: () => node.leaderTerm(),
      commit: (cmd) => this.#commit(node, cmd),
      confirmLeadership: async () => {
        await node.linearizableRead(5_000);
        if (node.leaderTerm() === undefined)
          throw new NotLeaderError(node.id, node.status().leader);
      },
      procedure: (id) => this.model.procedure(id),
      runningProcedureIds: () => this.model.runnable().map((r) => r.procedure.id),
      now: () => Date.now(),
      delay: (ms, signal) => sleep(ms, signal),
    };
  }

  /** Proposes a model command; the model's full answer (a rejection keeps its details). */
  async #commit(node: RaftNode, cmd: Command): Promise<ApplyResult> {
    const { result } = await node.propose(
      tagCommand('fabric', encodeCommand(cmd)),
      COMMIT_TIMEOUT_MS,
    );
    return decodeApplyResult(result);
  }

  async #prune(): Promise<void> {
    const node = this.#node;
    if (node?.leaderTerm() === undefined) return;
    const p = this.#config.procedures;
    try {
      await this.#commit(node, {
        type: 'prune',
        at: Date.now(),
        maxCompleted: p.historyMax,
        maxAgeMs: p.historyMaxAgeS * 1000,
        dedupWindowMs: p.dedupWindowS * 1000,
      });
    } catch (err) {
      this.#log.debug({ err }, 'prune not committed; will retry');
    }
  }

  procedure(id: string): Procedure | undefined {
    return this.model.procedure(id);
  }

  procedures(): readonly Procedure[] {
    return this.model.procedures();
  }

  names(): readonly string[] {
    return this.registry.names();
  }

  async submit(name: string, args: unknown, requestId: string): Promise<string> {
    const node = this.#node;
    const def = this.registry.get(name);
    if (node === undefined || def === undefined)
      throw new FabricError('INVALID_ARGUMENT', `no procedure named ${name}`);
    if (!isJsonValue(args))
      throw new FabricError('INVALID_ARGUMENT', 'procedure arguments must be JSON');
    const term = node.leaderTerm();
    if (term === undefined) throw new NotLeaderError(node.id, node.status().leader);
    const cmd: Command = {
      type: 'submit',
      requestId,
      procedureId: randomUUID(),
      name,
      args,
      lockKeys: lockKeysOf(def, args),
      steps: def.steps.map((s) => s.name),
      at: Date.now(),
      term,
    };
    const r = await this.#commit(node, cmd);
    if (!r.ok) throw rejectionError(r);
    if (r.result.type !== 'submit')
      throw new FabricError('INTERNAL', `submit answered with ${r.result.type}`);
    return r.result.procedureId;
  }

  whenEnded(id: string, timeoutMs: number): Promise<Procedure | undefined> {
    return new Promise((resolve) => {
      const check = (): void => {
        const p = this.model.procedure(id);
        if (p !== undefined && p.state !== 'DONE' && p.state !== 'FAILED') return;
        done(p);
      };
      const timer = setTimeout(() => {
        done(this.model.procedure(id));
      }, timeoutMs);
      const done = (p: Procedure | undefined): void => {
        clearTimeout(timer);
        this.#endWaiters.delete(check);
        resolve(p);
      };
      this.#endWaiters.add(check);
      check();
    });
  }

  async stop(): Promise<void> {
    if (this.#pruneTimer !== undefined) clearInterval(this.#pruneTimer);
    await this.#executor?.stop();
  }
}

function lockKeysOf(def: ProcedureDefinition, args: JsonValue): string[] {
  try {
    return def.lockKeys(args);
  } catch (e) {
    if (e instanceof PermanentStepError)
      throw new FabricError('INVALID_ARGUMENT', `${def.name}: ${e.message}`);
    throw e;
  }
}
