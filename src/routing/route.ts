import { compareBounds, parseKey } from './bounds.js';
import { hashDigest } from './hash-keys.js';
import { quote } from './mapping-types.js';
import type { MappingType } from './mapping-types.js';

/** What routing needs of a shard: its id and its canonical lower bound. */
export interface RoutableShard {
  readonly id: number;
  readonly lowerBound: string;
}

/** Why a key has no shard. */
export type RouteError = 'KEY_INVALID' | 'KEY_BELOW_LOWEST_BOUND' | 'NO_SHARDS';

/** The shard for a key, or a typed refusal (never a silent guess). */
export type Route =
  | {
      readonly ok: true;
      readonly shardId: number;
      /** The digest for HASH, else the canonical key. */
      readonly point: string;
    }
  | { readonly ok: false; readonly code: RouteError; readonly reason: string };

/**
 * The shard holding `key`: the one with the largest lower bound ≤ the key's point
 * (the canonical key, or its MD5 digest for HASH). `shards` in any order, bounds
 * canonical; should two share a bound, the lower id wins, so the answer does not
 * depend on the order.
 *
 * Below every bound: HASH wraps to the shard with the LARGEST bound, as Fabric's
 * server-side lookup and prune do (Connector/Python picked the smallest, a
 * client/server mismatch we do not copy). RANGE types answer KEY_BELOW_LOWEST_BOUND
 * as Fabric's server does (its connector silently used the last shard).
 */
export function routeKey(
  type: MappingType,
  shards: readonly RoutableShard[],
  key: string | number | bigint,
): Route {
  const k = parseKey(type, key);
  if (!k.ok) return { ok: false, code: 'KEY_INVALID', reason: k.reason };
  const point = type === 'HASH' ? hashDigest(k.value) : k.value;
  const above = (a: RoutableShard, b: RoutableShard): boolean => {
    const c = compareBounds(type, a.lowerBound, b.lowerBound);
    return c > 0 || (c === 0 && a.id < b.id);
  };
  let floor: RoutableShard | undefined;
  let lowest: RoutableShard | undefined;
  let highest: RoutableShard | undefined;
  for (const s of shards) {
    if (compareBounds(type, s.lowerBound, point) <= 0 && (floor === undefined || above(s, floor))) {
      floor = s;
    }
    if (lowest === undefined || !above(s, lowest)) lowest = s;
    if (highest === undefined || above(s, highest)) highest = s;
  }
  if (lowest === undefined || highest === undefined) {
    return { ok: false, code: 'NO_SHARDS', reason: `the ${type} mapping has no shards` };
  }
  if (floor !== undefined) return { ok: true, shardId: floor.id, point };
  if (type === 'HASH') return { ok: true, shardId: highest.id, point };
  return {
    ok: false,
    code: 'KEY_BELOW_LOWEST_BOUND',
    reason:
      `key ${quote(point)} is below the lowest lower bound ${quote(lowest.lowerBound)} ` +
      `(shard ${lowest.id}) of this ${type} mapping`,
  };
}
