import { FabricError } from '../util/fabric-error.js';
import { applyEffects } from './apply-effects.js';
import { reject } from './apply-result.js';
import type { ApplyResult, Rejection } from './apply-result.js';
import { validateCommand } from './command-codec.js';
import type { Command } from './commands.js';
import { readEffect } from './effect-codec.js';
import type { Effect } from './effects.js';
import type { FabricNode, Group, Server, Shard, ShardMap, ShardTable } from './farm-types.js';
import { modelInvariantProblems } from './model-invariants.js';
import { decodeSnapshot, encodeSnapshot } from './model-snapshot.js';
import { emptyState } from './model-state.js';
import type { ModelState } from './model-state.js';
import { applyNodeRemove, applyNodeUpsert } from './node-commands.js';
import type { Procedure } from './procedure-types.js';
import { applyPrune } from './prune.js';
import {
  listProcedures,
  listServers,
  runnableSteps,
  serverByAddress,
  sortedGroups,
  sortedNodes,
  sortedShardMaps,
  sortedShardTables,
  sortedShards,
} from './queries.js';
import type { ProcedureFilter, RunnableStep, ServerFilter } from './queries.js';
import { applyStepDone, applyStepFailed, applyStepStart } from './step-commands.js';
import { applyStepCheckpoint } from './step-checkpoint.js';
import { applySubmit } from './submit.js';

/**
 * The replicated Fabric model: the farm (groups, servers, shards), the
 * Fabric nodes, the procedures with their step checkpoints and lock queues,
 * and the request ids already seen. It changes only through apply(), which
 * is deterministic (no clock, no randomness: both arrive in the command)
 * and never throws for a bad command: it answers with a Rejection, and a
 * rejected command changes nothing.
 *
 * Everything returned by the queries is immutable and safe to keep.
 */
export class FabricModel {
  #s: ModelState = emptyState();

  apply(command: Command): ApplyResult {
    let c: Command;
    try {
      // The typed path is checked like the byte path: both must refuse the same commands.
      c = validateCommand(command);
    } catch (e) {
      if (e instanceof FabricError) return reject(e.code, e.message, e.details);
      throw e;
    }
    return this.#dispatch(c);
  }

  #dispatch(c: Command): ApplyResult {
    switch (c.type) {
      case 'submit':
        return applySubmit(this.#s, c);
      case 'step-start':
        return applyStepStart(this.#s, c);
      case 'step-checkpoint':
        return applyStepCheckpoint(this.#s, c);
      case 'step-done':
        return applyStepDone(this.#s, c);
      case 'step-failed':
        return applyStepFailed(this.#s, c);
      case 'prune':
        return applyPrune(this.#s, c);
      case 'node-upsert':
        return applyNodeUpsert(this.#s, c);
      case 'node-remove':
        return applyNodeRemove(this.#s, c);
    }
  }

  /** The whole model, as canonical bytes (equal models, equal bytes). */
  snapshot(): Uint8Array {
    return encodeSnapshot(this.#s);
  }

  /** Replaces the whole model; on malformed bytes throws and keeps the current one. */
  restore(bytes: Uint8Array): void {
    this.#s = decodeSnapshot(bytes);
  }

  /**
   * A dry run of a step's effects against the farm as it is now: the first
   * rule they would break (the same code and message a step-done carrying
   * them would be refused with), or undefined when they would commit.
   * Changes nothing. The executor admits and re-checks with it, so bad
   * input is refused before anything is queued by the very rules that
   * guard the model.
   */
  checkEffects(effects: readonly Effect[]): Rejection | undefined {
    try {
      const valid = effects.map((e, i) => readEffect(e, `effects[${i}]`));
      const r = applyEffects(this.#s.farm, valid);
      return r.ok ? undefined : r;
    } catch (e) {
      if (e instanceof FabricError) return reject(e.code, e.message, e.details);
      throw e;
    }
  }

  /**
   * Every broken invariant, one line each (model-invariants.ts); empty
   * when the model is sound. O(size): for tests and the simulator.
   */
  invariantProblems(): string[] {
    return modelInvariantProblems(this.#s);
  }

  // Procedures.

  procedure(id: string): Procedure | undefined {
    return this.#s.procedures.get(id);
  }

  /** In submission order. */
  procedures(filter?: ProcedureFilter): Procedure[] {
    return listProcedures(this.#s, filter);
  }

  /** RUNNING procedures with the step to drive next, in submission order. */
  runnable(): RunnableStep[] {
    return runnableSteps(this.#s);
  }

  /** The procedure a request id created, while the id is remembered. */
  procedureIdForRequest(requestId: string): string | undefined {
    return this.#s.requests.get(requestId)?.procedureId;
  }

  /** Procedure ids holding (head) or waiting for a lock key. */
  lockQueue(key: string): readonly string[] {
    return this.#s.locks.queue(key);
  }

  // The farm.

  get topologyEpoch(): number {
    return this.#s.farm.topologyEpoch;
  }

  groups(): Group[] {
    return sortedGroups(this.#s);
  }

  group(id: string): Group | undefined {
    return this.#s.farm.groups.get(id);
  }

  /** By uuid; filter on group, status and mode (group.lookup_servers). */
  servers(filter?: ServerFilter): Server[] {
    return listServers(this.#s, filter);
  }

  server(uuid: string): Server | undefined {
    return this.#s.farm.servers.get(uuid);
  }

  serverByAddress(address: string): Server | undefined {
    return serverByAddress(this.#s, address);
  }

  shardMaps(): ShardMap[] {
    return sortedShardMaps(this.#s);
  }

  shardMap(id: number): ShardMap | undefined {
    return this.#s.farm.shardMaps.get(id);
  }

  shardTables(mapId?: number): ShardTable[] {
    return sortedShardTables(this.#s, mapId);
  }

  shardTable(table: string): ShardTable | undefined {
    return this.#s.farm.shardTables.get(table);
  }

  /** 1 + the highest shard map id ever used: ids are never reused (Fabric numbered maps from 1). */
  nextShardMapId(): number {
    return this.#s.farm.highestShardMapId + 1;
  }

  /** 1 + the highest shard id ever used. */
  nextShardId(): number {
    return this.#s.farm.highestShardId + 1;
  }

  shards(mapId?: number): Shard[] {
    return sortedShards(this.#s, mapId);
  }

  shard(id: number): Shard | undefined {
    return this.#s.farm.shards.get(id);
  }

  nodes(): FabricNode[] {
    return sortedNodes(this.#s);
  }
}
