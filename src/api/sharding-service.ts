import type * as grpc from '@grpc/grpc-js';
import type { ShardingServiceHandlers } from '../gen/fabric/v1/ShardingService.js';
import type { ShardingServiceAddShardRequest__Output } from '../gen/fabric/v1/ShardingServiceAddShardRequest.js';
import type { ShardingServiceAddTableRequest__Output } from '../gen/fabric/v1/ShardingServiceAddTableRequest.js';
import type { ShardingServiceCreateDefinitionRequest__Output } from '../gen/fabric/v1/ShardingServiceCreateDefinitionRequest.js';
import type { ShardingServiceDisableShardRequest__Output } from '../gen/fabric/v1/ShardingServiceDisableShardRequest.js';
import type { ShardingServiceEnableShardRequest__Output } from '../gen/fabric/v1/ShardingServiceEnableShardRequest.js';
import type { ShardingServiceListDefinitionsRequest__Output } from '../gen/fabric/v1/ShardingServiceListDefinitionsRequest.js';
import type { ShardingServiceListDefinitionsResponse } from '../gen/fabric/v1/ShardingServiceListDefinitionsResponse.js';
import type { ShardingServiceListTablesRequest__Output } from '../gen/fabric/v1/ShardingServiceListTablesRequest.js';
import type { ShardingServiceListTablesResponse } from '../gen/fabric/v1/ShardingServiceListTablesResponse.js';
import type { ShardingServiceLookupServersRequest__Output } from '../gen/fabric/v1/ShardingServiceLookupServersRequest.js';
import type { ShardingServiceLookupServersResponse } from '../gen/fabric/v1/ShardingServiceLookupServersResponse.js';
import type { ShardingServiceLookupTableRequest__Output } from '../gen/fabric/v1/ShardingServiceLookupTableRequest.js';
import type { ShardingServiceLookupTableResponse } from '../gen/fabric/v1/ShardingServiceLookupTableResponse.js';
import type { ShardingServiceMoveShardRequest__Output } from '../gen/fabric/v1/ShardingServiceMoveShardRequest.js';
import type { ShardingServiceRemoveDefinitionRequest__Output } from '../gen/fabric/v1/ShardingServiceRemoveDefinitionRequest.js';
import type { ShardingServiceRemoveShardRequest__Output } from '../gen/fabric/v1/ShardingServiceRemoveShardRequest.js';
import type { ShardingServiceRemoveTableRequest__Output } from '../gen/fabric/v1/ShardingServiceRemoveTableRequest.js';
import type { FarmApi } from './farm-api.js';
import { serverToProto } from './farm-proto.js';
import { requireGroupId } from './farm-validate.js';
import type { PeerChannels } from './forward.js';
import type { NodeApi } from './node-api.js';
import { mutation } from './procedure-call.js';
import type { MutationRequest, MutationSpec } from './procedure-call.js';
import type { ProcedureApi } from './procedure-service.js';
import { readFirst } from './server-lookup.js';
import { needShardMap, needShardTable, placeKey } from './shard-lookup.js';
import {
  hintFromProto,
  mapTypeFromProto,
  shardMapToProto,
  shardStateFromProto,
  shardTableToProto,
} from './shard-proto.js';
import { mapAnswer, shardAnswer } from './shard-results.js';
import { requireColumn, requireId, requireKeyText, requireTable } from './shard-validate.js';
import { unary } from './unary.js';

/** Mutations that name only a shard: remove, enable, disable. */
function shardOnly<Req extends MutationRequest & { readonly shard_id: number }>(
  procedure: string,
): MutationSpec<Req> {
  return {
    procedure,
    args: (r) => {
      requireId('shard_id', r.shard_id, 'shard');
      return { shardId: r.shard_id };
    },
  };
}

const createDefinition: MutationSpec<ShardingServiceCreateDefinitionRequest__Output> = {
  procedure: 'sharding.create-definition',
  args: (r) => {
    const type = mapTypeFromProto('type', r.type);
    requireGroupId('global_group_id', r.global_group_id);
    return { type, globalGroup: r.global_group_id };
  },
  answer: mapAnswer,
};

const removeDefinition: MutationSpec<ShardingServiceRemoveDefinitionRequest__Output> = {
  procedure: 'sharding.remove-definition',
  args: (r) => {
    requireId('map_id', r.map_id, 'shard map');
    return { mapId: r.map_id };
  },
};

const addTable: MutationSpec<ShardingServiceAddTableRequest__Output> = {
  procedure: 'sharding.add-table',
  args: (r) => {
    requireId('map_id', r.map_id, 'shard map');
    requireTable('table', r.table);
    requireColumn('column', r.column);
    return { mapId: r.map_id, table: r.table, column: r.column };
  },
};

const removeTable: MutationSpec<ShardingServiceRemoveTableRequest__Output> = {
  procedure: 'sharding.remove-table',
  args: (r) => {
    requireTable('table', r.table);
    return { table: r.table };
  },
};

/**
 * Bound and state are left out when not given, so the procedure places and
 * defaults them. The bound has presence (proto3 optional): "" is a bound,
 * the lowest RANGE_STRING key, not "place it for me".
 */
const addShard: MutationSpec<ShardingServiceAddShardRequest__Output> = {
  procedure: 'sharding.add-shard',
  args: (r) => {
    requireId('map_id', r.map_id, 'shard map');
    requireGroupId('group_id', r.group_id);
    if (r.bound !== undefined) requireKeyText('bound', r.bound, 0);
    const state = shardStateFromProto('state', r.state);
    return {
      mapId: r.map_id,
      group: r.group_id,
      ...(r.bound === undefined ? {} : { bound: r.bound }),
      ...(state === undefined ? {} : { state }),
    };
  },
  answer: shardAnswer,
};

/** MoveShard: 0 for chunk_rows or cutover_timeout_ms means the procedure's default. */
const moveShard: MutationSpec<ShardingServiceMoveShardRequest__Output> = {
  procedure: 'sharding.move-shard',
  args: (r) => {
    requireId('shard_id', r.shard_id, 'shard');
    requireGroupId('group_id', r.group_id);
    return {
      shardId: r.shard_id,
      group: r.group_id,
      ...(r.chunk_rows === 0 ? {} : { chunkRows: r.chunk_rows }),
      ...(r.cutover_timeout_ms === 0 ? {} : { cutoverTimeoutMs: r.cutover_timeout_ms }),
    };
  },
};

/**
 * fabric.v1.ShardingService. Mutations run as procedures on the leader
 * (followers forward); lookups answer from this node's model, after a
 * ReadIndex round unless allow_stale, as GroupService's do.
 */
export function shardingServiceHandlers(
  node: NodeApi,
  procedures: ProcedureApi,
  farm: FarmApi,
  peers: PeerChannels,
): ShardingServiceHandlers {
  const run = <Req extends MutationRequest>(spec: MutationSpec<Req>) =>
    mutation(node, procedures, peers, spec);
  return {
    CreateDefinition: run(createDefinition),
    RemoveDefinition: run(removeDefinition),
    AddTable: run(addTable),
    RemoveTable: run(removeTable),
    AddShard: run(addShard),
    RemoveShard: run(shardOnly<ShardingServiceRemoveShardRequest__Output>('sharding.remove-shard')),
    EnableShard: run(shardOnly<ShardingServiceEnableShardRequest__Output>('sharding.enable-shard')),
    DisableShard: run(
      shardOnly<ShardingServiceDisableShardRequest__Output>('sharding.disable-shard'),
    ),
    MoveShard: run(moveShard),
    ...lookups(node, farm),
  } satisfies grpc.UntypedServiceImplementation;
}

function lookups(
  node: NodeApi,
  farm: FarmApi,
): Pick<
  ShardingServiceHandlers,
  'ListDefinitions' | 'ListTables' | 'LookupTable' | 'LookupServers'
> {
  return {
    ListDefinitions: unary<
      ShardingServiceListDefinitionsRequest__Output,
      ShardingServiceListDefinitionsResponse
    >(node, async ({ request }) => {
      await readFirst(node, request.allow_stale);
      return { maps: farm.view.shardMaps().map(shardMapToProto) };
    }),
    ListTables: unary<ShardingServiceListTablesRequest__Output, ShardingServiceListTablesResponse>(
      node,
      async ({ request }) => {
        // 0 is proto3's "not given": every map's tables.
        const mapId = request.map_id === 0 ? undefined : request.map_id;
        await readFirst(node, request.allow_stale);
        if (mapId !== undefined) needShardMap(farm.view, mapId);
        return { tables: farm.view.shardTables(mapId).map(shardTableToProto) };
      },
    ),
    LookupTable: unary<
      ShardingServiceLookupTableRequest__Output,
      ShardingServiceLookupTableResponse
    >(node, async ({ request }) => {
      requireTable('table', request.table);
      await readFirst(node, request.allow_stale);
      const t = needShardTable(farm.view, request.table);
      return {
        table: shardTableToProto(t),
        map: shardMapToProto(needShardMap(farm.view, t.mapId)),
      };
    }),
    LookupServers: unary<
      ShardingServiceLookupServersRequest__Output,
      ShardingServiceLookupServersResponse
    >(node, async ({ request }) => {
      requireTable('table', request.table);
      const scope = hintFromProto('hint', request.hint);
      // GLOBAL routes no key (mysqlfabric ignores it too), so it may be left out.
      // The empty string is a key like any other (the lowest RANGE_STRING key; HASH digests it);
      // the map's type refuses it where it is not one (RANGE: 'not an integer').
      requireKeyText('key', request.key, 0);
      await readFirst(node, request.allow_stale);
      const view = farm.view;
      const place = placeKey(view, request.table, request.key, scope);
      return {
        servers: view.servers({ groupId: place.groupId }).map(serverToProto),
        shard_id: place.shardId,
        group_id: place.groupId,
        point: place.point,
      };
    }),
  };
}
