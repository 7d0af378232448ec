/** The command codec: round trips, and malformed commands refused naming the field. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  COMMAND_TYPES,
  EFFECT_TYPES,
  FabricModel,
  decodeCommand,
  encodeCommand,
} from '../../src/fabric/index.js';
import type { Command, Effect } from '../../src/fabric/index.js';
import { FabricError } from '../../src/util/fabric-error.js';
import { refused } from './helpers.js';

const enc = new TextEncoder();

const EVERY_EFFECT: Effect[] = [
  { type: 'group-create', groupId: 'g', description: '' },
  { type: 'group-destroy', groupId: 'g' },
  { type: 'group-set-description', groupId: 'g', description: 'x' },
  { type: 'group-activate', groupId: 'g' },
  { type: 'group-deactivate', groupId: 'g' },
  { type: 'group-set-primary', groupId: 'g', uuid: null },
  { type: 'group-set-primary', groupId: 'g', uuid: 'u' },
  { type: 'group-assign-gtid-domain', groupId: 'g' },
  { type: 'server-add', groupId: 'g', uuid: 'u', address: 'h:1' },
  {
    type: 'server-add',
    groupId: 'g',
    uuid: 'u',
    address: 'h:1',
    status: 'SPARE',
    mode: 'OFFLINE',
    weight: 2.5,
  },
  { type: 'server-remove', uuid: 'u' },
  { type: 'server-set-status', uuid: 'u', status: 'SPARE' },
  { type: 'server-set-mode', uuid: 'u', mode: 'OFFLINE' },
  { type: 'server-set-weight', uuid: 'u', weight: 0.5 },
  { type: 'server-set-address', uuid: 'u', address: 'h:2' },
  { type: 'server-set-replication', uuid: 'u', state: 'LAGGING' },
  { type: 'server-set-reachability', uuid: 'u', reachability: 'REPLICAS_ONLY' },
  { type: 'server-promote', uuid: 'u' },
  { type: 'server-demote', uuid: 'u' },
  { type: 'server-mark-faulty', uuid: 'u' },
  { type: 'shard-map-create', mapId: 1, mapType: 'RANGE', globalGroupId: 'g' },
  { type: 'shard-map-remove', mapId: 1 },
  { type: 'shard-table-add', mapId: 1, table: 'db.t', column: 'id' },
  { type: 'shard-table-remove', table: 'db.t' },
  { type: 'shard-add', shardId: 1, mapId: 1, lowerBound: '0', groupId: 'g', state: 'ENABLED' },
  { type: 'shard-remove', shardId: 1 },
  { type: 'shard-set-group', shardId: 1, groupId: 'g' },
  { type: 'shard-set-state', shardId: 1, state: 'DISABLED' },
  { type: 'bump-epoch' },
];

const EVERY_COMMAND: Command[] = [
  {
    type: 'submit',
    requestId: 'r',
    procedureId: 'p',
    name: 'group.create',
    args: { group: 'g', n: [1, 2.5, true, null, { deep: 'x' }] },
    lockKeys: ['group:g'],
    steps: ['a', 'b'],
    at: 1,
    term: 2,
  },
  { type: 'step-start', procedureId: 'p', step: 0, term: 2, at: 3 },
  {
    type: 'step-done',
    procedureId: 'p',
    step: 0,
    term: 2,
    at: 4,
    output: { ok: 1 },
    effects: EVERY_EFFECT,
  },
  {
    type: 'step-failed',
    procedureId: 'p',
    step: 0,
    term: 2,
    at: 5,
    error: { code: 'E', message: 'm', cause: 'c' },
    retryable: true,
    maxAttempts: 3,
  },
  { type: 'prune', at: 9, maxCompleted: 10, maxAgeMs: 0, dedupWindowMs: 100 },
  { type: 'node-upsert', id: 'n1', address: 'h:7001' },
  { type: 'node-remove', id: 'n1' },
  {
    type: 'step-checkpoint',
    procedureId: 'p',
    step: 0,
    term: 2,
    at: 6,
    attempt: 1,
    progress: { next: 7 },
  },
];

/** Asserts that decoding fails with INVALID_ARGUMENT naming `field`. */
function malformed(value: unknown, field: string): void {
  assert.throws(
    () => decodeCommand(enc.encode(JSON.stringify(value))),
    (e: unknown) => {
      assert.ok(e instanceof FabricError);
      assert.equal(e.code, 'INVALID_ARGUMENT');
      assert.equal(e.details.field, field);
      assert.ok(e.message.includes(field), e.message);
      return true;
    },
  );
}

const stepDone = EVERY_COMMAND[2] as Command & { type: 'step-done' };

test('fabric: codec round-trips every command type and every effect type', () => {
  assert.deepEqual(new Set(EVERY_COMMAND.map((c) => c.type)), new Set(COMMAND_TYPES));
  assert.deepEqual(new Set(EVERY_EFFECT.map((e) => e.type)), new Set(EFFECT_TYPES));
  for (const c of EVERY_COMMAND) assert.deepEqual(decodeCommand(encodeCommand(c)), c);
});

test('fabric: codec encodes equal commands to equal bytes whatever the key order', () => {
  const a: Command = { type: 'node-upsert', id: 'n', address: 'h:1' };
  const b = JSON.parse('{"address":"h:1","id":"n","type":"node-upsert"}') as Command;
  assert.deepEqual(encodeCommand(a), encodeCommand(b));
});

test('fabric: codec rejects bytes that are not UTF-8 JSON', () => {
  for (const bytes of [enc.encode('{nope'), new Uint8Array([0xff, 0xfe, 0x7b]), new Uint8Array()])
    assert.throws(() => decodeCommand(bytes), { code: 'INVALID_ARGUMENT' });
});

test('fabric: codec rejects malformed commands naming the field', () => {
  malformed([], 'command');
  malformed({}, 'command.type');
  malformed({ type: 'launch-missiles' }, 'command.type');
  malformed({ type: 'node-upsert', id: 'n' }, 'command.address');
  malformed({ type: 'node-upsert', id: '', address: 'h:1' }, 'command.id');
  malformed({ type: 'node-upsert', id: 'n', address: 'h:1', extra: 1 }, 'command.extra');
  malformed({ ...EVERY_COMMAND[0], steps: [] }, 'command.steps');
  malformed({ ...EVERY_COMMAND[0], lockKeys: ['ok', 7] }, 'command.lockKeys[1]');
  malformed({ ...EVERY_COMMAND[0], at: -1 }, 'command.at');
  malformed({ ...EVERY_COMMAND[0], term: 1.5 }, 'command.term');
  malformed({ ...EVERY_COMMAND[1], step: '0' }, 'command.step');
  malformed({ ...EVERY_COMMAND[3], maxAttempts: 0 }, 'command.maxAttempts');
  malformed({ ...EVERY_COMMAND[3], retryable: 'yes' }, 'command.retryable');
  malformed({ ...EVERY_COMMAND[3], error: { code: 'E' } }, 'command.error.message');
  malformed({ ...EVERY_COMMAND[3], error: { code: 'E', message: '', x: 1 } }, 'command.error.x');
  malformed({ ...EVERY_COMMAND[4], maxCompleted: null }, 'command.maxCompleted');
  malformed({ ...stepDone, effects: {} }, 'command.effects');
  malformed({ ...stepDone, effects: [{ type: 'bump-epoch' }, 3] }, 'command.effects[1]');
  malformed({ ...stepDone, effects: [{ type: 'server-nuke' }] }, 'command.effects[0].type');
  malformed(
    { ...stepDone, effects: [{ type: 'server-set-mode', uuid: 'u', mode: 'FAST' }] },
    'command.effects[0].mode',
  );
  malformed(
    {
      ...stepDone,
      effects: [{ type: 'server-add', groupId: 'g', uuid: 'u', address: 'h:1', wieght: 2 }],
    },
    'command.effects[0].wieght',
  );
  malformed(
    { ...stepDone, effects: [{ type: 'shard-remove', shardId: 0 }] },
    'command.effects[0].shardId',
  );
});

test('fabric: codec refuses args that are not bounded JSON', () => {
  let deep: unknown = 1;
  for (let i = 0; i < 200; i++) deep = [deep];
  malformed({ ...EVERY_COMMAND[0], args: deep }, 'command.args');
});

test('fabric: the typed apply path refuses what the codec refuses, changing nothing', () => {
  const m = new FabricModel();
  const bad = (c: unknown): Command => c as Command;
  refused(m, bad({ ...EVERY_COMMAND[0], args: Number.NaN }), 'INVALID_ARGUMENT');
  refused(m, bad({ ...EVERY_COMMAND[0], args: { f: () => 1 } }), 'INVALID_ARGUMENT');
  refused(m, bad({ ...EVERY_COMMAND[0], args: new Date(0) }), 'INVALID_ARGUMENT');
  refused(m, bad({ type: 'submit' }), 'INVALID_ARGUMENT');
  refused(m, bad(null), 'INVALID_ARGUMENT');
  const r = m.apply(bad({ ...EVERY_COMMAND[1], step: -1 }));
  assert.ok(!r.ok && r.details.field === 'command.step');
});

test('fabric: the model keeps a private copy of args and outputs', () => {
  const m = new FabricModel();
  const args = { group: 'g1' };
  m.apply({ ...(EVERY_COMMAND[0] as Command & { type: 'submit' }), args });
  args.group = 'changed';
  assert.deepEqual(m.procedure('p')?.args, { group: 'g1' });
});
