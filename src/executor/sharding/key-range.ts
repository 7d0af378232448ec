import type { FabricModel, Shard, ShardMap } from '../../fabric/index.js';
import type { KeyOrder, KeyRange } from '../../mysql/index.js';
import { compareBounds } from '../../routing/index.js';

const ORDERS: Record<ShardMap['type'], KeyOrder> = {
  RANGE: 'integer',
  RANGE_STRING: 'string',
  RANGE_DATETIME: 'datetime',
  HASH: 'hash',
};

/**
 * The shard's keys: from its bound up to the next higher bound of the map
 * (none: the top shard). The top HASH shard also holds the digests below
 * the lowest bound (the ring wraps, as routeKey does).
 */
export function keyRangeOf(
  model: FabricModel,
  map: ShardMap,
  shard: Shard,
): (column: string) => KeyRange {
  const bounds = model
    .shards(map.id)
    .map((s) => s.lowerBound)
    .sort((a, b) => compareBounds(map.type, a, b));
  const upper = bounds.find((b) => compareBounds(map.type, b, shard.lowerBound) > 0);
  const lowest = bounds[0];
  const wraps =
    map.type === 'HASH' &&
    upper === undefined &&
    lowest !== undefined &&
    lowest !== shard.lowerBound;
  return (column) => ({
    column,
    order: ORDERS[map.type],
    lower: shard.lowerBound,
    ...(upper === undefined ? {} : { upper }),
    ...(wraps ? { wrapBelow: lowest } : {}),
  });
}
