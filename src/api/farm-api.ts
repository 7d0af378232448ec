import type { ServerHealth } from '../detector/runtime/server-health.js';
import type {
  FabricNode,
  Group,
  Server,
  ServerFilter,
  Shard,
  ShardMap,
  ShardTable,
} from '../fabric/index.js';

/** The replicated farm as this node has applied it (read-only). */
export interface FarmView {
  readonly topologyEpoch: number;
  groups(): Group[];
  group(id: string): Group | undefined;
  servers(filter?: ServerFilter): Server[];
  server(uuid: string): Server | undefined;
  serverByAddress(address: string): Server | undefined;
  nodes(): FabricNode[];
  /** Shard maps by id. */
  shardMaps(): ShardMap[];
  shardMap(id: number): ShardMap | undefined;
  /** Sharded tables by name, of every map or of one. */
  shardTables(mapId?: number): ShardTable[];
  shardTable(table: string): ShardTable | undefined;
  /** Shards by id, of every map or of one. */
  shards(mapId?: number): Shard[];
  shard(id: number): Shard | undefined;
}

export type { ServerHealth };

/**
 * What GroupService, ServerService and TopologyService need beyond the
 * procedure API (src/node implements it over the model and src/mysql).
 */
export interface FarmApi {
  readonly view: FarmView;
  /** Probes every server of the group now (reads only; any node may answer). */
  health(groupId: string): Promise<ServerHealth[]>;
  /** fabric-ha's identity of the server at `address` (MySQL's server_uuid; MariaDB: the stored UUID, '' if none yet). */
  lookupUuid(address: string): Promise<string>;
  /** Calls `listener` after every batch of entries this node applies; returns the unsubscribe function. */
  onApplied(listener: () => void): () => void;
}
