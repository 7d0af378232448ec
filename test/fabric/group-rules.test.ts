/** Group effects and their rules (mysql-fabric.md §1 "group", §4). */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FabricModel } from '../../src/fabric/index.js';
import { commit, commitRefused, farm, sound } from './helpers.js';

test('fabric: group create makes an INACTIVE group without a primary; a second create is refused', () => {
  const m = new FabricModel();
  commit(m, [{ type: 'group-create', groupId: 'g1', description: 'orders' }]);
  assert.deepEqual(m.group('g1'), {
    id: 'g1',
    description: 'orders',
    status: 'INACTIVE',
    primary: null,
  });
  const r = commitRefused(
    m,
    [{ type: 'group-create', groupId: 'g1', description: '' }],
    'GROUP_EXISTS',
  );
  assert.match(r.message, /group:g1/);
  assert.equal(r.details.object, 'group:g1');
});

test('fabric: group effects on an unknown group are refused (GROUP_NOT_FOUND)', () => {
  const m = new FabricModel();
  for (const e of [
    { type: 'group-destroy', groupId: 'x' },
    { type: 'group-activate', groupId: 'x' },
    { type: 'group-deactivate', groupId: 'x' },
    { type: 'group-set-description', groupId: 'x', description: 'd' },
    { type: 'group-set-primary', groupId: 'x', uuid: null },
  ] as const)
    commitRefused(m, [e], 'GROUP_NOT_FOUND');
});

test('fabric: group destroy is refused while the group has servers', () => {
  const m = farm();
  const r = commitRefused(m, [{ type: 'group-destroy', groupId: 'g1' }], 'GROUP_IN_USE');
  assert.equal(r.details.rule, 'destroy-empty');
  commit(m, [
    { type: 'server-remove', uuid: 'a' },
    { type: 'server-remove', uuid: 'b' },
    { type: 'group-destroy', groupId: 'g1' },
  ]);
  assert.equal(m.group('g1'), undefined);
});

test('fabric: group destroy is refused for a global group or a shard group', () => {
  const m = farm(false);
  commit(m, [
    { type: 'shard-map-create', mapId: 1, mapType: 'HASH', globalGroupId: 'g1' },
    {
      type: 'shard-add',
      shardId: 1,
      mapId: 1,
      lowerBound: '0'.repeat(32),
      groupId: 'g2',
      state: 'DISABLED',
    },
  ]);
  const global = commitRefused(m, [{ type: 'group-destroy', groupId: 'g1' }], 'GROUP_IN_USE');
  assert.equal(global.details.rule, 'destroy-global-group');
  const shard = commitRefused(m, [{ type: 'group-destroy', groupId: 'g2' }], 'GROUP_IN_USE');
  assert.equal(shard.details.rule, 'destroy-shard-group');
});

test('fabric: group description, activate and deactivate', () => {
  const m = farm(false);
  commit(m, [{ type: 'group-set-description', groupId: 'g1', description: 'new' }]);
  commit(m, [{ type: 'group-activate', groupId: 'g1' }]);
  assert.deepEqual(m.group('g1'), {
    id: 'g1',
    description: 'new',
    status: 'ACTIVE',
    primary: null,
  });
  commit(m, [{ type: 'group-activate', groupId: 'g1' }]); // already ACTIVE: allowed, no change
  commit(m, [{ type: 'group-deactivate', groupId: 'g1' }]);
  assert.equal(m.group('g1')?.status, 'INACTIVE');
});

test('fabric: group set-primary switches over: old primary SECONDARY/READ_ONLY, new PRIMARY/READ_WRITE', () => {
  const m = farm();
  commit(m, [{ type: 'group-set-primary', groupId: 'g1', uuid: 'a' }]);
  assert.equal(m.group('g1')?.primary, 'a');
  assert.deepEqual([m.server('a')?.status, m.server('a')?.mode], ['PRIMARY', 'READ_WRITE']);
  commit(m, [{ type: 'group-set-primary', groupId: 'g1', uuid: 'b' }]);
  assert.equal(m.group('g1')?.primary, 'b');
  assert.deepEqual([m.server('a')?.status, m.server('a')?.mode], ['SECONDARY', 'READ_ONLY']);
  assert.deepEqual([m.server('b')?.status, m.server('b')?.mode], ['PRIMARY', 'READ_WRITE']);
  commit(m, [{ type: 'group-set-primary', groupId: 'g1', uuid: null }]);
  assert.equal(m.group('g1')?.primary, null);
  assert.equal(m.server('b')?.status, 'SECONDARY');
  sound(m);
});

test('fabric: group set-primary refuses a server of another group, a FAULTY one, or an unknown one', () => {
  const m = farm();
  const other = commitRefused(
    m,
    [{ type: 'group-set-primary', groupId: 'g1', uuid: 'c' }],
    'INVALID_TRANSITION',
  );
  assert.equal(other.details.rule, 'primary-in-group');
  commit(m, [{ type: 'server-mark-faulty', uuid: 'b' }]);
  commitRefused(m, [{ type: 'group-set-primary', groupId: 'g1', uuid: 'b' }], 'INVALID_TRANSITION');
  commitRefused(m, [{ type: 'group-set-primary', groupId: 'g1', uuid: 'zz' }], 'SERVER_NOT_FOUND');
});

test('fabric: gtid domains are assigned once per group, 1 + the highest ever, never reused', () => {
  const m = new FabricModel();
  commit(m, [
    { type: 'group-create', groupId: 'a', description: '' },
    { type: 'group-assign-gtid-domain', groupId: 'a' },
    { type: 'group-create', groupId: 'b', description: '' },
    { type: 'group-assign-gtid-domain', groupId: 'b' },
    { type: 'group-assign-gtid-domain', groupId: 'b' },
  ]);
  assert.equal(m.group('a')?.gtidDomainId, 1);
  assert.equal(m.group('b')?.gtidDomainId, 2);
  commit(m, [{ type: 'group-destroy', groupId: 'b' }]);
  commit(m, [
    { type: 'group-create', groupId: 'c', description: '' },
    { type: 'group-assign-gtid-domain', groupId: 'c' },
  ]);
  assert.equal(m.group('c')?.gtidDomainId, 3, 'a destroyed group’s domain is not handed out again');
  commitRefused(m, [{ type: 'group-assign-gtid-domain', groupId: 'x' }], 'GROUP_NOT_FOUND');
  sound(m);
});

test('fabric: a snapshot without gtid domains (older format) restores, and assignment resumes above the highest held', () => {
  const m = new FabricModel();
  commit(m, [
    { type: 'group-create', groupId: 'a', description: '' },
    { type: 'group-create', groupId: 'b', description: '' },
    { type: 'group-assign-gtid-domain', groupId: 'b' },
  ]);
  const doc = JSON.parse(new TextDecoder().decode(m.snapshot())) as Record<string, unknown>;
  delete doc.gtidDomainHigh;
  const old = new FabricModel();
  old.restore(new TextEncoder().encode(JSON.stringify(doc)));
  assert.equal(old.group('a')?.gtidDomainId, undefined);
  commit(old, [{ type: 'group-assign-gtid-domain', groupId: 'a' }]);
  assert.equal(old.group('a')?.gtidDomainId, 2);
  sound(old);
});
