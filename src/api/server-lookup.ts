import type { Group, Server, ServerFilter as ModelFilter } from '../fabric/index.js';
import type { ServerFilter__Output } from '../gen/fabric/v1/ServerFilter.js';
import { FabricError } from '../util/fabric-error.js';
import type { FarmView } from './farm-api.js';
import { modeFromProto, servedMode, statusFromProto } from './farm-proto.js';
import { requireGroupId, requireServerRef } from './farm-validate.js';
import type { NodeApi } from './node-api.js';

/** Reads see every committed change unless the caller accepts this node's possibly stale view. */
export async function readFirst(node: NodeApi, allowStale: boolean): Promise<void> {
  if (!allowStale) await node.linearizableRead(5_000);
}

export function needGroup(view: FarmView, id: string): Group {
  const g = view.group(id);
  if (g === undefined)
    throw new FabricError('GROUP_NOT_FOUND', `group ${id} does not exist`, { group: id });
  return g;
}

/** A server by uuid or host:port. */
export function findServer(view: FarmView, ref: string): Server | undefined {
  return view.server(ref) ?? view.serverByAddress(ref);
}

/**
 * group.lookup_servers and its farm-wide form: the servers matching every
 * field given. A group or server named but absent is an error (as
 * mysqlfabric's), not an empty answer, so a typo is not mistaken for "no
 * servers".
 */
export function lookupServers(
  view: FarmView,
  filter: ServerFilter__Output | null,
  groupRequired: boolean,
): Server[] {
  const groupId = filter?.group_id ?? '';
  if (groupRequired || groupId !== '') {
    requireGroupId('filter.group_id', groupId);
    needGroup(view, groupId);
  }
  const status = statusFromProto('filter.status', filter?.status ?? 0);
  const mode = modeFromProto('filter.mode', filter?.mode ?? 0);
  const f: ModelFilter = {
    ...(groupId === '' ? {} : { groupId }),
    ...(status === undefined ? {} : { status }),
  };
  // By the mode served (a FAULTY server is OFFLINE), as the answer shows it.
  const servers = (): Server[] =>
    view.servers(f).filter((s) => mode === undefined || servedMode(s) === mode);
  const ref = filter?.server ?? '';
  if (ref === '') return servers();
  requireServerRef('filter.server', ref);
  const s = findServer(view, ref);
  if (s === undefined || (groupId !== '' && s.groupId !== groupId)) {
    throw new FabricError(
      'SERVER_NOT_FOUND',
      groupId === '' ? `server ${ref} does not exist` : `server ${ref} is not in group ${groupId}`,
      { server: ref },
    );
  }
  return servers().filter((v) => v.uuid === s.uuid);
}
