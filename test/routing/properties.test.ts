/**
 * routing: properties over random bound sets. The expected answer is computed by
 * brute force with orders written here independently (bigint, UTF-8 bytes via
 * Buffer.compare, plain text for fixed-width datetimes and hex).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { evenHashBound, hashDigest, parseBound, routeKey } from '../../src/routing/index.js';
import type { MappingType, RoutableShard } from '../../src/routing/index.js';
import { below, randomString, seededRandom } from './helpers.js';

type Rand = () => number;

function reference(type: MappingType, a: string, b: string): number {
  if (type === 'RANGE') return a === b ? 0 : BigInt(a) < BigInt(b) ? -1 : 1;
  if (type === 'RANGE_STRING')
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  return a < b ? -1 : a > b ? 1 : 0;
}

function randomInt64(rand: Rand): string {
  const wide =
    BigInt(Math.floor(rand() * 2 ** 32)) * 2n ** 32n + BigInt(Math.floor(rand() * 2 ** 32));
  const small = BigInt(below(rand, 200) - 100);
  return String(rand() < 0.5 ? small : wide - 2n ** 63n);
}

function randomDatetime(rand: Rand): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const frac = rand() < 0.5 ? '' : `.${p(below(rand, 1_000_000), 6)}`;
  return (
    `${p(1990 + below(rand, 40), 4)}-${p(1 + below(rand, 12))}-${p(1 + below(rand, 28))}` +
    ` ${p(below(rand, 24))}:${p(below(rand, 60))}:${p(below(rand, 60))}${frac}`
  );
}

function randomHex(rand: Rand): string {
  let s = '';
  for (let i = 0; i < 32; i++) s += below(rand, 16).toString(16);
  return s;
}

const GENERATORS: Record<MappingType, (rand: Rand) => string> = {
  RANGE: randomInt64,
  RANGE_STRING: (rand) => randomString(rand, 4),
  RANGE_DATETIME: randomDatetime,
  HASH: randomHex,
};

function randomShards(type: MappingType, rand: Rand): RoutableShard[] {
  const bounds = new Set<string>();
  const n = 1 + below(rand, 12);
  for (let i = 0; i < n; i++) {
    const b = parseBound(type, GENERATORS[type](rand));
    assert.ok(b.ok);
    bounds.add(b.value);
  }
  return [...bounds].map((lowerBound, i) => ({ id: 100 + i, lowerBound }));
}

/** The largest bound ≤ point by brute force, with the wrap rule for HASH. */
function expected(type: MappingType, shards: RoutableShard[], point: string): number | undefined {
  const byBound = [...shards].sort((a, b) => reference(type, a.lowerBound, b.lowerBound));
  const floor = byBound.filter((s) => reference(type, s.lowerBound, point) <= 0).at(-1);
  if (floor !== undefined) return floor.id;
  return type === 'HASH' ? byBound.at(-1)?.id : undefined;
}

for (const type of ['RANGE', 'RANGE_STRING', 'RANGE_DATETIME', 'HASH'] as const) {
  test(`routing: ${type} routes to the largest bound ≤ key for random bound sets`, () => {
    const rand = seededRandom(type.length * 7919);
    for (let round = 0; round < 200; round++) {
      const shards = randomShards(type, rand);
      for (let i = 0; i < 10; i++) {
        // Some range keys are bounds themselves, to hit exact matches.
        const pick = shards[below(rand, shards.length)];
        const key =
          type !== 'HASH' && pick && rand() < 0.3 ? pick.lowerBound : GENERATORS[type](rand);
        const route = routeKey(type, shards, key);
        const point =
          type === 'HASH' ? hashDigest(key) : (parseBound(type, key) as { value: string }).value;
        const want = expected(type, shards, point);
        if (want === undefined) {
          assert.equal(route.ok ? 'ok' : route.code, 'KEY_BELOW_LOWEST_BOUND', key);
        } else {
          assert.deepEqual(route, { ok: true, shardId: want, point }, key);
        }
      }
    }
  });
}

test('routing: evenHashBound gives equal spacing for 2^k shards', () => {
  const bounds: string[] = [];
  for (let k = 0; k <= 7; k++) {
    while (bounds.length < 2 ** k) bounds.push(evenHashBound(bounds));
    const points = bounds.map((b) => BigInt(`0x${b}`)).sort((a, b) => (a < b ? -1 : 1));
    const step = 2n ** 128n / BigInt(points.length);
    points.forEach((p, i) => {
      assert.equal(p, step * BigInt(i), `2^${k} shards, shard ${i}`);
    });
    for (const b of bounds) assert.match(b, /^[0-9a-f]{32}$/);
  }
});

test('routing: evenHashBound is order-independent and fills the largest gap first', () => {
  const rand = seededRandom(5);
  for (let round = 0; round < 100; round++) {
    const existing = Array.from({ length: 1 + below(rand, 6) }, () => randomHex(rand));
    const shuffled = [...existing].reverse();
    const next = evenHashBound(existing);
    assert.equal(evenHashBound(shuffled), next);
    const points = [...new Set(existing)]
      .map((b) => BigInt(`0x${b}`))
      .sort((a, b) => (a < b ? -1 : 1));
    const gaps = points.map(
      (p, i) =>
        ((points[(i + 1) % points.length] ?? p) - p + 2n ** 128n) % 2n ** 128n || 2n ** 128n,
    );
    const largest = gaps.reduce((m, g) => (g > m ? g : m), 0n);
    const n = BigInt(`0x${next}`);
    // The gap a point falls in starts at the largest bound ≤ it (or wraps to the last).
    const atOrBelow = points.filter((p) => p <= n).length;
    const owner = atOrBelow === 0 ? points.length - 1 : atOrBelow - 1;
    assert.equal(gaps[owner], largest, `new bound ${next} splits a largest gap`);
  }
});
