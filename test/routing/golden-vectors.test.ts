/**
 * routing: golden vectors. The expected canonical texts, MD5 digests and shards in
 * golden-vectors.json come from generate-golden-vectors.py (Python hashlib and
 * Python's own orders), not from src/routing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { hashDigest, parseBound, parseKey, routeKey } from '../../src/routing/index.js';
import type { MappingType, RoutableShard } from '../../src/routing/index.js';

type KeyJson = { string: string } | { number: number } | { bigint: string };

interface KeyVector {
  readonly map: string;
  readonly key: KeyJson;
  readonly canonical: string | null;
  readonly digest?: string;
  readonly route: { ok: true; shardId: number } | { ok: false; code: string };
  readonly reasonIncludes?: string;
}

interface Golden {
  readonly maps: Record<string, { type: MappingType; shards: RoutableShard[] }>;
  readonly keys: KeyVector[];
  readonly bounds: { type: MappingType; text: string; canonical: string | null }[];
}

const golden = JSON.parse(
  readFileSync(new URL('golden-vectors.json', import.meta.url), 'utf8'),
) as Golden;

function keyOf(k: KeyJson): string | number | bigint {
  if ('string' in k) return k.string;
  if ('number' in k) return k.number;
  return BigInt(k.bigint);
}

function mapOf(name: string): { type: MappingType; shards: RoutableShard[] } {
  const m = golden.maps[name];
  assert.ok(m, `map ${name}`);
  return m;
}

test('routing: the golden file has at least 60 key vectors covering every type', () => {
  assert.ok(golden.keys.length >= 60, `${golden.keys.length} vectors`);
  const types = new Set(golden.keys.map((v) => mapOf(v.map).type));
  assert.deepEqual([...types].sort(), ['HASH', 'RANGE', 'RANGE_DATETIME', 'RANGE_STRING']);
});

test('routing: the golden maps use canonical bounds', () => {
  for (const { type, shards } of Object.values(golden.maps)) {
    for (const s of shards)
      assert.deepEqual(parseBound(type, s.lowerBound), { ok: true, value: s.lowerBound });
  }
});

test('routing: golden keys give the expected canonical text, digest and shard', () => {
  for (const v of golden.keys) {
    const { type, shards } = mapOf(v.map);
    const key = keyOf(v.key);
    const label = `${v.map} ${JSON.stringify(v.key)}`;
    const parsed = parseKey(type, key);
    const route = routeKey(type, shards, key);
    if (v.canonical === null) {
      assert.equal(parsed.ok, false, label);
      assert.equal(route.ok, false, label);
      // assert.equal narrows: both are the refusal variants from here on.
      assert.equal(route.code, 'KEY_INVALID', label);
      assert.ok(parsed.reason.includes(v.reasonIncludes ?? ''), `${label}: ${parsed.reason}`);
      continue;
    }
    assert.deepEqual(parsed, { ok: true, value: v.canonical }, label);
    if (v.digest !== undefined) assert.equal(hashDigest(v.canonical), v.digest, label);
    const point = v.digest ?? v.canonical;
    if (v.route.ok) {
      assert.deepEqual(route, { ok: true, shardId: v.route.shardId, point }, label);
    } else {
      assert.equal(route.ok, false, label);
      assert.equal(route.code, v.route.code, label);
    }
  }
});

test('routing: golden bounds parse to the expected canonical text or are refused', () => {
  for (const b of golden.bounds) {
    const parsed = parseBound(b.type, b.text);
    const label = `${b.type} ${JSON.stringify(b.text)}`;
    if (b.canonical === null) {
      assert.equal(parsed.ok, false, label);
    } else {
      assert.deepEqual(parsed, { ok: true, value: b.canonical }, label);
    }
  }
});
