/** The topology epoch moves once per committed step that changes what connectors route on. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FabricModel } from '../../src/fabric/index.js';
import type { Effect } from '../../src/fabric/index.js';
import { commit, farm, ok } from './helpers.js';

/** The epoch change a one-step procedure with these effects causes. */
function bump(m: FabricModel, effects: Effect[]): number {
  const before = m.topologyEpoch;
  const r = commit(m, effects);
  assert.equal(r.topologyEpoch, m.topologyEpoch);
  return m.topologyEpoch - before;
}

test('fabric: epoch bumps on server add/remove/status/mode/weight/address changes', () => {
  const m = farm(false);
  assert.equal(bump(m, [{ type: 'server-add', groupId: 'g1', uuid: 'a', address: 'h:1' }]), 1);
  assert.equal(bump(m, [{ type: 'server-set-weight', uuid: 'a', weight: 2 }]), 1);
  assert.equal(bump(m, [{ type: 'server-set-mode', uuid: 'a', mode: 'OFFLINE' }]), 1);
  assert.equal(bump(m, [{ type: 'server-set-address', uuid: 'a', address: 'h:2' }]), 1);
  assert.equal(bump(m, [{ type: 'server-set-status', uuid: 'a', status: 'SPARE' }]), 1);
  assert.equal(bump(m, [{ type: 'server-promote', uuid: 'a' }]), 1);
  assert.equal(bump(m, [{ type: 'server-demote', uuid: 'a' }]), 1);
  assert.equal(bump(m, [{ type: 'server-mark-faulty', uuid: 'a' }]), 1);
  assert.equal(bump(m, [{ type: 'server-remove', uuid: 'a' }]), 1);
});

test('fabric: epoch bumps on group status and primary changes and on shard changes', () => {
  const m = farm();
  assert.equal(bump(m, [{ type: 'group-activate', groupId: 'g1' }]), 1);
  assert.equal(bump(m, [{ type: 'group-deactivate', groupId: 'g1' }]), 1);
  assert.equal(bump(m, [{ type: 'group-set-primary', groupId: 'g1', uuid: 'a' }]), 1);
  assert.equal(
    bump(m, [{ type: 'shard-map-create', mapId: 1, mapType: 'HASH', globalGroupId: 'g1' }]),
    1,
  );
  assert.equal(bump(m, [{ type: 'shard-table-add', mapId: 1, table: 'd.t', column: 'k' }]), 1);
  commit(m, [{ type: 'group-create', groupId: 'g3', description: '' }]);
  assert.equal(
    bump(m, [
      {
        type: 'shard-add',
        shardId: 1,
        mapId: 1,
        lowerBound: '80000000000000000000000000000000',
        groupId: 'g3',
        state: 'DISABLED',
      },
    ]),
    1,
  );
  assert.equal(bump(m, [{ type: 'shard-set-state', shardId: 1, state: 'ENABLED' }]), 1);
  assert.equal(bump(m, [{ type: 'bump-epoch' }]), 1);
});

test('fabric: epoch does not move for metadata-only or no-op changes', () => {
  const m = farm();
  commit(m, [{ type: 'group-activate', groupId: 'g1' }]);
  assert.equal(bump(m, []), 0);
  assert.equal(bump(m, [{ type: 'group-create', groupId: 'g9', description: '' }]), 0);
  assert.equal(bump(m, [{ type: 'group-set-description', groupId: 'g9', description: 'x' }]), 0);
  assert.equal(bump(m, [{ type: 'group-destroy', groupId: 'g9' }]), 0);
  assert.equal(bump(m, [{ type: 'group-activate', groupId: 'g1' }]), 0);
  assert.equal(bump(m, [{ type: 'server-set-weight', uuid: 'a', weight: 1 }]), 0);
  assert.equal(bump(m, [{ type: 'server-set-mode', uuid: 'a', mode: 'READ_ONLY' }]), 0);
  assert.equal(bump(m, [{ type: 'server-set-address', uuid: 'a', address: 'db-a:3306' }]), 0);
  assert.equal(bump(m, [{ type: 'group-set-primary', groupId: 'g1', uuid: null }]), 0);
  const before = m.topologyEpoch;
  ok(m.apply({ type: 'node-upsert', id: 'n1', address: 'fabric-1:32274' }));
  ok(m.apply({ type: 'prune', at: 1e12, maxCompleted: 0, maxAgeMs: 0, dedupWindowMs: 0 }));
  assert.equal(m.topologyEpoch, before, 'Fabric nodes and pruning are not MySQL routing');
});

test('fabric: one step with several routing changes moves the epoch once', () => {
  const m = farm();
  assert.equal(
    bump(m, [
      { type: 'server-set-weight', uuid: 'a', weight: 5 },
      { type: 'server-promote', uuid: 'b' },
      { type: 'bump-epoch' },
    ]),
    1,
  );
});

test('fabric: a refused step leaves the epoch alone', () => {
  const m = farm();
  const before = m.topologyEpoch;
  const { procedureId } = ok(
    m.apply({
      type: 'submit',
      requestId: 'r',
      procedureId: 'p',
      name: 'n',
      args: null,
      lockKeys: [],
      steps: ['s'],
      at: 1,
      term: 1,
    }),
  ) as { procedureId: string };
  ok(m.apply({ type: 'step-start', procedureId, step: 0, term: 1, at: 2 }));
  const r = m.apply({
    type: 'step-done',
    procedureId,
    step: 0,
    term: 1,
    at: 3,
    output: null,
    effects: [{ type: 'bump-epoch' }, { type: 'server-remove', uuid: 'nope' }],
  });
  assert.equal(r.ok, false);
  assert.equal(m.topologyEpoch, before);
});
