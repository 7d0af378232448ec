import type { Shard__Output } from '../gen/fabric/v1/Shard.js';
import type { ShardMap__Output } from '../gen/fabric/v1/ShardMap.js';
import type { Topology__Output } from '../gen/fabric/v1/Topology.js';
import { isMappingType } from '../routing/index.js';
import type { MappingType } from '../routing/index.js';

/** One shard map of a topology, with what routing needs. */
export interface IndexedMap {
  readonly id: number;
  /** undefined when the server sent a type this connector does not know (routes refuse it). */
  readonly type: MappingType | undefined;
  readonly globalGroup: string;
  /** Its ENABLED shards, the only ones that route (as on the server: a DISABLED shard is hidden). */
  readonly enabled: readonly IndexedShard[];
}

/** A shard as routing sees it: src/routing's RoutableShard plus its group. */
export interface IndexedShard {
  readonly id: number;
  readonly lowerBound: string;
  readonly group: string;
}

/**
 * The sharding part of one topology epoch, indexed: table → map, map →
 * ENABLED shards. Built once per epoch (lazily, by RoutingView), so a
 * shard-keyed statement costs a map lookup and routeKey, nothing more.
 */
export class ShardIndex {
  readonly maps: ReadonlyMap<number, IndexedMap>;
  /** 'db.table' → map id. */
  readonly tables: ReadonlyMap<string, number>;

  constructor(t: Topology__Output) {
    const enabled = new Map<number, IndexedShard[]>();
    for (const s of t.shards) {
      if (s.state !== 'SHARD_STATE_ENABLED') continue;
      const list = enabled.get(s.map_id) ?? [];
      list.push(indexShard(s));
      enabled.set(s.map_id, list);
    }
    this.maps = new Map(t.shard_maps.map((m) => [m.id, indexMap(m, enabled.get(m.id) ?? [])]));
    this.tables = new Map(t.shard_tables.map((x) => [x.table, x.map_id]));
  }

  /** The map of a sharded table, or undefined when the table is not sharded. */
  mapOf(table: string): IndexedMap | undefined {
    const id = this.tables.get(table);
    return id === undefined ? undefined : this.maps.get(id);
  }
}

function indexShard(s: Shard__Output): IndexedShard {
  return { id: s.id, lowerBound: s.lower_bound, group: s.group_id };
}

function indexMap(m: ShardMap__Output, enabled: readonly IndexedShard[]): IndexedMap {
  const name = m.type.replace(/^SHARD_MAPPING_TYPE_/, '');
  return {
    id: m.id,
    type: isMappingType(name) ? name : undefined,
    globalGroup: m.global_group_id,
    enabled,
  };
}
