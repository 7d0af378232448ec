import type { Group, Server, Shard, ShardMap, ShardTable } from './farm-types.js';
import { compareStrings } from './json.js';

/**
 * The farm's mutable container. Records are immutable and replaced to
 * change; `cloneFarm` copies only the maps, so a step's effects can be
 * applied to a draft and the draft kept or dropped as a whole.
 *
 * @internal
 */
export interface Farm {
  /**
   * Increases by one with each committed change that a connector's routing
   * depends on (epoch.ts); connectors compare it to decide to re-read.
   */
  topologyEpoch: number;
  /**
   * The highest gtid_domain_id ever assigned to a group (0: none yet). It
   * never goes down, so a destroyed group's domain is never handed to a new
   * group whose servers could meet the old one's transactions again.
   */
  gtidDomainHigh: number;
  readonly groups: Map<string, Group>;
  readonly servers: Map<string, Server>;
  /** address → uuid. Invariant: exactly the servers' addresses. */
  readonly addresses: Map<string, string>;
  readonly shardMaps: Map<number, ShardMap>;
  readonly shardTables: Map<string, ShardTable>;
  readonly shards: Map<number, Shard>;
  /**
   * The highest shard map id ever created, so a removed map's id is never
   * given to another (a connector caching "map 3" must not route to a new
   * map 3). Invariant: >= every id in shardMaps; never decreases.
   */
  highestShardMapId: number;
  /** As highestShardMapId, for shards. Invariant: >= every id in shards; never decreases. */
  highestShardId: number;
}

/** @internal */
export function emptyFarm(): Farm {
  return {
    topologyEpoch: 0,
    gtidDomainHigh: 0,
    groups: new Map(),
    servers: new Map(),
    addresses: new Map(),
    shardMaps: new Map(),
    shardTables: new Map(),
    shards: new Map(),
    highestShardMapId: 0,
    highestShardId: 0,
  };
}

/** @internal */
export function cloneFarm(f: Farm): Farm {
  return {
    topologyEpoch: f.topologyEpoch,
    gtidDomainHigh: f.gtidDomainHigh,
    groups: new Map(f.groups),
    servers: new Map(f.servers),
    addresses: new Map(f.addresses),
    shardMaps: new Map(f.shardMaps),
    shardTables: new Map(f.shardTables),
    shards: new Map(f.shards),
    highestShardMapId: f.highestShardMapId,
    highestShardId: f.highestShardId,
  };
}

/** The servers of one group, in uuid order. @internal */
export function serversOf(f: Farm, groupId: string): Server[] {
  return [...f.servers.values()]
    .filter((s) => s.groupId === groupId)
    .sort((a, b) => compareStrings(a.uuid, b.uuid));
}

/** The shard maps whose global group is `groupId`. @internal */
export function mapsWithGlobalGroup(f: Farm, groupId: string): ShardMap[] {
  return [...f.shardMaps.values()].filter((m) => m.globalGroupId === groupId);
}

/** The shard held by `groupId`, if any. @internal */
export function shardOfGroup(f: Farm, groupId: string): Shard | undefined {
  return [...f.shards.values()].find((s) => s.groupId === groupId);
}
