import type * as grpc from '@grpc/grpc-js';
import type { Server__Output } from '../gen/fabric/v1/Server.js';
import type { ServerFilter } from '../gen/fabric/v1/ServerFilter.js';
import type { Callback, UnaryCaller } from './unary-caller.js';
import { SERVER_MODE, SERVER_STATUS } from './farm-names.js';
import type { ServerModeName, ServerStatusName } from './farm-names.js';
import type { ReadOptions } from './mutation.js';

/** Which servers a lookup returns; every field given must match. */
export interface ServerQuery extends ReadOptions {
  /** By uuid or host:port. */
  readonly server?: string;
  readonly status?: ServerStatusName;
  readonly mode?: ServerModeName;
}

/** The proto filter of a lookup ('' group: every group, where the RPC allows it). */
export function serverFilter(groupId: string, q: ServerQuery): ServerFilter {
  return {
    group_id: groupId,
    server: q.server ?? '',
    status: q.status === undefined ? 'SERVER_STATUS_UNSPECIFIED' : SERVER_STATUS.value(q.status),
    mode: q.mode === undefined ? 'SERVER_MODE_UNSPECIFIED' : SERVER_MODE.value(q.mode),
  };
}

/** The request both LookupServers RPCs (GroupService, TopologyService) take. */
interface LookupServersRequest {
  readonly filter: ServerFilter;
  readonly allow_stale: boolean;
}

type LookupServersRpc = (
  req: LookupServersRequest,
  md: grpc.Metadata,
  opts: grpc.CallOptions,
  cb: Callback<{ servers: Server__Output[] }>,
) => unknown;

/** One LookupServers call, whichever service's stub serves it. */
export async function lookupServers(
  caller: UnaryCaller,
  rpc: LookupServersRpc,
  groupId: string,
  q: ServerQuery,
): Promise<Server__Output[]> {
  const r = await caller.call<{ servers: Server__Output[] }>(
    (md, opts, cb) =>
      rpc({ filter: serverFilter(groupId, q), allow_stale: q.allowStale === true }, md, opts, cb),
    q.timeoutMs,
  );
  return r.servers;
}
