import type {
  FabricNode,
  Group,
  Server,
  ServerMode,
  ServerStatus,
  Shard,
  ShardMap,
  ShardTable,
} from './farm-types.js';
import { compareStrings } from './json.js';
import type { ModelState } from './model-state.js';
import type { Procedure, ProcedureState, StepRecord } from './procedure-types.js';

/** Filters for listing procedures; all given ones must hold. */
export interface ProcedureFilter {
  readonly state?: ProcedureState;
  /** Procedures holding or waiting for this lock key ("group:g1"). */
  readonly lockKey?: string;
  readonly name?: string;
  /** submittedAt >= submittedFrom. */
  readonly submittedFrom?: number;
  /** submittedAt < submittedTo. */
  readonly submittedTo?: number;
}

export interface ServerFilter {
  readonly groupId?: string;
  readonly status?: ServerStatus;
  readonly mode?: ServerMode;
}

/** A RUNNING procedure and the step the executor should drive next. */
export interface RunnableStep {
  readonly procedure: Procedure;
  readonly step: number;
  readonly record: StepRecord;
}

/**
 * Read-only queries for the executor and the API. Lists come back in a
 * fixed order (procedures by submission, everything else by id), the same
 * on every replica and after a restore.
 */

/** @internal */
export function listProcedures(s: ModelState, f: ProcedureFilter = {}): Procedure[] {
  return [...s.procedures.values()].filter(
    (p) =>
      (f.state === undefined || p.state === f.state) &&
      (f.lockKey === undefined || p.lockKeys.includes(f.lockKey)) &&
      (f.name === undefined || p.name === f.name) &&
      (f.submittedFrom === undefined || p.submittedAt >= f.submittedFrom) &&
      (f.submittedTo === undefined || p.submittedAt < f.submittedTo),
  );
}

/** @internal */
export function runnableSteps(s: ModelState): RunnableStep[] {
  const out: RunnableStep[] = [];
  for (const p of s.procedures.values()) {
    const record = p.steps[p.current];
    if (p.state === 'RUNNING' && record !== undefined)
      out.push({ procedure: p, step: p.current, record });
  }
  return out;
}

/** @internal */
export function listServers(s: ModelState, f: ServerFilter = {}): Server[] {
  return [...s.farm.servers.values()]
    .filter(
      (v) =>
        (f.groupId === undefined || v.groupId === f.groupId) &&
        (f.status === undefined || v.status === f.status) &&
        (f.mode === undefined || v.mode === f.mode),
    )
    .sort((a, b) => compareStrings(a.uuid, b.uuid));
}

/** @internal */
export function serverByAddress(s: ModelState, address: string): Server | undefined {
  const uuid = s.farm.addresses.get(address);
  return uuid === undefined ? undefined : s.farm.servers.get(uuid);
}

/** @internal */
export function sortedGroups(s: ModelState): Group[] {
  return [...s.farm.groups.values()].sort((a, b) => compareStrings(a.id, b.id));
}

/** @internal */
export function sortedShardMaps(s: ModelState): ShardMap[] {
  return [...s.farm.shardMaps.values()].sort((a, b) => a.id - b.id);
}

/** @internal */
export function sortedShardTables(s: ModelState, mapId?: number): ShardTable[] {
  return [...s.farm.shardTables.values()]
    .filter((t) => mapId === undefined || t.mapId === mapId)
    .sort((a, b) => compareStrings(a.table, b.table));
}

/** @internal */
export function sortedShards(s: ModelState, mapId?: number): Shard[] {
  return [...s.farm.shards.values()]
    .filter((v) => mapId === undefined || v.mapId === mapId)
    .sort((a, b) => a.id - b.id);
}

/** @internal */
export function sortedNodes(s: ModelState): FabricNode[] {
  return [...s.nodes.values()].sort((a, b) => compareStrings(a.id, b.id));
}
