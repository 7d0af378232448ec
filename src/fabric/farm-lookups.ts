import { InvariantViolation } from '../raft/index.js';
import type { Rejection } from './apply-result.js';
import { broken, obj } from './effect-outcome.js';
import type { Farm } from './farm.js';
import type { Group, Server, Shard, ShardMap } from './farm-types.js';

/**
 * Lookups that either find the object or say which one is missing. A
 * missing object is a broken rule like any other: the whole step is refused.
 */

/** @internal */
export function isRejection(v: object): v is Rejection {
  return 'ok' in v && v.ok === false;
}

/** @internal */
export function needGroup(f: Farm, id: string): Group | Rejection {
  return f.groups.get(id) ?? broken('GROUP_NOT_FOUND', obj.group(id), 'exists', 'no such group');
}

/** @internal */
export function needServer(f: Farm, uuid: string): Server | Rejection {
  return (
    f.servers.get(uuid) ?? broken('SERVER_NOT_FOUND', obj.server(uuid), 'exists', 'no such server')
  );
}

/** @internal */
export function needShardMap(f: Farm, id: number): ShardMap | Rejection {
  return (
    f.shardMaps.get(id) ??
    broken('SHARD_MAP_NOT_FOUND', obj.shardMap(id), 'exists', 'no such shard map')
  );
}

/** @internal */
export function needShard(f: Farm, id: number): Shard | Rejection {
  return f.shards.get(id) ?? broken('SHARD_NOT_FOUND', obj.shard(id), 'exists', 'no such shard');
}

/** The group a server belongs to (exists by the farm's invariant). @internal */
export function groupOf(f: Farm, s: Server): Group {
  const g = f.groups.get(s.groupId);
  if (g === undefined) throw new InvariantViolation(`fabric: server ${s.uuid} has no group`);
  return g;
}
