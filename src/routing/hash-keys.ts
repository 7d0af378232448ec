import { md5 } from '@noble/hashes/legacy';

import { accepted, quote, refused } from './mapping-types.js';
import type { Parsed } from './mapping-types.js';
import { isWellFormed } from './string-keys.js';

/** A HASH bound is a 16-byte MD5 value written as 32 hex digits. */
const HEX32 = /^[0-9a-fA-F]{32}$/;

/**
 * Canonical HASH bound: the 32 hex digits in lower case (Fabric dumps them upper
 * case via HEX(); both are accepted). Shorter input is refused rather than padded:
 * "8" could mean 0x…08 or 0x80… and the two are half a ring apart.
 */
export function parseHashBound(text: string): Parsed<string> {
  if (!HEX32.test(text)) {
    return refused(`${quote(text)} is not a HASH bound: exactly 32 hex digits (an MD5 value)`);
  }
  return accepted(text.toLowerCase());
}

/**
 * The text Fabric digests for a HASH key: `MD5(key)` of the key as the client sent
 * it, i.e. Python's `str(key)`. Integers are their decimal text; strings are taken
 * verbatim as UTF-8 (no trimming: "007" and "7" are different keys and land on
 * different shards, as they do in Fabric).
 */
export function parseHashKey(key: string | number | bigint): Parsed<string> {
  if (typeof key === 'bigint') return accepted(key.toString());
  if (typeof key === 'number') {
    // A non-integer's text differs between Python and JS (repr vs toString), and a
    // number past 2^53 is already rounded: neither can match what Fabric digested.
    if (!Number.isSafeInteger(key)) {
      return refused(`${key} is not a safe integer; pass a bigint or the key's text`);
    }
    return accepted(String(key)); // String(-0) is "0"
  }
  if (!isWellFormed(key)) {
    return refused('a HASH key string must be well-formed Unicode (it has a lone surrogate)');
  }
  return accepted(key);
}

const utf8 = new TextEncoder();

/** MD5 of the canonical key text's UTF-8 bytes, lowercase 32 hex. */
export function hashDigest(canonicalKey: string): string {
  let hex = '';
  for (const byte of md5(utf8.encode(canonicalKey))) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Order of two canonical HASH bounds or digests: as 16 unsigned bytes, which for
 * fixed-width lowercase hex is plain string order.
 */
export function compareHex(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
