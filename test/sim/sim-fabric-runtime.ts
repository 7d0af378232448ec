import { Executor } from '../../src/executor/executor.js';
import type { CommitOutcome, ExecutorPort } from '../../src/executor/executor-port.js';
import type { ProcedureRegistry } from '../../src/executor/procedure-definition.js';
import {
  FabricModel,
  FabricStateMachine,
  decodeApplyResult,
  encodeCommand,
} from '../../src/fabric/index.js';
import type { Command } from '../../src/fabric/index.js';
import { STATE_MACHINE_TAGS, tagCommand } from '../../src/node/composite-state-machine.js';
import type { RaftDriver } from '../../src/node/raft-driver.js';
import type { StateMachine } from '../../src/node/state-machine.js';
import type { NodeId } from '../../src/raft/index.js';
import { silentLogger } from '../../src/util/logger.js';
import type { SimNode } from './sim-node.js';
import { MS_PER_TICK } from './sim-scheduler.js';

/** Deadline of a commit or a ReadIndex round, as the node's (src/node/raft-node.ts) are. */
const TIMEOUT_MS = 100 * MS_PER_TICK;

/** One node incarnation's Fabric part: the replicated model and the executor running on it. */
export interface FabricRuntime {
  readonly model: FabricModel;
  readonly executor: Executor;
  readonly registry: ProcedureRegistry;
}

/** The seed's clock as an executor sees it: its waits are events of the seed, not wall time. */
export interface SeedTimers {
  nowMs(): number;
  /** Resolves when the seed's time reaches `ms` from now, or at once when `signal` aborts. */
  delay(ms: number, signal: AbortSignal): Promise<void>;
}

/** What a simulator runs on each incarnation: its procedures, and what it checks on every apply. */
export interface RuntimeSpec {
  registry(model: FabricModel, n: SimNode): ProcedureRegistry;
  readonly maxAttempts: number;
  /** Called inside apply, where the model is exactly at `index`; `answer` is what apply returned. */
  onApply?(node: NodeId, index: number, model: FabricModel, answer: Uint8Array): void;
}

/**
 * A new incarnation's Fabric model and executor, bound to its driver (the
 * one the node is starting; a later incarnation's calls find it gone), and
 * the state machine the node applies its log into.
 */
export function bootFabricRuntime(
  n: SimNode,
  timers: SeedTimers,
  spec: RuntimeSpec,
): { runtime: FabricRuntime; machine: StateMachine } {
  const model = new FabricModel();
  const inc = n.incarnation;
  const driver = (): RaftDriver | undefined => (n.incarnation === inc ? n.driver : undefined);
  const registry = spec.registry(model, n);
  const port: ExecutorPort = {
    leaderTerm: () => driver()?.leaderTerm(),
    commit: (cmd) => commitFabric(driver(), cmd),
    confirmLeadership: async () => {
      const d = driver();
      if (d === undefined) throw new Error('node down');
      await d.linearizableRead(TIMEOUT_MS);
    },
    procedure: (id) => model.procedure(id),
    runningProcedureIds: () => model.runnable().map((r) => r.procedure.id),
    now: () => timers.nowMs(),
    delay: (ms, signal) => timers.delay(ms, signal),
  };
  const executor = new Executor(port, registry, silentLogger(), { maxAttempts: spec.maxAttempts });
  return { runtime: { model, executor, registry }, machine: fabricMachine(n.id, model, spec) };
}

/** Proposes a Fabric command through `driver` (undefined: the node is down) and decodes its answer. */
export async function commitFabric(
  driver: RaftDriver | undefined,
  cmd: Command,
): Promise<CommitOutcome> {
  if (driver === undefined) throw new Error('node down');
  const { result } = await driver.propose(tagCommand('fabric', encodeCommand(cmd)), TIMEOUT_MS);
  const r = decodeApplyResult(result);
  return r.ok ? { ok: true, result: r.result } : { ok: false, code: r.code, message: r.message };
}

/** The Fabric part of the node's composite state machine (the only part these commands use). */
function fabricMachine(node: NodeId, model: FabricModel, spec: RuntimeSpec): StateMachine {
  const sm = new FabricStateMachine(model);
  return {
    apply: (index, command) => {
      const answer =
        command[0] === STATE_MACHINE_TAGS.fabric
          ? sm.apply(index, command.subarray(1))
          : new Uint8Array(0);
      spec.onApply?.(node, index, model, answer);
      return answer;
    },
    snapshot: () => sm.snapshot(),
    restore: (data) => {
      sm.restore(data);
    },
  };
}
