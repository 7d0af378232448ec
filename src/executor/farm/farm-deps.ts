import type { FabricModel } from '../../fabric/index.js';
import type { ServerHandle } from '../../mysql/index.js';

/** How farm procedures reach a managed server (src/mysql's ServerPool satisfies it). */
export interface ServerConnector {
  /** With expectedUuid, every new connection is checked to be that server (a reused address is caught). */
  server(address: string, expectedUuid?: string): ServerHandle;
  /** Drops pooled connections to an address (a removed server). */
  forget(address: string): Promise<void>;
}

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
}
