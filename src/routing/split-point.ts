import { compareBounds, parseBound } from './bounds.js';
import { arcMidpoint, hexToRing, RING_SIZE, ringToHex } from './hash-ring.js';
import { accepted, quote, refused } from './mapping-types.js';
import type { MappingType, Parsed } from './mapping-types.js';

/**
 * The value split-shard uses when none is given, for the shard [lower, upper)
 * (`upper` undefined for the shard with the largest bound). Fabric computes it for
 * RANGE and HASH only; string and date-time splits need the operator's value.
 *
 * - RANGE: the integer midpoint, rounded down; needs an upper bound (the last
 *   shard's range is open, and a midpoint towards 2^63 would be no split at all).
 * - HASH: the midpoint of the shard's arc. With no upper bound the arc ends at the
 *   top of the ring; an upper bound ≤ lower means the arc wraps past the top (pass
 *   the lowest bound to split the last shard's whole arc, wrap-around included).
 *   Fabric used MD5(MAX(column)) for the last shard, which depends on the data.
 */
export function splitPoint(
  type: MappingType,
  lower: string,
  upper: string | undefined,
): Parsed<string> {
  switch (type) {
    case 'RANGE':
      return integerSplit(lower, upper);
    case 'HASH':
      return hashSplit(lower, upper);
    case 'RANGE_STRING':
    case 'RANGE_DATETIME':
      return refused(`a split value is required for a ${type} mapping (none is computed)`);
  }
}

function integerSplit(lowerText: string, upperText: string | undefined): Parsed<string> {
  if (upperText === undefined) {
    return refused('a split value is required for the last RANGE shard (it has no upper bound)');
  }
  const bounds = parseBoth('RANGE', lowerText, upperText);
  if (!bounds.ok) return bounds;
  const [lower, upper] = bounds.value.map(BigInt) as [bigint, bigint];
  if (upper - lower < 2n) {
    return refused(
      `no integer lies strictly between ${lower} and ${upper}; the shard cannot split`,
    );
  }
  return accepted((lower + (upper - lower) / 2n).toString());
}

function hashSplit(lowerText: string, upperText: string | undefined): Parsed<string> {
  const bounds = parseBoth('HASH', lowerText, upperText ?? lowerText);
  if (!bounds.ok) return bounds;
  const [lower, upper] = bounds.value.map(hexToRing) as [bigint, bigint];
  const to = upperText === undefined ? RING_SIZE : upper;
  const length = to > lower ? to - lower : to - lower + RING_SIZE;
  if (length < 2n)
    return refused(`the HASH arc at ${quote(lowerText)} is one point; it cannot split`);
  return accepted(
    ringToHex(upperText === undefined ? lower + length / 2n : arcMidpoint(lower, upper)),
  );
}

function parseBoth(type: MappingType, lower: string, upper: string): Parsed<readonly string[]> {
  const l = parseBound(type, lower);
  if (!l.ok) return refused(`lower bound: ${l.reason}`);
  const u = parseBound(type, upper);
  if (!u.ok) return refused(`upper bound: ${u.reason}`);
  return accepted([l.value, u.value]);
}

/**
 * Checks an operator's split value for the shard [lower, upper): it must lie
 * strictly inside, as Fabric requires. HASH refuses any given value (Fabric
 * computes it, see {@link splitPoint}). Returns the canonical split value.
 */
export function checkSplitValue(
  type: MappingType,
  lower: string,
  upper: string | undefined,
  value: string,
): Parsed<string> {
  if (type === 'HASH') return refused('a HASH split value is computed; do not give one');
  const v = parseBound(type, value);
  if (!v.ok) return v;
  if (compareBounds(type, v.value, lower) <= 0) {
    return refused(
      `split value ${quote(v.value)} must be above the shard's lower bound ${quote(lower)}`,
    );
  }
  if (upper !== undefined && compareBounds(type, v.value, upper) >= 0) {
    return refused(
      `split value ${quote(v.value)} must be below the next shard's bound ${quote(upper)}`,
    );
  }
  return accepted(v.value);
}
