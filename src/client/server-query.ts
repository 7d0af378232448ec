import type { ServerFilter } from '../gen/fabric/v1/ServerFilter.js';
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
