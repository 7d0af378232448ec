import type * as grpc from '@grpc/grpc-js';
import type { GroupServiceHandlers } from '../gen/fabric/v1/GroupService.js';
import type { GroupServiceActivateRequest__Output } from '../gen/fabric/v1/GroupServiceActivateRequest.js';
import type { GroupServiceAddRequest__Output } from '../gen/fabric/v1/GroupServiceAddRequest.js';
import type { GroupServiceCreateRequest__Output } from '../gen/fabric/v1/GroupServiceCreateRequest.js';
import type { GroupServiceDeactivateRequest__Output } from '../gen/fabric/v1/GroupServiceDeactivateRequest.js';
import type { GroupServiceDemoteRequest__Output } from '../gen/fabric/v1/GroupServiceDemoteRequest.js';
import type { GroupServiceDestroyRequest__Output } from '../gen/fabric/v1/GroupServiceDestroyRequest.js';
import type { GroupServiceHealthRequest__Output } from '../gen/fabric/v1/GroupServiceHealthRequest.js';
import type { GroupServiceHealthResponse } from '../gen/fabric/v1/GroupServiceHealthResponse.js';
import type { GroupServiceLookupGroupsRequest__Output } from '../gen/fabric/v1/GroupServiceLookupGroupsRequest.js';
import type { GroupServiceLookupGroupsResponse } from '../gen/fabric/v1/GroupServiceLookupGroupsResponse.js';
import type { GroupServiceLookupServersRequest__Output } from '../gen/fabric/v1/GroupServiceLookupServersRequest.js';
import type { GroupServiceLookupServersResponse } from '../gen/fabric/v1/GroupServiceLookupServersResponse.js';
import type { GroupServicePromoteRequest__Output } from '../gen/fabric/v1/GroupServicePromoteRequest.js';
import type { GroupServiceRemoveRequest__Output } from '../gen/fabric/v1/GroupServiceRemoveRequest.js';
import type { GroupServiceSetDescriptionRequest__Output } from '../gen/fabric/v1/GroupServiceSetDescriptionRequest.js';
import type { FarmApi } from './farm-api.js';
import { groupToProto, healthToProto, serverToProto } from './farm-proto.js';
import { requireDescription, requireGroupId, requireServerRef } from './farm-validate.js';
import type { PeerChannels } from './forward.js';
import type { NodeApi } from './node-api.js';
import { mutation } from './procedure-call.js';
import type { MutationRequest, MutationSpec } from './procedure-call.js';
import type { ProcedureApi } from './procedure-service.js';
import { lookupServers, needGroup, readFirst } from './server-lookup.js';
import { unary } from './unary.js';
import { requireAddress } from './validate.js';

/** Optional JSON args are left out when unset, so the procedures see the defaults they define. */
const flag = (name: string, on: boolean): Record<string, boolean> => (on ? { [name]: true } : {});
const text = (name: string, v: string): Record<string, string> => (v === '' ? {} : { [name]: v });

/** Mutations that name only a group. */
function groupOnly<Req extends MutationRequest & { readonly group_id: string }>(
  procedure: string,
): MutationSpec<Req> {
  return {
    procedure,
    args: (r) => {
      requireGroupId('group_id', r.group_id);
      return { group: r.group_id };
    },
  };
}

/**
 * fabric.v1.GroupService. Mutations run as procedures on the leader
 * (followers forward); lookups answer from this node, after a ReadIndex
 * round unless allow_stale; Health probes the servers from this node.
 */
export function groupServiceHandlers(
  node: NodeApi,
  procedures: ProcedureApi,
  farm: FarmApi,
  peers: PeerChannels,
): GroupServiceHandlers {
  const run = <Req extends MutationRequest>(spec: MutationSpec<Req>) =>
    mutation(node, procedures, peers, spec);
  return {
    Create: run<GroupServiceCreateRequest__Output>({
      procedure: 'group.create',
      args: (r) => {
        requireGroupId('group_id', r.group_id);
        requireDescription('description', r.description);
        return { group: r.group_id, ...text('description', r.description) };
      },
    }),
    Destroy: run(groupOnly<GroupServiceDestroyRequest__Output>('group.destroy')),
    SetDescription: run<GroupServiceSetDescriptionRequest__Output>({
      procedure: 'group.description',
      args: (r) => {
        requireGroupId('group_id', r.group_id);
        requireDescription('description', r.description);
        return { group: r.group_id, description: r.description };
      },
    }),
    Add: run<GroupServiceAddRequest__Output>(addSpec()),
    Remove: run<GroupServiceRemoveRequest__Output>({
      procedure: 'group.remove',
      args: (r) => {
        requireGroupId('group_id', r.group_id);
        requireServerRef('server', r.server);
        return { group: r.group_id, server: r.server };
      },
    }),
    Promote: run<GroupServicePromoteRequest__Output>(promoteSpec()),
    Demote: run<GroupServiceDemoteRequest__Output>({
      procedure: 'group.demote',
      args: (r) => {
        requireGroupId('group_id', r.group_id);
        return { group: r.group_id, ...flag('updateOnly', r.update_only) };
      },
    }),
    Activate: run(groupOnly<GroupServiceActivateRequest__Output>('group.activate')),
    Deactivate: run(groupOnly<GroupServiceDeactivateRequest__Output>('group.deactivate')),
    LookupGroups: unary<GroupServiceLookupGroupsRequest__Output, GroupServiceLookupGroupsResponse>(
      node,
      async ({ request }) => {
        if (request.group_id !== '') requireGroupId('group_id', request.group_id);
        await readFirst(node, request.allow_stale);
        const view = farm.view;
        const groups =
          request.group_id === '' ? view.groups() : [needGroup(view, request.group_id)];
        return { groups: groups.map((g) => groupToProto(g, view)) };
      },
    ),
    LookupServers: unary<
      GroupServiceLookupServersRequest__Output,
      GroupServiceLookupServersResponse
    >(node, async ({ request }) => {
      await readFirst(node, request.allow_stale);
      return { servers: lookupServers(farm.view, request.filter, true).map(serverToProto) };
    }),
    Health: unary<GroupServiceHealthRequest__Output, GroupServiceHealthResponse>(
      node,
      async ({ request }) => {
        requireGroupId('group_id', request.group_id);
        await readFirst(node, request.allow_stale);
        needGroup(farm.view, request.group_id);
        const rows = await farm.health(request.group_id);
        return { servers: rows.map(healthToProto) };
      },
    ),
  } satisfies grpc.UntypedServiceImplementation;
}

function addSpec(): MutationSpec<GroupServiceAddRequest__Output> {
  return {
    procedure: 'group.add',
    args: (r) => {
      requireGroupId('group_id', r.group_id);
      requireAddress('address', r.address);
      return { group: r.group_id, address: r.address, ...flag('updateOnly', r.update_only) };
    },
  };
}

function promoteSpec(): MutationSpec<GroupServicePromoteRequest__Output> {
  return {
    procedure: 'group.promote',
    args: (r) => {
      requireGroupId('group_id', r.group_id);
      if (r.server !== '') requireServerRef('server', r.server);
      return {
        group: r.group_id,
        ...text('server', r.server),
        ...flag('force', r.force),
        ...flag('updateOnly', r.update_only),
      };
    },
  };
}
