import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverToProto } from '../../src/api/farm-proto.js';
import { lookupServers } from '../../src/api/server-lookup.js';
import { commit, farm } from '../fabric/helpers.js';

test('farm api: a FAULTY server is served OFFLINE with its replication unknown', () => {
  const m = farm();
  commit(m, [
    { type: 'server-promote', uuid: 'a' },
    { type: 'group-set-primary', groupId: 'g1', uuid: 'a' },
    { type: 'server-set-replication', uuid: 'a', state: 'OK' },
  ]);
  assert.equal(serverToProto(m.server('a')!).mode, 'SERVER_MODE_READ_WRITE');
  commit(m, [
    { type: 'group-set-primary', groupId: 'g1', uuid: null },
    { type: 'server-mark-faulty', uuid: 'a' },
  ]);
  const a = serverToProto(m.server('a')!);
  assert.equal(a.status, 'SERVER_STATUS_FAULTY');
  assert.equal(a.mode, 'SERVER_MODE_OFFLINE');
  assert.equal(a.replication, 'REPLICATION_STATE_UNSPECIFIED');
  const byMode = (mode: string): string[] =>
    lookupServers(m, { group_id: 'g1', mode, status: 0, server: '' } as never, true).map(
      (s) => s.uuid,
    );
  assert.deepEqual(byMode('SERVER_MODE_READ_WRITE'), []);
  assert.deepEqual(byMode('SERVER_MODE_OFFLINE'), ['a']);
});
