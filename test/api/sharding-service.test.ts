import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { FabricCallError, fabricProtos } from '../../src/client/index.js';
import type { Topology__Output } from '../../src/gen/fabric/v1/Topology.js';
import { FakeNode, FakeProcedures, Inbox, procedureRecord, serve } from './farm-harness.js';
import type { Served } from './farm-harness.js';
import { shardedFarm } from './sharded-farm.js';

/** A hang guard, not a timing assertion: a lost message fails the test instead of the suite. */
const GUARD = { timeout: 30_000 };

/** Asserts a rejection with this code, gRPC status and message. */
function fails(code: string, grpcCode: grpc.status, message: RegExp) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof FabricCallError, String(e));
    assert.equal(e.code, code, e.message);
    assert.equal(e.grpcCode, grpcCode);
    assert.match(e.message, message);
    return true;
  };
}

const invalid = (message: RegExp) =>
  fails('INVALID_ARGUMENT', grpc.status.INVALID_ARGUMENT, message);

/** Runs `body` against the sharding service over a sharded farm. */
async function withSharding(
  body: (s: Served, procedures: FakeProcedures) => Promise<void>,
): Promise<void> {
  const procedures = new FakeProcedures();
  const s = await serve(new FakeNode(), procedures, shardedFarm());
  try {
    await body(s, procedures);
  } finally {
    await s.stop();
  }
}

test(
  'sharding: every mutation submits its procedure with the contract args and the request id',
  GUARD,
  () =>
    withSharding(async (s, procedures) => {
      const c = s.client.sharding;
      await c.createDefinition('RANGE_STRING', 'gg', { requestId: 'req-1' });
      await c.removeDefinition(2);
      await c.addTable(1, 'db.accounts', 'sub_no');
      await c.removeTable('db.calls');
      await c.addShard(2, 'g4');
      await c.addShard(1, 'g4', { bound: '9000', state: 'DISABLED' });
      // "" is a bound (the lowest RANGE_STRING key), not "place it for me".
      await c.addShard(1, 'g4', { bound: '' });
      await c.removeShard(3);
      await c.enableShard(3);
      await c.disableShard(2);
      assert.deepEqual(
        procedures.submitted.map((x) => [x.name, x.args]),
        [
          ['sharding.create-definition', { type: 'RANGE_STRING', globalGroup: 'gg' }],
          ['sharding.remove-definition', { mapId: 2 }],
          ['sharding.add-table', { mapId: 1, table: 'db.accounts', column: 'sub_no' }],
          ['sharding.remove-table', { table: 'db.calls' }],
          ['sharding.add-shard', { mapId: 2, group: 'g4' }],
          ['sharding.add-shard', { mapId: 1, group: 'g4', bound: '9000', state: 'DISABLED' }],
          ['sharding.add-shard', { mapId: 1, group: 'g4', bound: '' }],
          ['sharding.remove-shard', { shardId: 3 }],
          ['sharding.enable-shard', { shardId: 3 }],
          ['sharding.disable-shard', { shardId: 2 }],
        ],
      );
      assert.equal(procedures.submitted[0]?.requestId, 'req-1');
      const ids = new Set(procedures.submitted.map((x) => x.requestId));
      assert.equal(ids.size, procedures.submitted.length, 'a fresh request id per call');
      assert.deepEqual(new Set(procedures.waits), new Set([30_000]), 'waits 30 s by default');
    }),
);

test(
  'sharding: create-definition and add-shard answer with the ids their procedures made',
  GUARD,
  () =>
    withSharding(async (s, procedures) => {
      const c = s.client.sharding;
      procedures.ending = (name) => ({
        ...procedureRecord({ name }),
        result:
          name === 'sharding.create-definition' ? { mapId: 7 } : { shardId: 4, bound: '9000' },
      });
      const created = await c.createDefinition('HASH', 'gg');
      assert.equal(created.mapId, 7);
      assert.equal(created.procedure.state, 'PROCEDURE_STATE_DONE');
      const added = await c.addShard(1, 'g4', { bound: '9000' });
      assert.deepEqual([added.shardId, added.bound], [4, '9000']);
      // Still running (no_wait): no ids yet, and no wait.
      const running = await c.addShard(1, 'g4', { noWait: true });
      assert.deepEqual([running.shardId, running.bound], [0, '']);
      assert.equal(running.procedure.state, 'PROCEDURE_STATE_RUNNING');
    }),
);

test('sharding: a FAILED procedure is an error with its step code', GUARD, () =>
  withSharding(async (s, procedures) => {
    procedures.ending = (name) =>
      procedureRecord({
        id: 'p-rm',
        name,
        state: 'FAILED',
        error: { step: 'check', code: 'SHARD_NOT_FOUND', message: 'shard 42 does not exist' },
      });
    await assert.rejects(
      s.client.sharding.removeShard(42),
      fails(
        'SHARD_NOT_FOUND',
        grpc.status.NOT_FOUND,
        /^sharding\.remove-shard failed at step check: shard 42 does not exist \(procedure p-rm\)$/,
      ),
    );
  }),
);

test(
  'sharding: bad mutation fields are refused naming the field and the rule; nothing is submitted',
  GUARD,
  () =>
    withSharding(async (s, procedures) => {
      const c = s.client.sharding;
      await assert.rejects(
        c.createDefinition('BOGUS' as never, 'gg'),
        invalid(
          /^type "SHARD_MAPPING_TYPE_UNSPECIFIED" is invalid: use one of RANGE, RANGE_STRING, RANGE_DATETIME, HASH$/,
        ),
      );
      await assert.rejects(
        c.createDefinition('RANGE', ''),
        invalid(/^global_group_id "" is invalid: name a group \(1-64 characters\)$/),
      );
      await assert.rejects(
        c.removeDefinition(0),
        invalid(/^map_id 0 is invalid: name a shard map by its id, a whole number from 1$/),
      );
      for (const table of [
        'subscribers',
        'db.',
        '.t',
        'db.t.x',
        'db.my table',
        `db.${'t'.repeat(65)}`,
      ])
        await assert.rejects(
          c.addTable(1, table, 'sub_no'),
          invalid(
            /^table ".*" is invalid: use db\.table, each part 1-64 characters without dots or spaces$/,
          ),
        );
      await assert.rejects(
        c.addTable(1, 'db.t', 'sub no'),
        invalid(/^column "sub no" is invalid: name a column \(1-64 characters/),
      );
      await assert.rejects(c.removeTable('nodot'), invalid(/^table "nodot" is invalid/));
      await assert.rejects(c.addShard(0, 'g4'), invalid(/^map_id 0 is invalid/));
      await assert.rejects(c.addShard(1, ''), invalid(/^group_id "" is invalid/));
      await assert.rejects(
        c.addShard(1, 'g4', { bound: 'x'.repeat(4097) }),
        invalid(/^bound must be 0-4096 bytes, got 4097$/),
      );
      for (const call of [c.removeShard(0), c.enableShard(0), c.disableShard(0)])
        await assert.rejects(
          call,
          invalid(/^shard_id 0 is invalid: name a shard by its id, a whole number from 1$/),
        );
      await assert.rejects(
        c.addTable(1, 'db.t', 'c', { requestId: 'r'.repeat(129) }),
        invalid(/^request_id must be 1-128 bytes/),
      );
      assert.deepEqual(procedures.submitted, []);
    }),
);

test('sharding: list-definitions, list-tables and lookup-table read the model', GUARD, () =>
  withSharding(async (s) => {
    const c = s.client.sharding;
    assert.deepEqual(await c.listDefinitions(), [
      { id: 1, type: 'SHARD_MAPPING_TYPE_RANGE', global_group_id: 'gg' },
      { id: 2, type: 'SHARD_MAPPING_TYPE_HASH', global_group_id: 'gg' },
    ]);
    assert.deepEqual(await c.listTables(), [
      { table: 'db.calls', column: 'sub_no', map_id: 1 },
      { table: 'db.events', column: 'event_id', map_id: 2 },
      { table: 'db.subscribers', column: 'sub_no', map_id: 1 },
    ]);
    assert.deepEqual(await c.listTables(2), [
      { table: 'db.events', column: 'event_id', map_id: 2 },
    ]);
    await assert.rejects(
      c.listTables(9),
      fails('SHARD_MAP_NOT_FOUND', grpc.status.NOT_FOUND, /^shard map 9 does not exist$/),
    );
    assert.deepEqual(await c.lookupTable('db.subscribers'), {
      table: { table: 'db.subscribers', column: 'sub_no', map_id: 1 },
      map: { id: 1, type: 'SHARD_MAPPING_TYPE_RANGE', global_group_id: 'gg' },
    });
    await assert.rejects(
      c.lookupTable('db.nosuch'),
      fails('SHARD_TABLE_NOT_FOUND', grpc.status.NOT_FOUND, /^table db\.nosuch is not sharded/),
    );
    await assert.rejects(
      c.lookupTable('nosuch'),
      invalid(/^table "nosuch" is invalid: use db\.table/),
    );
  }),
);

test(
  "sharding: lookup-servers routes a RANGE key to its ENABLED shard and gives the group's servers",
  GUARD,
  () =>
    withSharding(async (s) => {
      const c = s.client.sharding;
      const low = await c.lookupServers('db.subscribers', 999);
      assert.deepEqual([low.shardId, low.groupId, low.point], [1, 'g1', '999']);
      assert.deepEqual(
        low.servers.map((v) => [v.uuid, v.address, v.status, v.mode, v.weight]),
        [
          ['uuid-a', 'db-a:3306', 'SERVER_STATUS_PRIMARY', 'SERVER_MODE_READ_WRITE', 1],
          ['uuid-b', 'db-b:3306', 'SERVER_STATUS_SECONDARY', 'SERVER_MODE_READ_ONLY', 2],
        ],
      );
      const bound = await c.lookupServers('db.calls', '1000');
      assert.deepEqual([bound.shardId, bound.groupId], [2, 'g2']);
      // Shard 3 (from 5000) is DISABLED: its keys stay with shard 2 until it is enabled.
      const high = await c.lookupServers('db.subscribers', 7000n);
      assert.deepEqual([high.shardId, high.groupId], [2, 'g2']);
      assert.deepEqual(
        high.servers.map((v) => v.uuid),
        ['uuid-c'],
      );
    }),
);

test(
  'sharding: lookup-servers with hint GLOBAL gives the global group without routing the key',
  GUARD,
  () =>
    withSharding(async (s) => {
      const r = await s.client.sharding.lookupServers('db.events', '', { hint: 'GLOBAL' });
      assert.deepEqual([r.shardId, r.groupId, r.point], [0, 'gg', '']);
      assert.deepEqual(
        r.servers.map((v) => v.uuid),
        ['uuid-g'],
      );
    }),
);

test(
  'sharding: a key that cannot be routed is a typed error naming the key, the map and why',
  GUARD,
  () =>
    withSharding(async (s) => {
      const c = s.client.sharding;
      await assert.rejects(
        c.lookupServers('db.subscribers', 'abc'),
        fails(
          'KEY_INVALID',
          grpc.status.INVALID_ARGUMENT,
          /^key "abc" of db\.subscribers cannot be routed in shard map 1 \(RANGE\): /,
        ),
      );
      await assert.rejects(
        c.lookupServers('db.subscribers', -5),
        fails(
          'KEY_BELOW_LOWEST_BOUND',
          grpc.status.INVALID_ARGUMENT,
          /^key "-5" of db\.subscribers cannot be routed in shard map 1 \(RANGE\): /,
        ),
      );
      await assert.rejects(
        c.lookupServers('db.events', 'e-1'),
        fails(
          'NO_SHARDS',
          grpc.status.FAILED_PRECONDITION,
          /^key "e-1" of db\.events cannot be routed in shard map 2 \(HASH\): /,
        ),
      );
      await assert.rejects(
        c.lookupServers('db.nosuch', '1'),
        fails('SHARD_TABLE_NOT_FOUND', grpc.status.NOT_FOUND, /^table db\.nosuch is not sharded/),
      );
      // The empty string is a key (RANGE_STRING's lowest, HASH digests it); RANGE refuses it.
      await assert.rejects(
        c.lookupServers('db.subscribers', ''),
        fails('KEY_INVALID', grpc.status.INVALID_ARGUMENT, /^key "" of db\.subscribers /),
      );
      await assert.rejects(
        c.lookupServers('subscribers', '1'),
        invalid(/^table "subscribers" is invalid/),
      );
    }),
);

test('sharding: a hint the server does not know is refused naming the field', GUARD, () =>
  withSharding(async (s) => {
    // The typed client cannot send one; a newer client's enum number arrives as a number.
    const stub = new (fabricProtos().sharding.ShardingService)(
      s.address,
      grpc.credentials.createInsecure(),
    );
    try {
      const e = await new Promise<grpc.ServiceError | null>((resolve) => {
        stub.LookupServers({ table: 'db.subscribers', key: '1', hint: 7 as never }, (err) => {
          resolve(err);
        });
      });
      assert.equal(e?.code, grpc.status.INVALID_ARGUMENT);
      assert.match(e.details, /^hint 7 is invalid: use one of LOCAL, GLOBAL$/);
    } finally {
      stub.close();
    }
  }),
);

test(
  'sharding: the topology carries shard maps, tables and shards at the same epoch',
  GUARD,
  async () => {
    const farm = shardedFarm();
    const s = await serve(new FakeNode(), new FakeProcedures(), farm);
    const seen = new Inbox<Topology__Output>();
    const w = s.client.watchTopology(0, seen.push);
    try {
      const t = await s.client.topology.dump();
      assert.equal(t.epoch, farm.model.topologyEpoch);
      assert.deepEqual(t.shard_maps, [
        { id: 1, type: 'SHARD_MAPPING_TYPE_RANGE', global_group_id: 'gg' },
        { id: 2, type: 'SHARD_MAPPING_TYPE_HASH', global_group_id: 'gg' },
      ]);
      assert.deepEqual(t.shard_tables, [
        { table: 'db.calls', column: 'sub_no', map_id: 1 },
        { table: 'db.events', column: 'event_id', map_id: 2 },
        { table: 'db.subscribers', column: 'sub_no', map_id: 1 },
      ]);
      assert.deepEqual(t.shards, [
        { id: 1, map_id: 1, lower_bound: '0', group_id: 'g1', state: 'SHARD_STATE_ENABLED' },
        { id: 2, map_id: 1, lower_bound: '1000', group_id: 'g2', state: 'SHARD_STATE_ENABLED' },
        { id: 3, map_id: 1, lower_bound: '5000', group_id: 'g3', state: 'SHARD_STATE_DISABLED' },
      ]);
      const first = await seen.next();
      assert.deepEqual([first.epoch, first.shards], [t.epoch, t.shards]);
      // Enabling a shard is a routing change: a new epoch, pushed with the shard's new state.
      farm.change([{ type: 'shard-set-state', shardId: 3, state: 'ENABLED' }]);
      const next = await seen.next();
      assert.equal(next.epoch, t.epoch + 1);
      assert.equal(next.shards.find((x) => x.id === 3)?.state, 'SHARD_STATE_ENABLED');
      assert.deepEqual(next.groups, t.groups);
    } finally {
      w.close();
      await s.stop();
    }
  },
);

test(
  'sharding: a follower forwards mutations to the leader and passes on the ids they made',
  GUARD,
  async () => {
    const leaderProcedures = new FakeProcedures();
    leaderProcedures.ending = (name) => ({ ...procedureRecord({ name }), result: { mapId: 5 } });
    const leader = await serve(new FakeNode('n1'), leaderProcedures, shardedFarm());
    const followerProcedures = new FakeProcedures();
    const follower = await serve(
      new FakeNode('n2', { id: 'n1', address: leader.address }),
      followerProcedures,
      shardedFarm(),
    );
    try {
      const created = await follower.client.sharding.createDefinition('HASH', 'gg', {
        requestId: 'req-f',
      });
      assert.equal(created.mapId, 5);
      assert.deepEqual(followerProcedures.submitted, []);
      assert.deepEqual(leaderProcedures.submitted, [
        {
          name: 'sharding.create-definition',
          args: { type: 'HASH', globalGroup: 'gg' },
          requestId: 'req-f',
        },
      ]);
    } finally {
      await follower.stop();
      await leader.stop();
    }
  },
);
