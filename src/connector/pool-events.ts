import { EventEmitter } from 'node:events';
import type { Topology__Output } from '../gen/fabric/v1/Topology.js';
import type { FailureKind } from './mysql-failure.js';
import type { FallbackReason } from './select-server.js';

/** A newer topology arrived (pushed by TopologyService.Watch). */
export interface TopologyEvent {
  readonly epoch: number;
  /** The epoch routed on before (undefined for the first topology). */
  readonly previousEpoch: number | undefined;
  /** The Fabric node that sent it. */
  readonly fabricNode: string;
  readonly topology: Topology__Output;
}

/** A statement that failed on a group's primary succeeded on the group's current primary. */
export interface FailoverEvent {
  readonly group: string;
  /** The server the statement failed on. */
  readonly from: string;
  /** The server it succeeded on (the same one after a transient failure). */
  readonly to: string;
  readonly epochBefore: number;
  readonly epochAfter: number;
  /** From the first failure to the success. */
  readonly waitedMs: number;
  /** The first failure, as the driver reported it. */
  readonly error: string;
}

/** READ_ONLY statements of a group go to its primary (once per group and epoch). */
export interface FallbackEvent {
  readonly group: string;
  readonly primary: string;
  readonly reason: FallbackReason;
  readonly epoch: number;
}

/** A managed server failed a statement or a connection attempt. */
export interface ServerErrorEvent {
  readonly group: string;
  readonly server: string;
  readonly kind: FailureKind;
  readonly error: Error;
}

/** The outcome of a report to Fabric's ThreatService (report-error). */
export interface ReportEvent {
  readonly server: string;
  readonly error: string;
  /** Reports of the server in Fabric's window, this one included (when Fabric answered). */
  readonly reports?: number;
  readonly reporters?: number;
  /** Whether this report triggered a probe round. */
  readonly probed?: boolean;
  /** Why the report did not reach Fabric. */
  readonly failed?: Error;
}

/** The connector attached to a Fabric node, or lost the one it had. */
export interface FabricNodeEvent {
  readonly address: string;
  readonly state: 'attached' | 'detached';
  /** Why it detached. */
  readonly error?: Error;
}

/** Every event of a FabricPool by name. */
export interface FabricPoolEvents {
  topology: TopologyEvent;
  failover: FailoverEvent;
  fallback: FallbackEvent;
  serverError: ServerErrorEvent;
  report: ReportEvent;
  fabric: FabricNodeEvent;
}

export type FabricPoolEventName = keyof FabricPoolEvents;
export type FabricPoolListener<K extends FabricPoolEventName> = (
  event: FabricPoolEvents[K],
) => void;

/**
 * A typed event emitter. A listener that throws is not allowed to break
 * routing: the error is rethrown on a later tick, as an unhandled error.
 */
export class PoolEvents {
  readonly #emitter = new EventEmitter();

  on<K extends FabricPoolEventName>(name: K, listener: FabricPoolListener<K>): void {
    this.#emitter.on(name, listener);
  }

  once<K extends FabricPoolEventName>(name: K, listener: FabricPoolListener<K>): void {
    this.#emitter.once(name, listener);
  }

  off<K extends FabricPoolEventName>(name: K, listener: FabricPoolListener<K>): void {
    this.#emitter.off(name, listener);
  }

  emit<K extends FabricPoolEventName>(name: K, event: FabricPoolEvents[K]): void {
    try {
      this.#emitter.emit(name, event);
    } catch (e) {
      queueMicrotask(() => {
        throw e;
      });
    }
  }
}
