/** Shared helpers for the routing tests. */

/** A small seeded PRNG (mulberry32), so every property run replays. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function below(rand: () => number, n: number): number {
  return Math.floor(rand() * n);
}

/** Code points that exercise every UTF-8 length and the U+FFFF / astral boundary. */
const ALPHABET = [
  0x00, 0x20, 0x30, 0x41, 0x61, 0x7f, 0x80, 0xdf, 0xe9, 0x7ff, 0x800, 0x4e2d, 0xd7ff, 0xe000,
  0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff,
];

/** A random well-formed string of up to `maxLength` code points. */
export function randomString(rand: () => number, maxLength: number): string {
  const n = below(rand, maxLength + 1);
  let s = '';
  for (let i = 0; i < n; i++) {
    const cp = ALPHABET[below(rand, ALPHABET.length)] ?? 0x61;
    s += String.fromCodePoint(cp);
  }
  return s;
}
