/**
 * Codec: every core message type survives encode/decode exactly, and
 * decoding refuses shapes no correct peer sends, naming the field.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Message } from '../../src/raft/index.js';
import { MESSAGE_TYPES } from '../../src/raft/index.js';
import { isFabricError } from '../../src/util/fabric-error.js';
import {
  WIRE,
  decodeMessage,
  decodeMessageBytes,
  encodeMessage,
} from '../../src/transport/internal.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const BIG = Number.MAX_SAFE_INTEGER;
const base = { from: 'a', to: 'b', term: 7 };

/** One or more samples per core message type, with extreme numbers. */
const SAMPLES: readonly Message[] = [
  {
    ...base,
    type: 'app',
    index: 10,
    logTerm: 6,
    commit: 9,
    entries: [
      { type: 'normal', term: 7, index: 11, data: new Uint8Array(0) }, // leader no-op
      { type: 'normal', term: 7, index: 12, data: bytes('set x=1') },
      { type: 'conf', term: 7, index: 13, change: { type: 'add-voter', nodeId: 'd' } },
      {
        type: 'conf',
        term: 7,
        index: 14,
        change: { type: 'add-learner', nodeId: 'e', context: bytes('10.0.0.5:7000') },
      },
      {
        type: 'conf',
        term: 7,
        index: 15,
        change: { type: 'remove', nodeId: 'e', context: new Uint8Array(0) },
      },
    ],
  },
  { ...base, type: 'app', index: 0, logTerm: 0, commit: 0, entries: [] },
  { ...base, term: BIG, type: 'app-resp', index: BIG, reject: true, hintIndex: BIG, hintTerm: BIG },
  { ...base, type: 'app-resp', index: 3, reject: false, hintIndex: 0, hintTerm: 0 },
  { ...base, type: 'vote', index: 5, logTerm: 4, transfer: true },
  { ...base, type: 'pre-vote', index: 5, logTerm: 4, transfer: false },
  { ...base, type: 'vote-resp', reject: false },
  { ...base, type: 'pre-vote-resp', reject: true },
  { ...base, type: 'heartbeat', commit: 9, context: '' },
  { ...base, type: 'heartbeat', commit: 9, context: 'read-17' },
  { ...base, type: 'heartbeat-resp', context: 'read-17' },
  {
    ...base,
    type: 'snap',
    snapshot: {
      metadata: { index: 100, term: 6, conf: { voters: ['a', 'b', 'c'], learners: ['d'] } },
      data: bytes('state'),
    },
  },
  { ...base, type: 'timeout-now' },
  { ...base, type: 'read-index', context: 'r1' },
  { ...base, type: 'read-index-resp', context: 'r1', index: 42, reject: false },
  { ...base, type: 'read-index-resp', context: 'r2', index: 0, reject: true },
  { ...base, type: 'transfer-leader', target: 'c' },
];

function roundTrip(m: Message): Message {
  const data = m.type === 'snap' ? m.snapshot.data : undefined;
  return decodeMessageBytes(encodeMessage(m), data);
}

test('transport: codec round-trips every message type exactly', () => {
  const covered = new Set(SAMPLES.map((m) => m.type));
  assert.deepEqual(
    [...MESSAGE_TYPES].filter((t) => !covered.has(t)),
    [],
  );
  for (const m of SAMPLES) assert.deepStrictEqual(roundTrip(m), m, m.type);
});

test('transport: codec keeps an empty no-op entry and tells absent from empty conf context', () => {
  const m = roundTrip(SAMPLES[0]!);
  assert.equal(m.type, 'app'); // narrows m
  const [noop, , voter, learner, remove] = m.entries;
  assert.deepStrictEqual(noop, { type: 'normal', term: 7, index: 11, data: new Uint8Array(0) });
  assert.ok(voter?.type === 'conf' && !('context' in voter.change));
  assert.ok(learner?.type === 'conf' && learner.change.context?.byteLength === 13);
  assert.ok(remove?.type === 'conf' && remove.change.context?.byteLength === 0);
});

/** Decodes a hand-built raft.v1.Message object through real protobuf bytes. */
function decodeWire(wire: object, data?: Uint8Array): Message {
  return decodeMessageBytes(WIRE.message.serialize(wire), data);
}

function assertMalformed(f: () => unknown, field: RegExp): void {
  assert.throws(f, (err: unknown) => {
    assert.ok(isFabricError(err, 'MALFORMED_MESSAGE'), String(err));
    assert.match(err.message, field);
    return true;
  });
}

const WIRE_BASE = { from_node_id: 'a', to_node_id: 'b', term: 1 };

test('transport: codec refuses uint64 values above Number.MAX_SAFE_INTEGER', () => {
  const over = '9007199254740992'; // 2^53
  assertMalformed(() => decodeWire({ ...WIRE_BASE, term: over, timeout_now: {} }), /^term: /);
  assertMalformed(
    () =>
      decodeWire({
        ...WIRE_BASE,
        append: { index: 1, entries: [{ term: over, index: 2, normal: Buffer.alloc(0) }] },
      }),
    /append\.entries\[0\]\.term/,
  );
  assertMalformed(
    () => decodeWire({ ...WIRE_BASE, heartbeat: { commit: '18446744073709551615' } }),
    /heartbeat\.commit/,
  );
  // Outbound too: the core never holds such values, so this is a bug to refuse, not to wrap.
  assertMalformed(() => encodeMessage({ ...base, term: BIG + 1, type: 'timeout-now' }), /^term: /);
  assertMalformed(() => encodeMessage({ ...base, term: -1, type: 'timeout-now' }), /^term: /);
});

test('transport: codec refuses a missing oneof, an unknown enum and an entry without payload', () => {
  assertMalformed(() => decodeWire(WIRE_BASE), /^body: no known message type/);
  assertMalformed(
    () => decodeWire({ ...WIRE_BASE, append: { entries: [{ term: 1, index: 1 }] } }),
    /append\.entries\[0\]\.payload: no payload/,
  );
  for (const type of [7, 0]) {
    assertMalformed(
      () =>
        decodeWire({
          ...WIRE_BASE,
          append: { entries: [{ term: 1, index: 1, conf_change: { type, node_id: 'x' } }] },
        }),
      /conf_change\.type: unknown change type/,
    );
  }
});

test('transport: codec refuses a snapshot outside InstallSnapshot and bytes that do not parse', () => {
  const snap = SAMPLES.find((m) => m.type === 'snap')!;
  assertMalformed(
    () => decodeMessageBytes(encodeMessage(snap)),
    /^snapshot: a snapshot travels only/,
  );
  assertMalformed(
    () => decodeMessageBytes(Buffer.from([0xff, 0xff, 0xff])),
    /^message: undecodable bytes/,
  );
  assertMalformed(() => decodeMessage(null), /^message: missing/);
  assertMalformed(
    () => decodeMessage({ ...WIRE_BASE, term: 3.5, body: 'timeout_now', timeout_now: {} }),
    /^term: /,
  );
});
