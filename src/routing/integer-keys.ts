import { accepted, quote, refused } from './mapping-types.js';
import type { Parsed } from './mapping-types.js';

/** RANGE keys and bounds are 64-bit signed integers, like a BIGINT column. */
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

const ALLOWED = `a decimal integer from ${INT64_MIN} to ${INT64_MAX} (optional '-', digits only)`;

/**
 * Decimal text: an optional '-' and digits. No '+', no spaces, no exponent, no
 * fraction: "1e3" or "1.5" as a shard key is a caller's bug, not a value to round.
 * Leading zeros are accepted ("007" is 7, as MySQL's CAST and Python's int() read it)
 * and dropped from the canonical form, so "007" and "7" cannot become two bounds.
 */
const DECIMAL = /^-?[0-9]+$/;

/** Canonical text of a RANGE integer given as text: no leading zeros, no "-0". */
export function parseIntegerText(text: string): Parsed<string> {
  if (!DECIMAL.test(text)) return refused(`${quote(text)} is not ${ALLOWED}`);
  return fromBigInt(BigInt(text));
}

/** Canonical text of a RANGE key given as text, number or bigint. */
export function parseIntegerKey(key: string | number | bigint): Parsed<string> {
  if (typeof key === 'string') return parseIntegerText(key);
  if (typeof key === 'bigint') return fromBigInt(key);
  // Beyond 2^53 a number is already rounded: routing it would route a different key.
  if (!Number.isSafeInteger(key)) return refused(`${key} is not a safe integer; pass a bigint`);
  return fromBigInt(BigInt(key));
}

function fromBigInt(n: bigint): Parsed<string> {
  if (n < INT64_MIN || n > INT64_MAX) return refused(`${n} is not ${ALLOWED}`);
  return accepted(n.toString());
}

/** Signed comparison of two canonical RANGE integers. */
export function compareIntegers(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
