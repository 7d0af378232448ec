import { accepted, refused } from './mapping-types.js';
import type { Parsed } from './mapping-types.js';

/**
 * A lone surrogate has no UTF-8 encoding (TextEncoder would silently turn it into
 * U+FFFD, so two different keys would route as one). Matched per UTF-16 code unit.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` is well-formed UTF-16, i.e. has a UTF-8 encoding. */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * RANGE_STRING keys and bounds are kept verbatim: no trimming, no case folding, no
 * Unicode normalisation (the column stores bytes; any rewrite would move keys between
 * shards). The empty string is allowed and is the lowest possible bound.
 */
export function parseStringText(text: string): Parsed<string> {
  if (!isWellFormed(text)) {
    return refused('a RANGE_STRING value must be well-formed Unicode (it has a lone surrogate)');
  }
  return accepted(text);
}

/**
 * Order of the UTF-8 bytes, which is Unicode code point order. JS `<` compares UTF-16
 * code units instead, which differs above U+FFFF: U+10000 is "\uD800\uDC00" and sorts
 * below U+FFFF in UTF-16 but above it in UTF-8.
 */
export function compareUtf8(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(j) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  // One is a prefix of the other: the shorter sorts first, as bytes do.
  return (a.length - i === 0 ? 0 : 1) - (b.length - j === 0 ? 0 : 1);
}
