import type * as grpc from '@grpc/grpc-js';
import type { ServerServiceHandlers } from '../gen/fabric/v1/ServerService.js';
import type { ServerServiceLookupUuidRequest__Output } from '../gen/fabric/v1/ServerServiceLookupUuidRequest.js';
import type { ServerServiceLookupUuidResponse } from '../gen/fabric/v1/ServerServiceLookupUuidResponse.js';
import type { ServerServiceSetModeRequest__Output } from '../gen/fabric/v1/ServerServiceSetModeRequest.js';
import type { ServerServiceSetStatusRequest__Output } from '../gen/fabric/v1/ServerServiceSetStatusRequest.js';
import type { ServerServiceSetWeightRequest__Output } from '../gen/fabric/v1/ServerServiceSetWeightRequest.js';
import { SERVER_MODES, SERVER_STATUSES } from '../fabric/index.js';
import type { ServerMode, ServerStatus } from '../fabric/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { FarmApi } from './farm-api.js';
import { modeFromProto, statusFromProto } from './farm-proto.js';
import { requireServerRef, requireWeight } from './farm-validate.js';
import type { PeerChannels } from './forward.js';
import type { NodeApi } from './node-api.js';
import { mutation } from './procedure-call.js';
import type { MutationRequest, MutationSpec } from './procedure-call.js';
import type { ProcedureApi } from './procedure-service.js';
import { unary } from './unary.js';
import { requireAddress } from './validate.js';

/**
 * fabric.v1.ServerService. Mutations run as procedures on the leader
 * (followers forward). LookupUuid asks the MySQL server itself, not the
 * replicated model, so it needs no ReadIndex round.
 */
export function serverServiceHandlers(
  node: NodeApi,
  procedures: ProcedureApi,
  farm: FarmApi,
  peers: PeerChannels,
): ServerServiceHandlers {
  const run = <Req extends MutationRequest>(spec: MutationSpec<Req>) =>
    mutation(node, procedures, peers, spec);
  return {
    SetStatus: run<ServerServiceSetStatusRequest__Output>({
      procedure: 'server.set-status',
      args: (r) => {
        requireServerRef('server', r.server);
        return {
          server: r.server,
          status: requireStatus(r),
          ...(r.update_only ? { updateOnly: true } : {}),
        };
      },
    }),
    SetWeight: run<ServerServiceSetWeightRequest__Output>({
      procedure: 'server.set-weight',
      args: (r) => {
        requireServerRef('server', r.server);
        requireWeight('weight', r.weight);
        return { server: r.server, weight: r.weight };
      },
    }),
    SetMode: run<ServerServiceSetModeRequest__Output>({
      procedure: 'server.set-mode',
      args: (r) => {
        requireServerRef('server', r.server);
        return { server: r.server, mode: requireMode(r) };
      },
    }),
    LookupUuid: unary<ServerServiceLookupUuidRequest__Output, ServerServiceLookupUuidResponse>(
      node,
      async ({ request }) => {
        requireAddress('address', request.address);
        return { uuid: await farm.lookupUuid(request.address) };
      },
    ),
  } satisfies grpc.UntypedServiceImplementation;
}

/** A status is required; which ones a server may be set to is the procedure's rule. */
function requireStatus(r: ServerServiceSetStatusRequest__Output): ServerStatus {
  const status = statusFromProto('status', r.status);
  if (status === undefined) throw required('status', SERVER_STATUSES);
  return status;
}

function requireMode(r: ServerServiceSetModeRequest__Output): ServerMode {
  const mode = modeFromProto('mode', r.mode);
  if (mode === undefined) throw required('mode', SERVER_MODES);
  return mode;
}

function required(field: string, allowed: readonly string[]): FabricError {
  return new FabricError(
    'INVALID_ARGUMENT',
    `${field} is required: use one of ${allowed.join(', ')}`,
    { field },
  );
}
