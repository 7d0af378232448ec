import { compareDatetimes, parseDatetimeText } from './datetime-keys.js';
import { compareHex, parseHashBound, parseHashKey } from './hash-keys.js';
import { compareIntegers, parseIntegerKey, parseIntegerText } from './integer-keys.js';
import { accepted, quote, refused } from './mapping-types.js';
import type { MappingType, Parsed } from './mapping-types.js';
import { compareUtf8, parseStringText } from './string-keys.js';

/** Canonical text of a lower bound for `type`, or why it is not one (reason names what is allowed). */
export function parseBound(type: MappingType, text: string): Parsed<string> {
  switch (type) {
    case 'RANGE':
      return parseIntegerText(text);
    case 'RANGE_STRING':
      return parseStringText(text);
    case 'RANGE_DATETIME':
      return parseDatetimeText(text);
    case 'HASH':
      return parseHashBound(text);
  }
}

/** Canonical text of a key (what HASH digests and RANGE compares). Numbers must be safe integers; bigint ok; strings parsed per type. */
export function parseKey(type: MappingType, key: string | number | bigint): Parsed<string> {
  switch (type) {
    case 'RANGE':
      return parseIntegerKey(key);
    case 'HASH':
      return parseHashKey(key);
    case 'RANGE_STRING':
    case 'RANGE_DATETIME':
      // Stringifying a number here would order 10 before 9 (or read 2024 as a
      // date): a number for a string/date map is a caller's bug, so say so.
      if (typeof key !== 'string')
        return refused(`a ${type} key must be a string, not ${typeof key}`);
      return type === 'RANGE_STRING' ? parseStringText(key) : parseDatetimeText(key);
  }
}

/**
 * <0, 0, >0 between two canonical bounds/keys of `type`. For HASH, both are
 * bounds or digests (32 lowercase hex), never raw keys.
 */
export function compareBounds(type: MappingType, a: string, b: string): number {
  switch (type) {
    case 'RANGE':
      return compareIntegers(a, b);
    case 'RANGE_STRING':
      return compareUtf8(a, b);
    case 'RANGE_DATETIME':
      return compareDatetimes(a, b);
    case 'HASH':
      return compareHex(a, b);
  }
}

/**
 * Parses a map's lower bounds: each canonicalised, then checked for duplicates
 * (after canonicalisation, so "7" and "007" collide). Returns them in ascending
 * order, which is the order routing and split-shard reason about.
 */
export function parseBounds(
  type: MappingType,
  texts: readonly string[],
): Parsed<readonly string[]> {
  const bounds: string[] = [];
  for (const text of texts) {
    const b = parseBound(type, text);
    if (!b.ok) return b;
    bounds.push(b.value);
  }
  bounds.sort((a, b) => compareBounds(type, a, b));
  for (let i = 1; i < bounds.length; i++) {
    const dup = bounds[i] ?? '';
    if (compareBounds(type, bounds[i - 1] ?? '', dup) === 0) {
      return refused(`lower bound ${quote(dup)} appears twice; each shard needs its own bound`);
    }
  }
  return accepted(bounds);
}
