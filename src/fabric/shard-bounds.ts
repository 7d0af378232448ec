import { compareBounds, parseBound } from '../routing/index.js';
import type { Rejection } from './apply-result.js';
import { broken, obj } from './effect-outcome.js';
import type { Farm } from './farm.js';
import type { ShardMap, ShardMapType } from './farm-types.js';

/**
 * What a lower bound of each mapping type looks like, for refusals: the
 * routing module's reason says what is wrong with the text, this says what
 * would have been right.
 */
const BOUND_FORMS: Readonly<Record<ShardMapType, string>> = {
  RANGE: 'an integer, e.g. 1000 or -5',
  RANGE_STRING: 'a string, compared as UTF-8 bytes',
  RANGE_DATETIME: 'an ISO 8601 date-time, e.g. 2024-01-31T00:00:00',
  HASH: '32 hexadecimal digits (an MD5 digest, zero-padded)',
};

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
      `lower bound ${JSON.stringify(text)} is not a ${m.type} bound: ${parsed.reason} (a ${m.type} bound is ${BOUND_FORMS[m.type]})`,
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
