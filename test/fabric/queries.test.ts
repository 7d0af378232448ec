/** Queries for the executor and the API. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FabricModel } from '../../src/fabric/index.js';
import { commit, farm, ok, startCmd, step, submit } from './helpers.js';

test('fabric: list procedures by state, lock key, name and submission time', () => {
  const m = new FabricModel();
  submit(m, { id: 'a', lockKeys: ['group:g1'], at: 100, name: 'group.promote' });
  submit(m, { id: 'b', lockKeys: ['group:g1'], at: 200 });
  submit(m, { id: 'c', lockKeys: ['group:g2'], at: 300 });
  step(m, 'c');
  const ids = (f: Parameters<FabricModel['procedures']>[0]): string[] =>
    m.procedures(f).map((p) => p.id);
  assert.deepEqual(ids({}), ['a', 'b', 'c']);
  assert.deepEqual(ids({ state: 'RUNNING' }), ['a']);
  assert.deepEqual(ids({ state: 'QUEUED' }), ['b']);
  assert.deepEqual(ids({ state: 'DONE' }), ['c']);
  assert.deepEqual(ids({ lockKey: 'group:g1' }), ['a', 'b']);
  assert.deepEqual(ids({ name: 'group.promote' }), ['a']);
  assert.deepEqual(ids({ submittedFrom: 200 }), ['b', 'c']);
  assert.deepEqual(ids({ submittedFrom: 100, submittedTo: 300 }), ['a', 'b']);
});

test('fabric: runnable lists RUNNING procedures with their current step', () => {
  const m = new FabricModel();
  submit(m, { id: 'a', steps: ['x', 'y'] });
  submit(m, { id: 'b', lockKeys: ['k'] });
  submit(m, { id: 'q', lockKeys: ['k'] });
  ok(m.apply(startCmd(m, 'a')));
  const r = m.runnable();
  assert.deepEqual(
    r.map((s) => [s.procedure.id, s.step, s.record.name, s.record.state]),
    [
      ['a', 0, 'x', 'started'],
      ['b', 0, 'only', 'pending'],
    ],
  );
});

test('fabric: servers by group with status and mode filters, and lookups by uuid and address', () => {
  const m = farm();
  commit(m, [
    { type: 'server-promote', uuid: 'b' },
    { type: 'server-set-mode', uuid: 'a', mode: 'OFFLINE' },
  ]);
  const uuids = (f: Parameters<FabricModel['servers']>[0]): string[] =>
    m.servers(f).map((s) => s.uuid);
  assert.deepEqual(uuids({}), ['a', 'b', 'c']);
  assert.deepEqual(uuids({ groupId: 'g1' }), ['a', 'b']);
  assert.deepEqual(uuids({ groupId: 'g1', status: 'SECONDARY' }), ['a']);
  assert.deepEqual(uuids({ mode: 'READ_ONLY' }), ['c']);
  assert.deepEqual(uuids({ groupId: 'g2', status: 'PRIMARY' }), []);
  assert.equal(m.server('b')?.status, 'PRIMARY');
  assert.equal(m.serverByAddress('db-c:3306')?.uuid, 'c');
  assert.equal(m.serverByAddress('nowhere:1'), undefined);
  assert.deepEqual(
    m.groups().map((g) => [g.id, g.primary]),
    [
      ['g1', 'b'],
      ['g2', null],
    ],
  );
});

test('fabric: query results are immutable snapshots of records', () => {
  const m = farm();
  const before = m.server('a');
  commit(m, [{ type: 'server-set-weight', uuid: 'a', weight: 9 }]);
  assert.equal(before?.weight, 1, 'a record handed out earlier does not change');
  assert.equal(m.server('a')?.weight, 9);
});
