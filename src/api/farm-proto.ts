import type { FabricNode as ProtoFabricNode } from '../gen/fabric/v1/FabricNode.js';
import type { Group as ProtoGroup } from '../gen/fabric/v1/Group.js';
import type { GroupStatus__Output } from '../gen/fabric/v1/GroupStatus.js';
import type { Server as ProtoServer } from '../gen/fabric/v1/Server.js';
import type { ServerHealth as ProtoServerHealth } from '../gen/fabric/v1/ServerHealth.js';
import type { ServerMode__Output } from '../gen/fabric/v1/ServerMode.js';
import type { ServerRole__Output } from '../gen/fabric/v1/ServerRole.js';
import type { ServerStatus__Output } from '../gen/fabric/v1/ServerStatus.js';
import type { Topology as ProtoTopology } from '../gen/fabric/v1/Topology.js';
import type { Group, GroupStatus, Server, ServerMode, ServerStatus } from '../fabric/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { FarmView, ServerHealth } from './farm-api.js';
import { shardMapToProto, shardTableToProto, shardToProto } from './shard-proto.js';

/**
 * The one mapping between the farm model's names and the proto enums.
 * Records keyed by the model's unions, so a status or mode added to the
 * model does not compile until it has a wire value.
 */
const STATUS: Readonly<Record<ServerStatus, ServerStatus__Output>> = {
  PRIMARY: 'SERVER_STATUS_PRIMARY',
  SECONDARY: 'SERVER_STATUS_SECONDARY',
  SPARE: 'SERVER_STATUS_SPARE',
  FAULTY: 'SERVER_STATUS_FAULTY',
  CONFIGURING: 'SERVER_STATUS_CONFIGURING',
};

const MODE: Readonly<Record<ServerMode, ServerMode__Output>> = {
  OFFLINE: 'SERVER_MODE_OFFLINE',
  READ_ONLY: 'SERVER_MODE_READ_ONLY',
  WRITE_ONLY: 'SERVER_MODE_WRITE_ONLY',
  READ_WRITE: 'SERVER_MODE_READ_WRITE',
};

const GROUP_STATUS: Readonly<Record<GroupStatus, GroupStatus__Output>> = {
  ACTIVE: 'GROUP_STATUS_ACTIVE',
  INACTIVE: 'GROUP_STATUS_INACTIVE',
};

const ROLE: Readonly<Record<ServerHealth['role'], ServerRole__Output>> = {
  primary: 'SERVER_ROLE_PRIMARY',
  replica: 'SERVER_ROLE_REPLICA',
  standalone: 'SERVER_ROLE_STANDALONE',
  unknown: 'SERVER_ROLE_UNSPECIFIED',
};

const invert = <K extends string, V extends string>(r: Readonly<Record<K, V>>): ReadonlyMap<V, K> =>
  new Map(Object.entries(r).map(([k, v]) => [v as V, k as K]));
const STATUS_OF = invert(STATUS);
const MODE_OF = invert(MODE);

/**
 * A request's status: undefined when UNSPECIFIED (no filter, or not
 * given); INVALID_ARGUMENT naming the field for a value the model does not
 * know (a newer client's enum number arrives as a number).
 */
export function statusFromProto(
  field: string,
  v: ServerStatus__Output | number,
): ServerStatus | undefined {
  if (v === 'SERVER_STATUS_UNSPECIFIED' || v === 0) return undefined;
  const s = typeof v === 'string' ? STATUS_OF.get(v) : undefined;
  if (s === undefined) throw unknownValue(field, v, Object.keys(STATUS));
  return s;
}

/** A request's mode, as statusFromProto. */
export function modeFromProto(
  field: string,
  v: ServerMode__Output | number,
): ServerMode | undefined {
  if (v === 'SERVER_MODE_UNSPECIFIED' || v === 0) return undefined;
  const m = typeof v === 'string' ? MODE_OF.get(v) : undefined;
  if (m === undefined) throw unknownValue(field, v, Object.keys(MODE));
  return m;
}

function unknownValue(field: string, v: string | number, allowed: readonly string[]): FabricError {
  return new FabricError(
    'INVALID_ARGUMENT',
    `${field} ${JSON.stringify(v)} is invalid: use one of ${allowed.join(', ')}`,
    { field },
  );
}

export function serverToProto(s: Server): ProtoServer {
  return {
    uuid: s.uuid,
    address: s.address,
    group_id: s.groupId,
    status: STATUS[s.status],
    mode: MODE[s.mode],
    weight: s.weight,
    replication: `REPLICATION_STATE_${s.replication ?? 'OK'}`,
    reachability: `REACHABILITY_${s.reachability ?? 'REACHABLE'}`,
  };
}

export function groupToProto(g: Group, view: FarmView): ProtoGroup {
  const primary = g.primary === null ? undefined : view.server(g.primary);
  return {
    id: g.id,
    description: g.description,
    status: GROUP_STATUS[g.status],
    primary_uuid: g.primary ?? '',
    primary_address: primary?.address ?? '',
  };
}

/**
 * The whole routing view as this node has applied it: one model state, so
 * the shards agree with the groups and servers at the same epoch.
 * `fabricNodes` come from the Raft configuration (fabric-nodes.ts), not the farm.
 */
export function topologyToProto(
  view: FarmView,
  fabricNodes: readonly ProtoFabricNode[],
): ProtoTopology {
  return {
    epoch: view.topologyEpoch,
    groups: view.groups().map((g) => groupToProto(g, view)),
    servers: view.servers().map(serverToProto),
    fabric_nodes: [...fabricNodes],
    shard_maps: view.shardMaps().map(shardMapToProto),
    shard_tables: view.shardTables().map(shardTableToProto),
    shards: view.shards().map(shardToProto),
  };
}

export function healthToProto(h: ServerHealth): ProtoServerHealth {
  return {
    uuid: h.uuid,
    address: h.address,
    status: STATUS[h.status],
    mode: MODE[h.mode],
    reachable: h.reachable,
    error: h.error,
    role: ROLE[h.role],
    read_only: h.readOnly,
    replicating_from: h.replicatingFrom,
    io_running: h.ioRunning,
    sql_running: h.sqlRunning,
    io_error: h.ioError,
    sql_error: h.sqlError,
    lag_seconds: h.lagSeconds,
    gtid_executed: h.gtidExecuted,
    issues: [...h.issues],
    semi_sync: h.semiSync,
    fence: h.fence,
    gtid_domain_id: h.gtidDomainId,
    ...(h.globalLink === undefined
      ? {}
      : {
          global_link: {
            global_group: h.globalLink.globalGroup,
            source: h.globalLink.source,
            io_running: h.globalLink.ioRunning,
            sql_running: h.globalLink.sqlRunning,
            io_error: h.globalLink.ioError,
            sql_error: h.globalLink.sqlError,
            lag_seconds: h.globalLink.lagSeconds,
          },
        }),
  };
}
