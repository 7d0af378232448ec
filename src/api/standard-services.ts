import type * as grpc from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import { addLazyReflection } from './lazy-reflection.js';

/** Service names reported by the standard health service. */
export const HEALTH_SERVICES = [
  '',
  'fabric.v1.ClusterService',
  'fabric.v1.KvService',
  'fabric.v1.ProcedureService',
  'fabric.v1.GroupService',
  'fabric.v1.ServerService',
  'fabric.v1.ShardingService',
  'fabric.v1.TopologyService',
  'fabric.v1.ThreatService',
  'fabric.v1.DetectorService',
] as const;

/**
 * The standard gRPC health service (grpc.health.v1) and server reflection,
 * so stock tooling (grpcurl, grpc_health_probe, load balancers) works
 * against any node. Health is SERVING once the node has started; it turns
 * NOT_SERVING while the node shuts down.
 */
export function addStandardServices(server: grpc.Server): { setServing(serving: boolean): void } {
  const health = new HealthImplementation(
    Object.fromEntries(HEALTH_SERVICES.map((s) => [s, 'NOT_SERVING' as const])),
  );
  health.addToServer(server);
  addLazyReflection(server);
  return {
    setServing(serving) {
      for (const s of HEALTH_SERVICES) health.setStatus(s, serving ? 'SERVING' : 'NOT_SERVING');
    },
  };
}
