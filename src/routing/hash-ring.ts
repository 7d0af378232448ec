/**
 * The HASH ring: digests are 128-bit unsigned integers, and the space wraps
 * (a digest below every bound belongs to the shard with the largest bound).
 */
export const RING_SIZE = 2n ** 128n;

/** Lowest point on the ring, the first shard's default bound. */
export const RING_START = '0'.repeat(32);

/** @internal */
export function hexToRing(hex: string): bigint {
  return BigInt(`0x${hex}`);
}

/** @internal Canonical (zero-padded, lowercase) text of a ring point. */
export function ringToHex(n: bigint): string {
  return (((n % RING_SIZE) + RING_SIZE) % RING_SIZE).toString(16).padStart(32, '0');
}

/**
 * The midpoint of the arc from `from` going up to `to`, wrapping past the top of the
 * ring when `to` ≤ `from` (so `to` = `from` is the whole ring). Rounds down.
 */
export function arcMidpoint(from: bigint, to: bigint): bigint {
  const length = to > from ? to - from : to - from + RING_SIZE;
  return (from + length / 2n) % RING_SIZE;
}

/**
 * The bound add-shard gives a new HASH shard by default, so shards split the ring
 * evenly (Fabric used MD5(group_id), which places shards by chance and can leave
 * them very uneven). The first shard starts the ring at 0; each next one goes at the
 * midpoint of the largest gap between neighbours (wrapping), ties to the lowest
 * resulting bound. So 2^k shards split it into exactly equal parts.
 *
 * `existing` are canonical HASH bounds, in any order.
 */
export function evenHashBound(existing: readonly string[]): string {
  const points = [...new Set(existing.map(hexToRing))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (points.length === 0) return RING_START;
  let best = { gap: -1n, mid: 0n };
  for (let i = 0; i < points.length; i++) {
    const from = points[i] ?? 0n;
    const to = points[(i + 1) % points.length] ?? from;
    const gap = to > from ? to - from : to - from + RING_SIZE;
    const mid = arcMidpoint(from, to);
    if (gap > best.gap || (gap === best.gap && mid < best.mid)) best = { gap, mid };
  }
  return ringToHex(best.mid);
}
