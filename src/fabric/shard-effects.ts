import { QUIET, ROUTING_CHANGED, broken, obj } from './effect-outcome.js';
import type { EffectOutcome } from './effect-outcome.js';
import type { ShardEffect } from './effects.js';
import type { Farm } from './farm.js';
import { mapsWithGlobalGroup, shardOfGroup } from './farm.js';
import { isRejection, needGroup, needShard, needShardMap } from './farm-lookups.js';
import type { ShardState } from './farm-types.js';
import { checkNewBound } from './shard-bounds.js';
import { shardColumnProblem, shardTableProblem } from './shard-names.js';

/**
 * Shard effects (mysql-fabric.md §5), model only: the data movement is the
 * executor's. Every one of them changes what connectors route on.
 *
 * Not modelled here: "add_shard only while the map has no shards" is a rule
 * of the add-shard procedure, since split_shard adds shards to a live map.
 *
 * @internal
 */
export function applyShardEffect(f: Farm, e: ShardEffect): EffectOutcome {
  switch (e.type) {
    case 'shard-map-create':
      return createMap(f, e);
    case 'shard-map-remove':
      return removeMap(f, e.mapId);
    case 'shard-table-add':
      return addTable(f, e);
    case 'shard-table-remove':
      return removeTable(f, e.table);
    case 'shard-add':
      return addShard(f, e);
    case 'shard-remove':
      return removeShard(f, e.shardId);
    case 'shard-set-group':
      return moveShard(f, e.shardId, e.groupId);
    case 'shard-set-state':
      return setShardState(f, e.shardId, e.state);
  }
}

type Of<T extends ShardEffect['type']> = Extract<ShardEffect, { type: T }>;

function createMap(f: Farm, e: Of<'shard-map-create'>): EffectOutcome {
  if (f.shardMaps.has(e.mapId))
    return broken('SHARD_MAP_EXISTS', obj.shardMap(e.mapId), 'id-unique', 'already exists');
  if (e.mapId <= f.highestShardMapId)
    return broken(
      'SHARD_MAP_EXISTS',
      obj.shardMap(e.mapId),
      'id-never-reused',
      `the id belonged to a removed map; the next free id is ${f.highestShardMapId + 1}`,
    );
  const g = needGroup(f, e.globalGroupId);
  if (isRejection(g)) return g;
  const shard = shardOfGroup(f, g.id);
  if (shard !== undefined)
    return broken(
      'GROUP_IN_USE',
      obj.group(g.id),
      'global-not-shard',
      `holds shard ${shard.id}, so it cannot be a global group`,
    );
  f.shardMaps.set(e.mapId, { id: e.mapId, type: e.mapType, globalGroupId: g.id });
  f.highestShardMapId = e.mapId;
  return ROUTING_CHANGED;
}

function removeMap(f: Farm, id: number): EffectOutcome {
  const m = needShardMap(f, id);
  if (isRejection(m)) return m;
  const tables = [...f.shardTables.values()].filter((t) => t.mapId === id).length;
  const shards = [...f.shards.values()].filter((s) => s.mapId === id).length;
  if (tables > 0 || shards > 0)
    return broken(
      'SHARD_MAP_IN_USE',
      obj.shardMap(id),
      'remove-empty',
      `still has ${tables} table(s) and ${shards} shard(s)`,
    );
  f.shardMaps.delete(id);
  return ROUTING_CHANGED;
}

function addTable(f: Farm, e: Of<'shard-table-add'>): EffectOutcome {
  const m = needShardMap(f, e.mapId);
  if (isRejection(m)) return m;
  const who = obj.shardTable(e.table);
  const nameProblem = shardTableProblem(e.table);
  if (nameProblem !== undefined) return broken('INVALID_ARGUMENT', who, 'table-name', nameProblem);
  const columnProblem = shardColumnProblem(e.column);
  if (columnProblem !== undefined)
    return broken('INVALID_ARGUMENT', who, 'column-name', columnProblem);
  const existing = f.shardTables.get(e.table);
  if (existing !== undefined)
    return broken('SHARD_TABLE_EXISTS', who, 'table-unique', `is in shard map ${existing.mapId}`);
  f.shardTables.set(e.table, { mapId: m.id, table: e.table, column: e.column });
  return ROUTING_CHANGED;
}

function removeTable(f: Farm, table: string): EffectOutcome {
  if (!f.shardTables.delete(table))
    return broken('SHARD_TABLE_NOT_FOUND', obj.shardTable(table), 'exists', 'no such table');
  return ROUTING_CHANGED;
}

function addShard(f: Farm, e: Of<'shard-add'>): EffectOutcome {
  if (f.shards.has(e.shardId))
    return broken('SHARD_EXISTS', obj.shard(e.shardId), 'id-unique', 'already exists');
  if (e.shardId <= f.highestShardId)
    return broken(
      'SHARD_EXISTS',
      obj.shard(e.shardId),
      'id-never-reused',
      `the id belonged to a removed shard; the next free id is ${f.highestShardId + 1}`,
    );
  const m = needShardMap(f, e.mapId);
  if (isRejection(m)) return m;
  const problem = checkShardGroup(f, e.shardId, e.groupId);
  if (problem !== undefined) return problem;
  const bound = checkNewBound(f, m, e.shardId, e.lowerBound);
  if (!bound.ok) return bound;
  const { shardId: id, mapId, groupId, state } = e;
  // The canonical form is stored, so routing, uniqueness and dumps all see one spelling.
  f.shards.set(id, { id, mapId, lowerBound: bound.bound, groupId, state });
  f.highestShardId = id;
  return ROUTING_CHANGED;
}

/** Fabric's remove_shard: "must be DISABLED first". */
function removeShard(f: Farm, id: number): EffectOutcome {
  const s = needShard(f, id);
  if (isRejection(s)) return s;
  if (s.state !== 'DISABLED')
    return broken(
      'INVALID_TRANSITION',
      obj.shard(id),
      'remove-disabled',
      'is ENABLED; disable it first',
    );
  f.shards.delete(id);
  return ROUTING_CHANGED;
}

function moveShard(f: Farm, id: number, groupId: string): EffectOutcome {
  const s = needShard(f, id);
  if (isRejection(s)) return s;
  if (s.groupId === groupId) return QUIET;
  const problem = checkShardGroup(f, id, groupId);
  if (problem !== undefined) return problem;
  f.shards.set(id, { ...s, groupId });
  return ROUTING_CHANGED;
}

function setShardState(f: Farm, id: number, state: ShardState): EffectOutcome {
  const s = needShard(f, id);
  if (isRejection(s)) return s;
  if (s.state === state) return QUIET;
  f.shards.set(id, { ...s, state });
  return ROUTING_CHANGED;
}

/** A shard's group exists, holds no other shard and is no map's global group. */
function checkShardGroup(f: Farm, shardId: number, groupId: string): EffectOutcome | undefined {
  const g = needGroup(f, groupId);
  if (isRejection(g)) return g;
  const other = shardOfGroup(f, groupId);
  if (other !== undefined && other.id !== shardId)
    return broken(
      'GROUP_IN_USE',
      obj.group(groupId),
      'one-shard-per-group',
      `already holds shard ${other.id}`,
    );
  const map = mapsWithGlobalGroup(f, groupId)[0];
  if (map !== undefined)
    return broken(
      'GROUP_IN_USE',
      obj.group(groupId),
      'shard-not-global',
      `is the global group of shard map ${map.id}, so it cannot hold a shard`,
    );
  return undefined;
}
