import { RequestLog } from './dedup.js';
import { emptyFarm } from './farm.js';
import type { Farm } from './farm.js';
import type { FabricNode } from './farm-types.js';
import { LockTable } from './locks.js';
import type { Procedure } from './procedure-types.js';

/**
 * Everything the replicated model holds. The command handlers change it;
 * FabricModel owns it and hands out read-only views.
 *
 * @internal
 */
export interface ModelState {
  /** Replaced as a whole when a step's effects commit (apply-effects.ts). */
  farm: Farm;
  readonly nodes: Map<string, FabricNode>;
  /**
   * In submission (log) order. Invariant: the lock queues list the QUEUED
   * and RUNNING procedures in this order, which is why a snapshot can
   * rebuild them instead of storing them.
   */
  readonly procedures: Map<string, Procedure>;
  readonly locks: LockTable;
  readonly requests: RequestLog;
}

/** @internal */
export function emptyState(): ModelState {
  return {
    farm: emptyFarm(),
    nodes: new Map(),
    procedures: new Map(),
    locks: new LockTable(),
    requests: new RequestLog(),
  };
}

/** QUEUED or RUNNING: holds (or waits for) its locks. @internal */
export function isLive(p: Procedure): boolean {
  return p.state === 'QUEUED' || p.state === 'RUNNING';
}
