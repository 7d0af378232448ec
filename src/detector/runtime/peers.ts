import type { ReportedObservation } from '../verdict/index.js';

/** How a node's failure detector talks to the others' (DetectorService). */
export interface DetectorPeers {
  /** Hands this node's observations to the leader at `address`; true when it kept them. */
  report(
    address: string,
    nodeId: string,
    observations: readonly ReportedObservation[],
    timeoutMs: number,
  ): Promise<boolean>;
  /** Asks the node at `address` to probe these servers now. */
  probe(
    address: string,
    serverUuids: readonly string[],
    timeoutMs: number,
  ): Promise<{ readonly nodeId: string; readonly observations: ReportedObservation[] }>;
}
