/** FabricStateMachine: the model behind src/node's StateMachine interface, bytes in and out. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  FabricModel,
  FabricStateMachine,
  decodeApplyResult,
  encodeCommand,
  rejectionError,
} from '../../src/fabric/index.js';
import type { Command } from '../../src/fabric/index.js';
import type { StateMachine } from '../../src/node/state-machine.js';
import { FabricError } from '../../src/util/fabric-error.js';
import { submitCmd } from './helpers.js';

const enc = new TextEncoder();

test('fabric: FabricStateMachine satisfies the node StateMachine interface structurally', () => {
  const sm: StateMachine = new FabricStateMachine();
  assert.ok(sm.snapshot().byteLength > 0);
});

test('fabric: state machine applies encoded commands and returns encoded results', () => {
  const sm = new FabricStateMachine();
  const r = decodeApplyResult(sm.apply(1, encodeCommand(submitCmd({ id: 'p1', requestId: 'r1' }))));
  assert.deepEqual(r, {
    ok: true,
    result: {
      type: 'submit',
      procedureId: 'p1',
      duplicate: false,
      state: 'RUNNING',
      started: ['p1'],
    },
  });
  assert.equal(sm.model.procedure('p1')?.state, 'RUNNING');
});

test('fabric: state machine answers garbage with an encoded rejection, never a throw, changing nothing', () => {
  const sm = new FabricStateMachine();
  sm.apply(1, encodeCommand(submitCmd({ id: 'p1' })));
  const before = sm.snapshot();
  const garbage = [
    new Uint8Array(),
    new Uint8Array([0xc3, 0x28]),
    enc.encode('null'),
    enc.encode('{"type":"step-done"}'),
    enc.encode('{"type":"node-upsert","id":"n","address":"h:1","__proto__":{"x":1}}'),
    enc.encode(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  ];
  for (const [i, bytes] of garbage.entries()) {
    const r = decodeApplyResult(sm.apply(i + 2, bytes));
    if (r.ok) assert.fail(`garbage ${i} was accepted`);
    assert.equal(r.code, 'INVALID_ARGUMENT');
    assert.match(r.message, /malformed command/);
  }
  assert.deepEqual(sm.snapshot(), before);
});

test('fabric: a rule rejection comes back with its code, message and details', () => {
  const sm = new FabricStateMachine();
  const cmd: Command = { type: 'node-remove', id: 'ghost' };
  const r = decodeApplyResult(sm.apply(1, encodeCommand(cmd)));
  assert.ok(!r.ok);
  assert.equal(r.code, 'NODE_NOT_FOUND');
  assert.deepEqual(r.details, { object: 'node:ghost', rule: 'exists' });
  const e = rejectionError(r);
  assert.ok(e instanceof FabricError);
  assert.equal(e.code, 'NODE_NOT_FOUND');
});

test('fabric: state machine snapshot and restore move the whole model between replicas', () => {
  const a = new FabricStateMachine();
  a.apply(1, encodeCommand({ type: 'node-upsert', id: 'n1', address: 'fabric-1:32274' }));
  a.apply(2, encodeCommand(submitCmd({ id: 'p1' })));
  const b = new FabricStateMachine(new FabricModel());
  b.restore(a.snapshot());
  assert.deepEqual(b.snapshot(), a.snapshot());
  assert.deepEqual(b.model.nodes(), [{ id: 'n1', address: 'fabric-1:32274' }]);
});

test('fabric: node upsert keeps node addresses unique; remove needs a known node', () => {
  const m = new FabricModel();
  assert.ok(m.apply({ type: 'node-upsert', id: 'n1', address: 'h:1' }).ok);
  assert.ok(m.apply({ type: 'node-upsert', id: 'n1', address: 'h:2' }).ok);
  const dup = m.apply({ type: 'node-upsert', id: 'n2', address: 'h:2' });
  assert.ok(!dup.ok && dup.code === 'NODE_EXISTS');
  assert.ok(m.apply({ type: 'node-remove', id: 'n1' }).ok);
  assert.deepEqual(m.nodes(), []);
});
