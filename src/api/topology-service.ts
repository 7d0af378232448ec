import type * as grpc from '@grpc/grpc-js';
import type { TopologyServiceHandlers } from '../gen/fabric/v1/TopologyService.js';
import type { TopologyServiceDumpRequest__Output } from '../gen/fabric/v1/TopologyServiceDumpRequest.js';
import type { TopologyServiceDumpResponse } from '../gen/fabric/v1/TopologyServiceDumpResponse.js';
import type { TopologyServiceLookupServersRequest__Output } from '../gen/fabric/v1/TopologyServiceLookupServersRequest.js';
import type { TopologyServiceLookupServersResponse } from '../gen/fabric/v1/TopologyServiceLookupServersResponse.js';
import { fabricNodesOf } from './fabric-nodes.js';
import type { FarmApi } from './farm-api.js';
import { serverToProto, topologyToProto } from './farm-proto.js';
import type { NodeApi } from './node-api.js';
import { lookupServers, readFirst } from './server-lookup.js';
import { WatchStream } from './topology-watch-stream.js';
import { unary } from './unary.js';

export interface TopologyServiceOptions {
  /**
   * Aborted when the node shuts down: open Watch streams end with
   * UNAVAILABLE (SHUTTING_DOWN) so clients reconnect elsewhere, and the
   * gRPC server's graceful shutdown is not held up by them.
   */
  readonly shutdown?: AbortSignal;
}

/** fabric.v1.TopologyService: the routing view from any node (reads after a ReadIndex round unless allow_stale). */
export function topologyServiceHandlers(
  node: NodeApi,
  farm: FarmApi,
  opts: TopologyServiceOptions = {},
): TopologyServiceHandlers {
  const watch: TopologyServiceHandlers['Watch'] = (call) => {
    new WatchStream(call, node, farm, opts.shutdown).start();
  };
  return {
    Dump: unary<TopologyServiceDumpRequest__Output, TopologyServiceDumpResponse>(
      node,
      async ({ request }) => {
        await readFirst(node, request.allow_stale);
        return { topology: topologyToProto(farm.view, fabricNodesOf(node)) };
      },
    ),
    LookupServers: unary<
      TopologyServiceLookupServersRequest__Output,
      TopologyServiceLookupServersResponse
    >(node, async ({ request }) => {
      await readFirst(node, request.allow_stale);
      return { servers: lookupServers(farm.view, request.filter, false).map(serverToProto) };
    }),
    Watch: watch,
  } satisfies grpc.UntypedServiceImplementation;
}
