import { observationFromProto, observationToProto } from '../api/detector-service.js';
import type { LeaderClients } from '../api/forward.js';
import type { ReportedObservation } from '../executor/detector/index.js';

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

/** DetectorPeers over the gRPC clients a node already keeps for forwarding (one per address). */
export function grpcDetectorPeers(clients: LeaderClients): DetectorPeers {
  return {
    report: (address, nodeId, observations, timeoutMs) =>
      clients.for(address).detector.report(nodeId, observations.map(observationToProto), timeoutMs),
    probe: async (address, serverUuids, timeoutMs) => {
      const r = await clients.for(address).detector.probe(serverUuids, timeoutMs);
      return { nodeId: r.node_id, observations: r.observations.map(observationFromProto) };
    },
  };
}
