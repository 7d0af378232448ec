import { MAPPING_TYPES } from '../routing/index.js';
import type { MappingType } from '../routing/index.js';

/**
 * The managed farm: groups of MySQL/MariaDB servers, shard maps and shards,
 * plus the Fabric nodes themselves (mysql-fabric.md §4, §5). Records are
 * immutable; the model replaces a record to change it.
 */

export const GROUP_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
/** ACTIVE groups get failure detection (mysql-fabric.md §3); new groups are INACTIVE. */
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/**
 * Server statuses. CONFIGURING is 1.6 trunk's transient status for a server
 * being (re)slaved; PRIMARY and FAULTY are reached only through the promote
 * and failure effects, never through set-status.
 */
export const SERVER_STATUSES = ['PRIMARY', 'SECONDARY', 'SPARE', 'FAULTY', 'CONFIGURING'] as const;
export type ServerStatus = (typeof SERVER_STATUSES)[number];

export const SERVER_MODES = ['OFFLINE', 'READ_ONLY', 'WRITE_ONLY', 'READ_WRITE'] as const;
export type ServerMode = (typeof SERVER_MODES)[number];

/**
 * How a replica's replication looks to the failure detector: OK, LAGGING
 * (Seconds_Behind_Master over [failure_detector] lag_threshold_s) or
 * STOPPED (a replication thread down). Connectors stop reading from a
 * server that is not OK.
 */
export const REPLICATION_STATES = ['OK', 'LAGGING', 'STOPPED'] as const;
export type ReplicationState = (typeof REPLICATION_STATES)[number];

/**
 * Whether fabric-ha reaches a server: REACHABLE, or REPLICAS_ONLY — every
 * Fabric node lost it while its replicas still receive from it (the
 * failure detector's veto: alive, but cut from Fabric; no failover).
 */
export const REACHABILITIES = ['REACHABLE', 'REPLICAS_ONLY'] as const;
export type Reachability = (typeof REACHABILITIES)[number];

/** `s` as REACHABLE: the field is absent (the default), so records stay as they were before it existed. */
export function reachable(s: Server): Server {
  const copy: { -readonly [K in keyof Server]?: Server[K] } = { ...s };
  delete copy.reachability;
  return copy as Server;
}

/**
 * Mapping types, with mysqlfabric's names: RANGE (integer keys),
 * RANGE_STRING, RANGE_DATETIME and HASH. The routing module owns them (it
 * parses bounds and keys per type); the model only names them.
 */
export const SHARD_MAP_TYPES = MAPPING_TYPES;
export type ShardMapType = MappingType;

export const SHARD_STATES = ['ENABLED', 'DISABLED'] as const;
/** Only ENABLED shards are routable; a shard must be DISABLED before it is removed. */
export type ShardState = (typeof SHARD_STATES)[number];

export interface Group {
  readonly id: string;
  readonly description: string;
  readonly status: GroupStatus;
  /**
   * Invariant: null, or the uuid of the one server of this group whose
   * status is PRIMARY. Demote and failure clear it.
   */
  readonly primary: string | null;
  /**
   * The gtid_domain_id every server of this group writes with (MariaDB
   * manual, "GTID": domain_id-server_id-sequence). Each group has its own,
   * so the global group's transactions and a shard group's never share a
   * domain: a shard primary replicating from its own group's history and
   * from the global group over a second connection (multi-source) keeps
   * one gtid_slave_pos entry per domain, each source advancing only its
   * own ("Multi-source replication": every source must use a distinct
   * domain). Assigned by the model (group-assign-gtid-domain), ≥ 1: domain
   * 0 is every server's default and holds whatever was written before.
   * Absent on groups from before the field existed until a procedure
   * assigns it (add, promote, failover); until then the group's servers
   * write in whatever domain they have (0 unless configured).
   * Invariant: unique across the farm's groups.
   */
  readonly gtidDomainId?: number;
}

export interface Server {
  /** @@server_uuid, read by the executor when the server is added. */
  readonly uuid: string;
  /** host:port; unique across the farm. */
  readonly address: string;
  readonly groupId: string;
  readonly status: ServerStatus;
  /**
   * Invariant: one of MODES_BY_STATUS[status] (transitions.ts), except that a
   * FAULTY server keeps the mode it had when it failed.
   */
  readonly mode: ServerMode;
  /** Read load-balancing weight for connectors; finite and > 0, never used in failover. */
  readonly weight: number;
  /** Absent means OK (the state of every new server, and of records from before the field existed). */
  readonly replication?: ReplicationState;
  /** Absent means REACHABLE. */
  readonly reachability?: Reachability;
}

export interface ShardMap {
  /**
   * Fabric's integer mapping id, chosen by the proposer as 1 + the highest
   * id ever used (Farm.highestShardMapId): never reused.
   */
  readonly id: number;
  readonly type: ShardMapType;
  /** The group that holds the unsharded tables and replicates to every shard group. */
  readonly globalGroupId: string;
}

export interface ShardTable {
  readonly mapId: number;
  /** "db.table"; unique across the farm. */
  readonly table: string;
  readonly column: string;
}

export interface Shard {
  /** Chosen as 1 + the highest shard id ever used (Farm.highestShardId): never reused. */
  readonly id: number;
  readonly mapId: number;
  /**
   * Lowest key of the range (RANGE types) or of the hash bucket (HASH), in
   * the routing module's canonical text for the map's type (parseBound).
   * Invariant: parses for the map's type; unique within the map.
   */
  readonly lowerBound: string;
  /** Invariant: a group holds at most one shard and is no map's global group. */
  readonly groupId: string;
  readonly state: ShardState;
}

/** A fabric-ha node, as reported to connectors by dump.fabric_nodes. */
export interface FabricNode {
  readonly id: string;
  readonly address: string;
}
