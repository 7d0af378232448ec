import type { FabricModel } from '../../fabric/index.js';
import type { ServerHandle } from '../../mysql/index.js';

/** How farm procedures reach a managed server (src/mysql's ServerPool satisfies it). */
export interface ServerConnector {
  /** With expectedUuid, every new connection is checked to be that server (a reused address is caught). */
  server(address: string, expectedUuid?: string): ServerHandle;
  /** Drops pooled connections to an address (a removed server). */
  forget(address: string): Promise<void>;
}

/** Which fence a failover relies on ([ha] fence; see FENCE_MODES in the node's config). */
export type FenceMode = 'none' | 'command' | 'semi-sync';

/** The primary a failover must fence: it is unreachable from Fabric, maybe not dead. */
export interface FenceTarget {
  readonly group: string;
  readonly uuid: string;
  readonly address: string;
}

/**
 * How a failover makes sure the old primary takes no more writes before
 * another is promoted (STONITH). fabric-ha cannot reach that primary, so
 * the means is the operator's: a program ('command'), or a semi-synchronous
 * primary that cannot commit without a replica ('semi-sync').
 */
export interface Fencer {
  readonly mode: FenceMode;
  /**
   * 'command': runs the operator's program for `target`; resolves with
   * what it printed, rejects with FENCE_FAILED (non-zero exit, timeout,
   * not found). Runs again if a new leader resumes the step: the program
   * must be idempotent.
   */
  fence(target: FenceTarget, signal: AbortSignal): Promise<string>;
}

/**
 * rpl_semi_sync_master_timeout for fence = 'semi-sync': about 49 days, so
 * a primary that lost every replica blocks its commits rather than fall
 * back to asynchronous replication after the default 10 s (MariaDB manual,
 * Semisynchronous Replication) and acknowledge writes a failover loses.
 */
export const LOSSLESS_SEMI_SYNC_TIMEOUT_MS = 4_294_967_295;

/** What the farm procedures work with, on the leader. */
export interface FarmDeps {
  /**
   * The replicated model as this node applied it. A step runs after the
   * executor's ReadIndex round (ExecutorPort.confirmLeadership), so what it
   * reads here includes every command committed before it acts.
   */
  readonly model: FabricModel;
  readonly servers: ServerConnector;
  /** [ha] switchover_timeout_ms. */
  readonly switchoverTimeoutMs: number;
  /** [failure_detector] failover_cooldown_s, in ms. */
  readonly failoverCooldownMs: number;
  /** How long a failover's last look at the dead primary waits ([failure_detector] probe_timeout_ms). */
  readonly finalProbeTimeoutMs: number;
  readonly fencer: Fencer;
  /**
   * Deliberately broken variants, for the simulator only: it must catch
   * each one (a check that cannot fail proves nothing). Never set in a
   * node process.
   */
  readonly unsafe?: UnsafeVariants;
}

/** See FarmDeps.unsafe. */
export interface UnsafeVariants {
  /** group.failover promotes without running the fence ([ha] fence) on the old primary. */
  readonly promoteWithoutFence?: boolean;
}
