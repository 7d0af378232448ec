import type { DetectorPeers } from '../detector/runtime/peers.js';
import type { DetectorServiceProbeRequest } from '../gen/fabric/v1/DetectorServiceProbeRequest.js';
import type { DetectorServiceProbeResponse__Output } from '../gen/fabric/v1/DetectorServiceProbeResponse.js';
import type { DetectorServiceReportRequest } from '../gen/fabric/v1/DetectorServiceReportRequest.js';
import type { DetectorServiceReportResponse__Output } from '../gen/fabric/v1/DetectorServiceReportResponse.js';
import { observationFromProto, observationToProto } from './detector-service.js';
import type { PeerChannels } from './forward.js';

const REPORT = '/fabric.v1.DetectorService/Report';
const PROBE = '/fabric.v1.DetectorService/Probe';

/** DetectorPeers over the channels a node already keeps to its peers (one per address). */
export function grpcDetectorPeers(peers: PeerChannels): DetectorPeers {
  const opts = (timeoutMs: number) => ({ forwarded: false, deadline: Date.now() + timeoutMs });
  return {
    report: async (address, nodeId, observations, timeoutMs) => {
      const req: DetectorServiceReportRequest = {
        node_id: nodeId,
        observations: observations.map(observationToProto),
      };
      const r = await peers.call<DetectorServiceReportResponse__Output>(
        address,
        REPORT,
        req,
        opts(timeoutMs),
      );
      return r.accepted;
    },
    probe: async (address, serverUuids, timeoutMs) => {
      const req: DetectorServiceProbeRequest = { server_uuids: [...serverUuids] };
      const r = await peers.call<DetectorServiceProbeResponse__Output>(
        address,
        PROBE,
        req,
        opts(timeoutMs),
      );
      return { nodeId: r.node_id, observations: r.observations.map(observationFromProto) };
    },
  };
}
