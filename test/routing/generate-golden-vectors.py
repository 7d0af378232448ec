#!/usr/bin/env python3
"""Writes golden-vectors.json for test/routing/golden-vectors.test.ts.

Independent of src/routing on purpose: digests come from hashlib, orders from
Python's own int and str comparison (str compares code points, which is UTF-8
byte order), and the expected canonical texts are written out by hand below.
Run: python3 test/routing/generate-golden-vectors.py > test/routing/golden-vectors.json
"""
import hashlib
import json

MAPS = {
    'integers': ('RANGE', [(10, '-1000'), (20, '0'), (30, '1000'), (40, '9000000000000000000')]),
    'strings': ('RANGE_STRING', [(1, '0'), (2, 'M'), (3, 'a'), (4, '\u00e9'), (5, '\ue000'), (6, '\U00010000')]),
    'strings-from-empty': ('RANGE_STRING', [(1, ''), (2, 'n')]),
    'datetimes': ('RANGE_DATETIME', [
        (1, '2020-01-01 00:00:00'), (2, '2024-02-29 12:30:00.500000'), (3, '2025-01-01 00:00:00')]),
    'hashes': ('HASH', [
        (1, '20000000000000000000000000000000'), (2, '80000000000000000000000000000000'),
        (3, 'c0000000000000000000000000000000'), (4, hashlib.md5(b'exact').hexdigest())]),
}

S = lambda s: {'string': s}
N = lambda n: {'number': n}
B = lambda n: {'bigint': str(n)}

# (map, key, expected canonical text or None when the key is refused, reason fragment or None)
KEYS = [
    # RANGE: 64-bit signed integers
    ('integers', S('-1000'), '-1000', None),
    ('integers', S('-1001'), '-1001', None),
    ('integers', N(-1), '-1', None),
    ('integers', S('0'), '0', None),
    ('integers', S('-0'), '0', None),
    ('integers', N(0), '0', None),
    ('integers', S('007'), '7', None),
    ('integers', N(999), '999', None),
    ('integers', N(1000), '1000', None),
    ('integers', B(1000), '1000', None),
    ('integers', N(9007199254740991), '9007199254740991', None),
    ('integers', S('8999999999999999999'), '8999999999999999999', None),
    ('integers', S('9000000000000000000'), '9000000000000000000', None),
    ('integers', B(2**63 - 1), str(2**63 - 1), None),
    ('integers', S(str(-2**63)), str(-2**63), None),
    ('integers', B(-2**63), str(-2**63), None),
    ('integers', S(str(2**63)), None, 'decimal integer'),
    ('integers', B(-2**63 - 1), None, 'decimal integer'),
    ('integers', S('1.5'), None, 'decimal integer'),
    ('integers', S('1e3'), None, 'decimal integer'),
    ('integers', S(''), None, 'decimal integer'),
    ('integers', S(' 7'), None, 'decimal integer'),
    ('integers', S('7 '), None, 'decimal integer'),
    ('integers', S('+7'), None, 'decimal integer'),
    ('integers', S('0x10'), None, 'decimal integer'),
    ('integers', S('-'), None, 'decimal integer'),
    ('integers', N(1.5), None, 'safe integer'),
    ('integers', N(2**53), None, 'safe integer'),
    # RANGE_STRING: UTF-8 byte order; JS code-unit order differs above U+FFFF
    ('strings', S(''), '', None),
    ('strings', S(' x'), ' x', None),
    ('strings', S('0'), '0', None),
    ('strings', S('5abc'), '5abc', None),
    ('strings', S('M'), 'M', None),
    ('strings', S('Zebra'), 'Zebra', None),
    ('strings', S('a'), 'a', None),
    ('strings', S('m'), 'm', None),
    ('strings', S('\u00df'), '\u00df', None),
    ('strings', S('\u00e9'), '\u00e9', None),
    ('strings', S('\u00e9clair'), '\u00e9clair', None),
    ('strings', S('\u00fc'), '\u00fc', None),
    ('strings', S('\u4e2d\u6587'), '\u4e2d\u6587', None),
    ('strings', S('\ue000'), '\ue000', None),
    ('strings', S('\uffff'), '\uffff', None),
    ('strings', S('\U00010000'), '\U00010000', None),
    ('strings', S('\U0001F600'), '\U0001F600', None),
    ('strings', S('e\u0301'), 'e\u0301', None),
    ('strings', S('\ud800'), None, 'lone surrogate'),
    ('strings', S('x\udc00'), None, 'lone surrogate'),
    ('strings', N(5), None, 'must be a string'),
    ('strings-from-empty', S(''), '', None),
    ('strings-from-empty', S('m'), 'm', None),
    ('strings-from-empty', S('n'), 'n', None),
    ('strings-from-empty', S('\U0001F600'), '\U0001F600', None),
    # RANGE_DATETIME: canonical 'YYYY-MM-DD HH:MM:SS[.ffffff]', zones refused
    ('datetimes', S('2019-12-31 23:59:59.999999'), '2019-12-31 23:59:59.999999', None),
    ('datetimes', S('2000-02-29'), '2000-02-29 00:00:00', None),
    ('datetimes', S('2020-01-01'), '2020-01-01 00:00:00', None),
    ('datetimes', S('2020-01-01T00:00:00'), '2020-01-01 00:00:00', None),
    ('datetimes', S('2024-02-29 12:30:00.4999'), '2024-02-29 12:30:00.499900', None),
    ('datetimes', S('2024-02-29 12:30:00.5'), '2024-02-29 12:30:00.500000', None),
    ('datetimes', S('2024-02-29T12:30:00.500000'), '2024-02-29 12:30:00.500000', None),
    ('datetimes', S('2024-12-31 23:59:59'), '2024-12-31 23:59:59', None),
    ('datetimes', S('2025-01-01'), '2025-01-01 00:00:00', None),
    ('datetimes', S('2025-01-01 00:00:00.000'), '2025-01-01 00:00:00', None),
    ('datetimes', S('9999-12-31 23:59:59.999999'), '9999-12-31 23:59:59.999999', None),
    ('datetimes', S('2024-01-01T00:00:00Z'), None, 'time zone'),
    ('datetimes', S('2024-01-01 00:00:00+02:00'), None, 'time zone'),
    ('datetimes', S('2024-01-01T00:00:00.123-05:00'), None, 'time zone'),
    ('datetimes', S('2024-01-01T00:00:00+0530'), None, 'time zone'),
    ('datetimes', S('2023-02-29'), None, 'day 29'),
    ('datetimes', S('1900-02-29'), None, 'day 29'),
    ('datetimes', S('2024-02-30'), None, 'day 30'),
    ('datetimes', S('2024-04-31'), None, 'day 31'),
    ('datetimes', S('2024-13-01'), None, 'month 13'),
    ('datetimes', S('0000-00-00 00:00:00'), None, 'month 0'),
    ('datetimes', S('2024-01-01 24:00:00'), None, 'hour 24'),
    ('datetimes', S('2024-01-01 12:60:00'), None, 'minute 60'),
    ('datetimes', S('2024-01-01 12:00:60'), None, 'second 60'),
    ('datetimes', S('2024-01-01 00:00'), None, 'ISO date-time'),
    ('datetimes', S('2024-1-1'), None, 'ISO date-time'),
    ('datetimes', S('2024-01-01 00:00:00.1234567'), None, 'ISO date-time'),
    ('datetimes', S(''), None, 'ISO date-time'),
    ('datetimes', N(20240101), None, 'must be a string'),
    # HASH: MD5 of str(key) as UTF-8, wrap below the lowest bound to the largest
    ('hashes', S(''), '', None),
    ('hashes', S('0'), '0', None),
    ('hashes', S('1'), '1', None),
    ('hashes', N(1), '1', None),
    ('hashes', B(1), '1', None),
    ('hashes', N(-1), '-1', None),
    ('hashes', S('-1'), '-1', None),
    ('hashes', S('7'), '7', None),
    ('hashes', S('007'), '007', None),
    ('hashes', N(42), '42', None),
    ('hashes', N(-0.0), '0', None),
    ('hashes', N(9007199254740991), '9007199254740991', None),
    ('hashes', B(2**63 - 1), str(2**63 - 1), None),
    ('hashes', B(-2**63), str(-2**63), None),
    ('hashes', B(2**64), str(2**64), None),
    ('hashes', S('exact'), 'exact', None),
    ('hashes', S('hello world'), 'hello world', None),
    ('hashes', S(' spaced '), ' spaced ', None),
    ('hashes', S('\u00e9'), '\u00e9', None),
    ('hashes', S('\u4e2d\u6587'), '\u4e2d\u6587', None),
    ('hashes', S('\U0001F600'), '\U0001F600', None),
    ('hashes', S('2024-01-01 00:00:00'), '2024-01-01 00:00:00', None),
    ('hashes', S('user-3'), 'user-3', None),
    ('hashes', S('user-4'), 'user-4', None),
    ('hashes', S('user-5'), 'user-5', None),
    ('hashes', N(1.5), None, 'safe integer'),
    ('hashes', N(2**53), None, 'safe integer'),
    ('hashes', S('\udc00'), None, 'lone surrogate'),
]

# (type, text, canonical or None)
BOUNDS = [
    ('RANGE', '007', '7'), ('RANGE', '-0', '0'), ('RANGE', '-000', '0'), ('RANGE', '-42', '-42'),
    ('RANGE', str(-2**63), str(-2**63)), ('RANGE', str(2**63 - 1), str(2**63 - 1)),
    ('RANGE', str(2**63), None), ('RANGE', str(-2**63 - 1), None), ('RANGE', '+7', None),
    ('RANGE', '1.5', None), ('RANGE', '1e3', None), ('RANGE', '', None), ('RANGE', ' 7', None),
    ('RANGE_STRING', '', ''), ('RANGE_STRING', ' a ', ' a '), ('RANGE_STRING', '\U0001F600', '\U0001F600'),
    ('RANGE_STRING', '\ud800', None),
    ('RANGE_DATETIME', '2024-02-29', '2024-02-29 00:00:00'),
    ('RANGE_DATETIME', '2024-02-29T01:02:03.04', '2024-02-29 01:02:03.040000'),
    ('RANGE_DATETIME', '2024-02-29 01:02:03.000000', '2024-02-29 01:02:03'),
    ('RANGE_DATETIME', '2024-02-29T01:02:03Z', None), ('RANGE_DATETIME', '2023-02-29', None),
    ('RANGE_DATETIME', '2024-02-29t01:02:03', None),
    ('HASH', 'ABCDEF0123456789ABCDEF0123456789', 'abcdef0123456789abcdef0123456789'),
    ('HASH', '0' * 32, '0' * 32), ('HASH', 'f' * 32, 'f' * 32),
    ('HASH', '0' * 31, None), ('HASH', '0' * 33, None), ('HASH', '0x' + '0' * 30, None),
    ('HASH', 'g' * 32, None), ('HASH', '', None),
]


def order_key(type_name, text):
    if type_name == 'RANGE':
        return int(text)
    return text  # str order is code point order = UTF-8 byte order; hex and datetimes are fixed width


def expect_route(map_name, canonical):
    type_name, shards = MAPS[map_name]
    point = hashlib.md5(canonical.encode('utf-8')).hexdigest() if type_name == 'HASH' else canonical
    below = [s for s in shards if order_key(type_name, s[1]) <= order_key(type_name, point)]
    if below:
        return point, {'ok': True, 'shardId': max(below, key=lambda s: order_key(type_name, s[1]))[0]}
    if type_name == 'HASH':
        return point, {'ok': True, 'shardId': max(shards, key=lambda s: s[1])[0]}
    return point, {'ok': False, 'code': 'KEY_BELOW_LOWEST_BOUND'}


def key_vector(map_name, key, canonical, reason):
    v = {'map': map_name, 'key': key}
    if canonical is None:
        v.update(canonical=None, route={'ok': False, 'code': 'KEY_INVALID'}, reasonIncludes=reason)
        return v
    point, route = expect_route(map_name, canonical)
    v['canonical'] = canonical
    if MAPS[map_name][0] == 'HASH':
        v['digest'] = point
    v['route'] = route
    return v


def main():
    doc = {
        'comment': 'Generated by generate-golden-vectors.py (hashlib MD5, Python orders); do not edit by hand.',
        'maps': {name: {'type': t, 'shards': [{'id': i, 'lowerBound': b} for i, b in shards]}
                 for name, (t, shards) in MAPS.items()},
        'keys': [key_vector(*k) for k in KEYS],
        'bounds': [{'type': t, 'text': x, 'canonical': c} for t, x, c in BOUNDS],
    }
    print(json.dumps(doc, indent=1))


main()
