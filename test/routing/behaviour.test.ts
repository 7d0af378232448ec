/** routing: behaviour of the small pieces (orders, bound sets, split points, refusals). */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  MAPPING_TYPES,
  checkSplitValue,
  compareBounds,
  evenHashBound,
  isMappingType,
  parseBounds,
  routeKey,
  splitPoint,
} from '../../src/routing/index.js';

const hex = (lead: string): string => lead.padEnd(32, '0');

test('routing: the mapping types keep mysqlfabric names', () => {
  assert.deepEqual(MAPPING_TYPES, ['RANGE', 'RANGE_STRING', 'RANGE_DATETIME', 'HASH']);
  assert.ok(isMappingType('HASH'));
  assert.ok(!isMappingType('hash'));
  assert.ok(!isMappingType('RANGE_INTEGER'));
});

test('routing: RANGE_STRING orders UTF-8 bytes, not UTF-16 code units', () => {
  // U+10000 is "\uD800\uDC00": below U+FFFF for JS `<`, above it as UTF-8 bytes.
  assert.equal(['\u{10000}', '\uffff'].sort()[0], '\u{10000}'); // JS default sort: code units
  assert.ok(compareBounds('RANGE_STRING', '\u{10000}', '\uffff') > 0);
  assert.ok(compareBounds('RANGE_STRING', '\u{1F600}', '\ue000') > 0);
  assert.ok(compareBounds('RANGE_STRING', 'a', 'ab') < 0);
  assert.ok(compareBounds('RANGE_STRING', '', '\u0000') < 0);
  assert.equal(compareBounds('RANGE_STRING', '\u{1F600}x', '\u{1F600}x'), 0);
});

test('routing: RANGE compares as signed 64-bit integers, not text', () => {
  assert.ok(compareBounds('RANGE', '9', '10') < 0);
  assert.ok(compareBounds('RANGE', '-10', '-9') < 0);
  assert.ok(compareBounds('RANGE', '9223372036854775807', '9223372036854775806') > 0);
});

test('routing: parseBounds canonicalises, sorts and refuses duplicates', () => {
  assert.deepEqual(parseBounds('RANGE', ['100', '-5', '007']), {
    ok: true,
    value: ['-5', '7', '100'],
  });
  const dup = parseBounds('RANGE', ['7', '007']);
  assert.equal(dup.ok, false);
  assert.match(dup.reason, /"7" appears twice/);
  assert.equal(parseBounds('HASH', [hex('A'), hex('a')]).ok, false);
  assert.equal(parseBounds('RANGE_DATETIME', ['2024-01-01', '2024-01-01T00:00:00.000']).ok, false);
  const bad = parseBounds('RANGE', ['1', 'x']);
  assert.equal(bad.ok, false);
  assert.match(bad.reason, /decimal integer/);
  assert.deepEqual(parseBounds('RANGE_STRING', ['\uffff', '\u{10000}', '']), {
    ok: true,
    value: ['', '\uffff', '\u{10000}'],
  });
});

test('routing: a RANGE key below every bound is an error naming the lowest bound', () => {
  const shards = [
    { id: 2, lowerBound: '100' },
    { id: 1, lowerBound: '10' },
  ];
  const r = routeKey('RANGE', shards, 9);
  assert.equal(r.ok, false);
  assert.equal(r.code, 'KEY_BELOW_LOWEST_BOUND');
  assert.match(r.reason, /lowest lower bound "10" \(shard 1\)/);
  assert.deepEqual(routeKey('RANGE', shards, 10n), { ok: true, shardId: 1, point: '10' });
});

test('routing: no shards and invalid keys are typed refusals', () => {
  const none = routeKey('HASH', [], 'k');
  assert.equal(none.ok, false);
  assert.equal(none.code, 'NO_SHARDS');
  const r = routeKey('RANGE', [{ id: 1, lowerBound: '0' }], '1.5');
  assert.equal(r.ok, false);
  assert.equal(r.code, 'KEY_INVALID');
});

test('routing: shards sharing a bound route to the lower id whatever their order', () => {
  const a = { id: 7, lowerBound: '0' };
  const b = { id: 3, lowerBound: '0' };
  assert.deepEqual(routeKey('RANGE', [a, b], 5), { ok: true, shardId: 3, point: '5' });
  assert.deepEqual(routeKey('RANGE', [b, a], 5), { ok: true, shardId: 3, point: '5' });
});

test('routing: HASH digests below every bound wrap to the largest bound', () => {
  // MD5("user-3") = 134ad24e…, below both bounds.
  const shards = [
    { id: 1, lowerBound: hex('8') },
    { id: 2, lowerBound: hex('2') },
  ];
  const r = routeKey('HASH', shards, 'user-3');
  assert.deepEqual(r, { ok: true, shardId: 1, point: '134ad24e99806ca111197065657dbf5e' });
});

test('routing: evenHashBound starts at zero and splits the largest gap, ties to the lowest', () => {
  assert.equal(evenHashBound([]), hex('0'));
  assert.equal(evenHashBound([hex('0')]), hex('8'));
  assert.equal(evenHashBound([hex('8'), hex('0')]), hex('4'));
  assert.equal(evenHashBound([hex('0'), hex('4'), hex('8')]), hex('c'));
  // A lone shard anywhere: the new one goes opposite it on the ring (wrapping).
  assert.equal(evenHashBound([hex('c')]), hex('4'));
  // Largest gap is the wrapping one, from a… over the top to 6…: midpoint 0.
  assert.equal(evenHashBound([hex('6'), hex('a')]), hex('0'));
  // Two largest gaps (2…8 and 8…e): the lower midpoint wins.
  assert.equal(evenHashBound([hex('2'), hex('8'), hex('e')]), hex('5'));
});

test('routing: splitPoint gives the RANGE midpoint and needs an upper bound', () => {
  assert.deepEqual(splitPoint('RANGE', '0', '100'), { ok: true, value: '50' });
  assert.deepEqual(splitPoint('RANGE', '-5', '6'), { ok: true, value: '0' });
  assert.deepEqual(splitPoint('RANGE', '-9223372036854775808', '9223372036854775807'), {
    ok: true,
    value: '-1',
  });
  assert.deepEqual(splitPoint('RANGE', '1', '3'), { ok: true, value: '2' });
  assert.equal(splitPoint('RANGE', '1', '2').ok, false);
  const last = splitPoint('RANGE', '1', undefined);
  assert.equal(last.ok, false);
  assert.match(last.reason, /split value is required/);
  assert.equal(splitPoint('RANGE', 'x', '9').ok, false);
});

test('routing: splitPoint gives the HASH arc midpoint, wrapping for the last shard', () => {
  assert.deepEqual(splitPoint('HASH', hex('4'), hex('8')), { ok: true, value: hex('6') });
  assert.deepEqual(splitPoint('HASH', hex('C'), undefined), { ok: true, value: hex('e') });
  assert.deepEqual(splitPoint('HASH', hex('0'), undefined), { ok: true, value: hex('8') });
  // Upper ≤ lower: the arc runs over the top of the ring (the last shard's wrapped part).
  assert.deepEqual(splitPoint('HASH', hex('c'), hex('4')), { ok: true, value: hex('0') });
  assert.deepEqual(splitPoint('HASH', hex('4'), hex('4')), { ok: true, value: hex('c') });
  const one = 'f'.repeat(32);
  assert.equal(splitPoint('HASH', one, undefined).ok, false);
});

test('routing: splitPoint needs a given value for RANGE_STRING and RANGE_DATETIME', () => {
  for (const type of ['RANGE_STRING', 'RANGE_DATETIME'] as const) {
    const r = splitPoint(type, 'a', 'b');
    assert.equal(r.ok, false);
    assert.match(r.reason, /a split value is required/);
  }
});

test('routing: checkSplitValue wants a value strictly inside the shard', () => {
  assert.deepEqual(checkSplitValue('RANGE_STRING', 'a', 'm', 'f'), { ok: true, value: 'f' });
  assert.equal(checkSplitValue('RANGE_STRING', 'a', 'm', 'a').ok, false);
  assert.equal(checkSplitValue('RANGE_STRING', 'a', 'm', 'm').ok, false);
  assert.deepEqual(checkSplitValue('RANGE', '0', undefined, '0100'), { ok: true, value: '100' });
  assert.deepEqual(
    checkSplitValue('RANGE_DATETIME', '2024-01-01 00:00:00', undefined, '2024-06-01'),
    { ok: true, value: '2024-06-01 00:00:00' },
  );
  assert.equal(
    checkSplitValue('RANGE_DATETIME', '2024-01-01 00:00:00', undefined, '2024-06-01Z').ok,
    false,
  );
  assert.equal(checkSplitValue('HASH', hex('0'), undefined, hex('8')).ok, false);
});
