import type { DetectorPeers } from '../detector/runtime/peers.js';
import { observationFromProto, observationToProto } from './detector-service.js';
import type { LeaderClients } from './forward.js';

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
