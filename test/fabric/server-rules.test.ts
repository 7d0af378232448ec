/** Server effects and the status/mode rules of mysql-fabric.md §4. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SERVER_MODES, SERVER_STATUSES } from '../../src/fabric/index.js';
import type { Effect, FabricModel, ServerMode, ServerStatus } from '../../src/fabric/index.js';
import { commit, commitRefused, farm, sound } from './helpers.js';

/** A fresh farm with server 'x' in group g1, brought into `status`. */
function serverIn(status: ServerStatus): FabricModel {
  const m = farm(false);
  const add: Effect = { type: 'server-add', groupId: 'g1', uuid: 'x', address: 'db-x:3306' };
  if (status === 'SECONDARY') commit(m, [add]);
  else if (status === 'SPARE' || status === 'CONFIGURING') commit(m, [{ ...add, status }]);
  else if (status === 'PRIMARY') commit(m, [add, { type: 'server-promote', uuid: 'x' }]);
  else commit(m, [add, { type: 'server-mark-faulty', uuid: 'x' }]);
  assert.equal(m.server('x')?.status, status);
  return m;
}

/** Fabric's set_status table (written out here independently of src/fabric/transitions.ts). */
const SET_STATUS_ALLOWED: Record<ServerStatus, readonly ServerStatus[]> = {
  SECONDARY: ['SPARE', 'CONFIGURING'],
  SPARE: ['SECONDARY', 'FAULTY', 'CONFIGURING'],
  CONFIGURING: ['FAULTY', 'SPARE'],
  PRIMARY: [],
  FAULTY: [],
};
const MODE_ON_ENTRY: Partial<Record<ServerStatus, ServerMode>> = {
  SECONDARY: 'READ_ONLY',
  SPARE: 'OFFLINE',
  CONFIGURING: 'OFFLINE',
};

test('fabric: server set-status follows the transition table; PRIMARY and FAULTY are refused', () => {
  for (const from of SERVER_STATUSES) {
    for (const to of SERVER_STATUSES) {
      const m = serverIn(from);
      const e: Effect = { type: 'server-set-status', uuid: 'x', status: to };
      if (SET_STATUS_ALLOWED[to].includes(from)) {
        commit(m, [e]);
        assert.equal(m.server('x')?.status, to, `${from} → ${to}`);
        assert.equal(m.server('x')?.mode, MODE_ON_ENTRY[to], `${from} → ${to} mode`);
      } else {
        const r = commitRefused(m, [e], 'INVALID_TRANSITION');
        assert.match(r.message, /server:x/);
        if (to === 'PRIMARY') assert.match(r.message, /server-promote/);
        if (to === 'FAULTY') assert.match(r.message, /server-mark-faulty/);
      }
      sound(m);
    }
  }
});

/** Fabric's set_mode table (plus CONFIGURING: OFFLINE only). */
const MODES_ALLOWED: Record<ServerStatus, readonly ServerMode[]> = {
  PRIMARY: ['WRITE_ONLY', 'READ_WRITE'],
  SECONDARY: ['OFFLINE', 'READ_ONLY'],
  SPARE: ['OFFLINE', 'READ_ONLY'],
  FAULTY: [],
  CONFIGURING: ['OFFLINE'],
};

test('fabric: server set-mode allows only the modes of its status', () => {
  for (const status of SERVER_STATUSES) {
    for (const mode of SERVER_MODES) {
      const m = serverIn(status);
      const e: Effect = { type: 'server-set-mode', uuid: 'x', mode };
      if (MODES_ALLOWED[status].includes(mode)) {
        commit(m, [e]);
        assert.equal(m.server('x')?.mode, mode);
      } else {
        const r = commitRefused(m, [e], 'INVALID_TRANSITION');
        assert.equal(r.details.rule, 'mode-for-status');
      }
    }
  }
});

test('fabric: server add defaults to SECONDARY / READ_ONLY / weight 1', () => {
  const m = farm();
  assert.deepEqual(m.server('a'), {
    uuid: 'a',
    address: 'db-a:3306',
    groupId: 'g1',
    status: 'SECONDARY',
    mode: 'READ_ONLY',
    weight: 1,
  });
  commit(m, [
    {
      type: 'server-add',
      groupId: 'g2',
      uuid: 'd',
      address: '[::1]:3307',
      status: 'SPARE',
      mode: 'READ_ONLY',
      weight: 0.25,
    },
  ]);
  assert.deepEqual(m.serverByAddress('[::1]:3307')?.uuid, 'd');
  assert.equal(m.server('d')?.mode, 'READ_ONLY');
});

test('fabric: server add refuses a uuid or address already in the farm, in any group', () => {
  const m = farm();
  const add = (uuid: string, address: string, groupId = 'g2'): Effect => ({
    type: 'server-add',
    groupId,
    uuid,
    address,
  });
  const uuid = commitRefused(m, [add('a', 'db-new:3306')], 'SERVER_EXISTS');
  assert.match(uuid.message, /already in group g1/);
  const addr = commitRefused(m, [add('new', 'db-a:3306')], 'SERVER_EXISTS');
  assert.equal(addr.details.rule, 'address-unique');
  commitRefused(m, [add('new', 'db-a:3306', 'g1')], 'SERVER_EXISTS');
  commitRefused(m, [add('new', 'db-new:3306', 'nope')], 'GROUP_NOT_FOUND');
});

test('fabric: server add refuses a bad address, status, mode or weight', () => {
  const m = farm();
  const base = { type: 'server-add', groupId: 'g1', uuid: 'n', address: 'db-n:3306' } as const;
  for (const address of ['db-n', 'db-n:0', 'db-n:65536', ':3306', 'db n:3306', 'a:b:3306'])
    commitRefused(m, [{ ...base, address }], 'INVALID_ARGUMENT');
  commitRefused(m, [{ ...base, status: 'PRIMARY' }], 'INVALID_TRANSITION');
  commitRefused(m, [{ ...base, status: 'FAULTY' }], 'INVALID_TRANSITION');
  commitRefused(m, [{ ...base, mode: 'READ_WRITE' }], 'INVALID_TRANSITION');
  for (const weight of [0, -1, Number.POSITIVE_INFINITY, Number.NaN])
    commitRefused(m, [{ ...base, weight }], 'INVALID_ARGUMENT');
});

test('fabric: server set-weight must be finite and > 0', () => {
  const m = farm();
  commit(m, [{ type: 'server-set-weight', uuid: 'a', weight: 2.5 }]);
  assert.equal(m.server('a')?.weight, 2.5);
  for (const weight of [0, -0.5, Number.POSITIVE_INFINITY, Number.NaN]) {
    const r = commitRefused(
      m,
      [{ type: 'server-set-weight', uuid: 'a', weight }],
      'INVALID_ARGUMENT',
    );
    assert.equal(r.details.rule, 'weight-positive');
  }
});

test('fabric: server set-address keeps addresses unique and the address index current', () => {
  const m = farm();
  commitRefused(
    m,
    [{ type: 'server-set-address', uuid: 'a', address: 'db-c:3306' }],
    'SERVER_EXISTS',
  );
  commit(m, [{ type: 'server-set-address', uuid: 'a', address: 'db-a2:3306' }]);
  assert.equal(m.serverByAddress('db-a:3306'), undefined);
  assert.equal(m.serverByAddress('db-a2:3306')?.uuid, 'a');
  commit(m, [{ type: 'server-add', groupId: 'g1', uuid: 'n', address: 'db-a:3306' }]);
  sound(m);
});

test('fabric: server remove is refused for the primary, allowed after demote', () => {
  const m = farm();
  commit(m, [{ type: 'server-promote', uuid: 'a' }]);
  const r = commitRefused(m, [{ type: 'server-remove', uuid: 'a' }], 'SERVER_IS_PRIMARY');
  assert.match(r.message, /demote it first/);
  commit(m, [
    { type: 'server-demote', uuid: 'a' },
    { type: 'server-remove', uuid: 'a' },
  ]);
  assert.equal(m.server('a'), undefined);
  assert.equal(m.serverByAddress('db-a:3306'), undefined);
  commitRefused(m, [{ type: 'server-remove', uuid: 'a' }], 'SERVER_NOT_FOUND');
  sound(m);
});

test('fabric: a group has at most one PRIMARY', () => {
  const m = farm();
  commit(m, [{ type: 'server-promote', uuid: 'a' }]);
  const r = commitRefused(m, [{ type: 'server-promote', uuid: 'b' }], 'PRIMARY_EXISTS');
  assert.equal(r.details.object, 'group:g1');
  // Promoting the other group's server is unaffected.
  commit(m, [{ type: 'server-promote', uuid: 'c' }]);
  // Demote then promote in one step is a switchover.
  commit(m, [
    { type: 'server-demote', uuid: 'a' },
    { type: 'server-promote', uuid: 'b' },
  ]);
  assert.equal(m.group('g1')?.primary, 'b');
  sound(m);
});

test('fabric: promote from SECONDARY or SPARE only; demote only the primary', () => {
  for (const from of ['CONFIGURING', 'FAULTY'] as const) {
    const m = serverIn(from);
    commitRefused(m, [{ type: 'server-promote', uuid: 'x' }], 'INVALID_TRANSITION');
  }
  const spare = serverIn('SPARE');
  commit(spare, [{ type: 'server-promote', uuid: 'x' }]);
  assert.deepEqual([spare.server('x')?.status, spare.server('x')?.mode], ['PRIMARY', 'READ_WRITE']);
  const m = farm();
  commitRefused(m, [{ type: 'server-demote', uuid: 'a' }], 'INVALID_TRANSITION');
});

test('fabric: mark-faulty takes any status to FAULTY; a faulty primary leaves the group without one', () => {
  const m = farm();
  commit(m, [{ type: 'server-promote', uuid: 'a' }]);
  commit(m, [{ type: 'server-mark-faulty', uuid: 'a' }]);
  assert.deepEqual([m.server('a')?.status, m.server('a')?.mode], ['FAULTY', 'READ_WRITE']);
  assert.equal(m.group('g1')?.primary, null);
  commitRefused(m, [{ type: 'server-mark-faulty', uuid: 'a' }], 'INVALID_TRANSITION');
  // Failover: promote the survivor. The faulty server comes back through SPARE.
  commit(m, [{ type: 'server-promote', uuid: 'b' }]);
  commit(m, [{ type: 'server-set-status', uuid: 'a', status: 'SPARE' }]);
  commit(m, [{ type: 'server-set-status', uuid: 'a', status: 'SECONDARY' }]);
  sound(m);
});

test('fabric: a step whose last effect breaks a rule applies none of its effects', () => {
  const m = farm();
  const r = commitRefused(
    m,
    [
      { type: 'server-set-weight', uuid: 'a', weight: 3 },
      { type: 'server-promote', uuid: 'a' },
      { type: 'group-activate', groupId: 'g1' },
      { type: 'server-remove', uuid: 'a' },
    ],
    'SERVER_IS_PRIMARY',
  );
  assert.equal(r.details.effect, 3);
  assert.equal(r.details.effectType, 'server-remove');
  assert.match(r.message, /effect 3 \(server-remove\)/);
  assert.equal(m.server('a')?.weight, 1);
  assert.equal(m.group('g1')?.primary, null);
  assert.equal(m.procedures({ state: 'RUNNING' }).length, 1, 'the step stays started');
});

test('fabric: server-set-replication moves the epoch only when the state changes', () => {
  const m = serverIn('SECONDARY');
  assert.equal(m.server('x')?.replication, undefined, 'a new server is OK (absent)');
  const e0 = m.topologyEpoch;
  commit(m, [{ type: 'server-set-replication', uuid: 'x', state: 'OK' }]);
  assert.equal(m.topologyEpoch, e0, 'OK again is no change');
  commit(m, [{ type: 'server-set-replication', uuid: 'x', state: 'LAGGING' }]);
  assert.equal(m.server('x')?.replication, 'LAGGING');
  assert.equal(m.topologyEpoch, e0 + 1, 'clients must learn to stop reading there');
  commitRefused(
    m,
    [{ type: 'server-set-replication', uuid: 'nope', state: 'STOPPED' }],
    'SERVER_NOT_FOUND',
  );
  sound(m);
});
