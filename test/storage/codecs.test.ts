import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Entry, Snapshot } from '../../src/raft/index.js';
import {
  RecordProblem,
  crc32c,
  decodeEntry,
  decodeHardState,
  decodeIdentity,
  decodeSnapshotFile,
  decodeSnapshotMetadata,
  encodeEntry,
  encodeHardState,
  encodeIdentity,
  encodeSnapshotFile,
  encodeSnapshotMetadata,
  encodedEntrySize,
  entryKey,
  indexOfEntryKey,
} from '../../src/storage/internal.js';
import { conf, normal } from './helpers.js';

const ENTRIES: Entry[] = [
  normal(1, 1, 'set x=1'),
  { type: 'normal', index: 2, term: 1, data: new Uint8Array(0) },
  conf(3, 2, { type: 'add-voter', nodeId: 'node-2', context: new Uint8Array([1, 2, 3]) }),
  conf(4, 2, { type: 'add-learner', nodeId: 'nœud-3 ☃', context: new Uint8Array(0) }),
  conf(5, 2, { type: 'remove', nodeId: 'node-2' }),
  normal(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'big'),
];

/** Every record with one bit flipped, and every proper prefix of it. */
function damagedCopies(record: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < record.byteLength; i++) {
    for (let bit = 0; bit < 8; bit++) {
      const copy = Buffer.from(record);
      copy[i] = (copy[i] ?? 0) ^ (1 << bit);
      out.push(copy);
    }
    out.push(record.subarray(0, i));
  }
  return out;
}

test('storage: crc32c matches the standard check value and chains', () => {
  const bytes = new TextEncoder().encode('123456789');
  assert.equal(crc32c(bytes), 0xe3069283);
  assert.equal(crc32c(bytes.subarray(4), crc32c(bytes.subarray(0, 4))), 0xe3069283);
});

test('storage: entry records round-trip exactly', () => {
  for (const e of ENTRIES) {
    const record = encodeEntry(e);
    assert.equal(record.byteLength, encodedEntrySize(e));
    assert.deepStrictEqual(decodeEntry(record), e);
  }
});

test('storage: a conf change without context decodes without a context property', () => {
  const decoded = decodeEntry(encodeEntry(conf(7, 1, { type: 'remove', nodeId: 'x' })));
  assert.equal(decoded.type, 'conf');
  assert.equal('context' in decoded.change, false);
});

test('storage: entry records carry a version byte and a checksum', () => {
  const record = encodeEntry(normal(9, 3));
  assert.equal(record[0], 1);
  assert.equal(record.readUInt32BE(1), crc32c(record.subarray(5), crc32c(record.subarray(0, 1))));
});

test('storage: every bit flip or truncation of an entry record is detected', () => {
  for (const e of ENTRIES.slice(0, 5)) {
    for (const bad of damagedCopies(encodeEntry(e))) {
      assert.throws(() => decodeEntry(bad), RecordProblem);
    }
  }
});

test('storage: hard state, snapshot metadata and identity records round-trip and detect damage', () => {
  const hs = { term: 7, vote: 'node-2', commit: 42 };
  const meta = { index: 100, term: 6, conf: { voters: ['a', 'b', 'c'], learners: ['d'] } };
  const id = { clusterId: 'cluster-a', nodeId: 'node-1', formatVersion: 1 };
  assert.deepStrictEqual(decodeHardState(encodeHardState(hs)), hs);
  assert.deepStrictEqual(decodeSnapshotMetadata(encodeSnapshotMetadata(meta)), meta);
  assert.deepStrictEqual(decodeIdentity(encodeIdentity(id)), id);
  for (const bad of damagedCopies(encodeHardState(hs))) {
    assert.throws(() => decodeHardState(bad), RecordProblem);
  }
  for (const bad of damagedCopies(encodeSnapshotMetadata(meta))) {
    assert.throws(() => decodeSnapshotMetadata(bad), RecordProblem);
  }
  for (const bad of damagedCopies(encodeIdentity(id))) {
    assert.throws(() => decodeIdentity(bad), RecordProblem);
  }
});

test('storage: snapshot files round-trip and detect torn or flipped bytes', () => {
  const snap: Snapshot = {
    metadata: { index: 12, term: 3, conf: { voters: ['a'], learners: [] } },
    data: new Uint8Array([5, 4, 3, 2, 1]),
  };
  const file = Buffer.concat(encodeSnapshotFile(snap));
  assert.deepStrictEqual(decodeSnapshotFile(file), snap);
  for (const bad of damagedCopies(file)) {
    assert.throws(() => decodeSnapshotFile(bad), RecordProblem);
  }
  assert.throws(() => decodeSnapshotFile(Buffer.concat([file, Buffer.from([0])])), /torn|bytes/);
});

test('storage: entry keys sort in index order', () => {
  const indexes = [
    0,
    1,
    2,
    255,
    256,
    65_535,
    65_536,
    2 ** 32 - 1,
    2 ** 32,
    2 ** 40 + 3,
    Number.MAX_SAFE_INTEGER,
  ];
  const keys = indexes.map(entryKey);
  const sorted = [...keys].sort((a, b) => Buffer.compare(a, b));
  assert.deepStrictEqual(sorted.map(indexOfEntryKey), indexes);
  assert.equal(indexOfEntryKey(Buffer.from('mhard-state')), undefined);
  assert.equal(indexOfEntryKey(entryKey(5).subarray(0, 8)), undefined);
});
