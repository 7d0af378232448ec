import { randomUUID } from 'node:crypto';
import type { FarmApi, FarmView, ServerHealth } from '../api/farm-api.js';
import type { ProcedureApi } from '../api/procedure-service.js';
import { managedProcedures } from '../executor/managed-procedures.js';
import type { FarmDeps } from '../executor/farm/index.js';
import { fencerFor } from './fence-command.js';
import { ServerPool } from '../mysql/index.js';
import type { MysqlFaults } from '../mysql/index.js';
import { groupHealth } from '../detector/runtime/server-health.js';
import type { ExecutorPort } from '../executor/executor-port.js';
import { Executor } from '../executor/executor.js';
import { ProcedureRegistry } from '../executor/procedure-definition.js';
import { buildSubmission } from '../executor/submission.js';
import { sleep } from './system-clock.js';
import { TEST_PROCEDURES } from './testing/test-procedures.js';
import {
  FabricModel,
  FabricStateMachine,
  decodeApplyResult,
  encodeCommand,
  rejectionError,
} from '../fabric/index.js';
import type { ApplyResult, Command, Procedure } from '../fabric/index.js';
import { NotLeaderError } from '../raft/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { Logger } from '../util/logger.js';
import { tagCommand } from '../node/composite-state-machine.js';
import type { NodeConfig } from './config.js';
import type { RaftNode } from '../node/raft-node.js';

const COMMIT_TIMEOUT_MS = 10_000;
/** How often the leader proposes a prune of the procedure history. */
const PRUNE_EVERY_MS = 60_000;

/** The procedures a node can run: the farm and sharding procedures and, for tests, test.*. */
function registryFor(deps: FarmDeps, testProcedures: boolean): ProcedureRegistry {
  const r = new ProcedureRegistry();
  for (const def of managedProcedures(deps)) r.register(def);
  if (testProcedures) for (const def of TEST_PROCEDURES) r.register(def);
  return r;
}

/**
 * The Fabric model, its executor and the procedure API, wired to a Raft
 * node: commands go through the log (tagged for the Fabric part of the
 * composite state machine); after every applied batch the executor looks
 * for work and waiters for ended procedures are woken.
 */
export class FabricRuntime implements ProcedureApi, FarmApi {
  readonly model = new FabricModel();
  readonly stateMachine = new FabricStateMachine(this.model);
  readonly registry: ProcedureRegistry;
  /** Connections to the managed servers; only the leader's executor changes them. */
  readonly servers: ServerPool;
  readonly #log: Logger;
  readonly #config: NodeConfig;
  #node: RaftNode | undefined;
  #executor: Executor | undefined;
  #pruneTimer: NodeJS.Timeout | undefined;
  readonly #endWaiters = new Set<() => void>();
  readonly #appliedListeners = new Set<() => void>();

  constructor(config: NodeConfig, logger: Logger, opts: { mysqlFaults?: MysqlFaults } = {}) {
    this.#config = config;
    this.#log = logger.child({ component: 'fabric' });
    this.servers = new ServerPool(
      config.servers,
      logger.child({ component: 'mysql' }),
      opts.mysqlFaults,
    );
    this.registry = registryFor(
      {
        model: this.model,
        servers: this.servers,
        switchoverTimeoutMs: config.ha.switchoverTimeoutMs,
        failoverCooldownMs: config.failureDetector.failoverCooldownS * 1000,
        finalProbeTimeoutMs: config.failureDetector.probeTimeoutMs,
        fencer: fencerFor(config.ha, logger),
      },
      config.testing.procedures,
    );
  }

  get view(): FarmView {
    return this.model;
  }

  async health(groupId: string): Promise<ServerHealth[]> {
    if (this.model.group(groupId) === undefined)
      throw new FabricError('GROUP_NOT_FOUND', `group ${groupId} does not exist`, {
        group: groupId,
      });
    return groupHealth(this.model, this.servers, groupId, {
      lagThresholdS: this.#config.failureDetector.lagThresholdS,
      fence: this.#config.ha.fence,
      fenceCommand: this.#config.ha.fenceCommand,
    });
  }

  async lookupUuid(address: string): Promise<string> {
    return (await this.servers.server(address).identity(false)) ?? '';
  }

  onApplied(listener: () => void): () => void {
    this.#appliedListeners.add(listener);
    return () => this.#appliedListeners.delete(listener);
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
      for (const l of [...this.#appliedListeners]) l();
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
        // Test-only ([testing] step_pause_ms): widen every step boundary so
        // chaos tests can kill the leader exactly between two committed steps.
        const pause = this.#config.testing.stepPauseMs;
        if (pause > 0) await sleep(pause, new AbortController().signal);
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
    if (node === undefined) throw new FabricError('NO_LEADER', 'the node is still starting');
    const term = node.leaderTerm();
    if (term === undefined) throw new NotLeaderError(node.id, node.status().leader);
    const s = buildSubmission(this.registry, this.model, {
      name,
      args,
      requestId,
      procedureId: randomUUID(),
      at: Date.now(),
      term,
    });
    if (s.kind === 'known') return s.procedureId;
    const r = await this.#commit(node, s.command);
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
    await this.servers.close();
  }
}
