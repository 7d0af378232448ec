import type * as grpc from '@grpc/grpc-js';
import type { GetRequest__Output } from '../gen/fabric/v1/GetRequest.js';
import type { GetResponse } from '../gen/fabric/v1/GetResponse.js';
import type { KvServiceHandlers } from '../gen/fabric/v1/KvService.js';
import type { PutRequest__Output } from '../gen/fabric/v1/PutRequest.js';
import type { PutResponse } from '../gen/fabric/v1/PutResponse.js';
import { KvStateMachine } from '../kv/kv-state-machine.js';
import type { PeerChannels } from './forward.js';
import type { NodeApi } from './node-api.js';
import { unary } from './unary.js';
import { assignRequestId } from './farm-validate.js';
import { requireLength } from './validate.js';

const PUT_TIMEOUT_MS = 10_000;

/** fabric.v1.KvService: writes go through the leader; reads are linearizable unless allow_stale. */
export function kvServiceHandlers(
  node: NodeApi,
  kv: KvStateMachine,
  peers: PeerChannels,
): KvServiceHandlers {
  return {
    Put: unary<PutRequest__Output, PutResponse>(
      node,
      async ({ request, onLeader }) => {
        requireLength('key', request.key, 1, 512);
        requireLength('value', request.value, 0, 1024 * 1024);
        const requestId = assignRequestId(request);
        return onLeader(async () => {
          const cmd = KvStateMachine.encodePut({
            key: request.key,
            value: request.value,
            requestId,
          });
          const { result } = await node.propose(cmd, PUT_TIMEOUT_MS);
          const r = KvStateMachine.decodeResult(result);
          return {
            version: r.version,
            index: r.index,
            duplicate: r.duplicate,
            request_id: requestId,
          };
        });
      },
      peers,
    ),
    Get: unary<GetRequest__Output, GetResponse>(node, async ({ request }) => {
      requireLength('key', request.key, 1, 512);
      const readIndex = request.allow_stale ? node.applied : await node.linearizableRead(5_000);
      const rec = kv.get(request.key);
      return rec === undefined
        ? { found: false, value: '', version: 0, read_index: readIndex }
        : { found: true, value: rec.value, version: rec.version, read_index: readIndex };
    }),
  } satisfies grpc.UntypedServiceImplementation;
}
