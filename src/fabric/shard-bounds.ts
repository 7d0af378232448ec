import { compareBounds, parseBound } from '../routing/index.js';
import type { Rejection } from './apply-result.js';
import { broken, obj } from './effect-outcome.js';
import type { Farm } from './farm.js';
import type { ShardMap, ShardMapType } from './farm-types.js';

/** A canonical bound, or why the text is not one for the map's type. @internal */
export type BoundCheck = { readonly ok: true; readonly bound: string } | Rejection;

/**
 * The canonical lower bound for `text` in map `m` (routing's parseBound),
 * refused when it does not parse for the map's type or when another shard
 * of the map already starts at the same point: "100" and "+100" are one
 * RANGE bound, so uniqueness is decided on the canonical value, not the text.
 *
 * @internal
 */
export function checkNewBound(f: Farm, m: ShardMap, shardId: number, text: string): BoundCheck {
  const parsed = parseBound(m.type, text);
  if (!parsed.ok)
    return broken(
      'INVALID_ARGUMENT',
      obj.shard(shardId),
      'bound-type',
      // routing's reason quotes the text and says what the type allows.
      `not a lower bound for a ${m.type} map: ${parsed.reason}`,
    );
  const twin = [...f.shards.values()].find(
    (s) => s.mapId === m.id && compareBounds(m.type, s.lowerBound, parsed.value) === 0,
  );
  if (twin !== undefined)
    return broken(
      'SHARD_EXISTS',
      obj.shard(shardId),
      'bound-unique',
      `shard ${twin.id} of map ${m.id} already has lower bound '${twin.lowerBound}'`,
    );
  return { ok: true, bound: parsed.value };
}

/** Why a stored bound is not canonical for its map's type, if it is not (model-invariants.ts). @internal */
export function boundProblem(type: ShardMapType, bound: string): string | undefined {
  const parsed = parseBound(type, bound);
  if (!parsed.ok) return parsed.reason;
  return parsed.value === bound ? undefined : `not canonical (${parsed.value})`;
}
