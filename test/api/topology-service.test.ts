import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { FabricCallError } from '../../src/client/index.js';
import type { Topology__Output } from '../../src/gen/fabric/v1/Topology.js';
import {
  FakeFarm,
  FakeNode,
  FakeProcedures,
  Inbox,
  leaderless,
  populatedFarm,
  serve,
} from './farm-harness.js';

/** A hang guard, not a timing assertion: a lost message fails the test instead of the suite. */
const GUARD = { timeout: 30_000 };

test(
  'topology: Dump returns the epoch, groups with their primary, servers and Fabric nodes',
  GUARD,
  async () => {
    const farm = populatedFarm();
    const node = new FakeNode();
    node.conf = { voters: ['n2', 'n1'], learners: ['n3'] };
    node.addresses.set('n1', '127.0.0.1:7001').set('n2', '127.0.0.1:7002');
    node.addresses.set('n3', '127.0.0.1:7003');
    const s = await serve(node, new FakeProcedures(), farm);
    try {
      const t = await s.client.topology.dump();
      assert.equal(t.epoch, farm.model.topologyEpoch);
      assert.ok(t.epoch > 0);
      assert.deepEqual(t.groups, [
        {
          id: 'g1',
          description: 'first',
          status: 'GROUP_STATUS_INACTIVE',
          primary_uuid: 'uuid-a',
          primary_address: 'db-a:3306',
        },
        {
          id: 'g2',
          description: 'second',
          status: 'GROUP_STATUS_INACTIVE',
          primary_uuid: '',
          primary_address: '',
        },
      ]);
      assert.deepEqual(t.servers, [
        {
          uuid: 'uuid-a',
          address: 'db-a:3306',
          group_id: 'g1',
          status: 'SERVER_STATUS_PRIMARY',
          mode: 'SERVER_MODE_READ_WRITE',
          weight: 1,
          replication: 'REPLICATION_STATE_OK',
          reachability: 'REACHABILITY_REACHABLE',
        },
        {
          uuid: 'uuid-b',
          address: 'db-b:3306',
          group_id: 'g1',
          status: 'SERVER_STATUS_SECONDARY',
          mode: 'SERVER_MODE_READ_ONLY',
          weight: 2,
          replication: 'REPLICATION_STATE_OK',
          reachability: 'REACHABILITY_REACHABLE',
        },
        {
          uuid: 'uuid-c',
          address: 'db-c:3306',
          group_id: 'g2',
          status: 'SERVER_STATUS_SPARE',
          mode: 'SERVER_MODE_OFFLINE',
          weight: 1,
          replication: 'REPLICATION_STATE_OK',
          reachability: 'REACHABILITY_REACHABLE',
        },
      ]);
      // The committed Raft configuration, voters then learners, by id.
      assert.deepEqual(t.fabric_nodes, [
        { id: 'n1', address: '127.0.0.1:7001', role: 'FABRIC_NODE_ROLE_LEADER', voter: true },
        { id: 'n2', address: '127.0.0.1:7002', role: 'FABRIC_NODE_ROLE_FOLLOWER', voter: true },
        { id: 'n3', address: '127.0.0.1:7003', role: 'FABRIC_NODE_ROLE_LEARNER', voter: false },
      ]);
      assert.equal(node.reads, 1, 'a linearizable read first');
      await s.client.topology.dump({ allowStale: true });
      assert.equal(node.reads, 1, 'allow_stale skips the ReadIndex round');
    } finally {
      await s.stop();
    }
  },
);

test(
  'topology: reads without a leader fail UNAVAILABLE unless stale reads are allowed',
  GUARD,
  async () => {
    const node = new FakeNode();
    leaderless(node);
    const s = await serve(node, new FakeProcedures(), populatedFarm());
    try {
      await assert.rejects(s.client.topology.dump(), (e: unknown) => {
        assert.ok(e instanceof FabricCallError);
        assert.equal(e.code, 'NO_LEADER');
        assert.equal(e.grpcCode, grpc.status.UNAVAILABLE);
        return true;
      });
      assert.equal((await s.client.topology.dump({ allowStale: true })).servers.length, 3);
    } finally {
      await s.stop();
    }
  },
);

test(
  'topology: LookupServers filters on group, status, mode and server across groups',
  GUARD,
  async () => {
    const s = await serve(new FakeNode(), new FakeProcedures(), populatedFarm());
    const uuids = (rows: { uuid: string }[]): string[] => rows.map((r) => r.uuid);
    try {
      const t = s.client.topology;
      assert.deepEqual(uuids(await t.lookupServers()), ['uuid-a', 'uuid-b', 'uuid-c']);
      assert.deepEqual(uuids(await t.lookupServers('g1')), ['uuid-a', 'uuid-b']);
      assert.deepEqual(uuids(await t.lookupServers('', { status: 'SPARE' })), ['uuid-c']);
      assert.deepEqual(uuids(await t.lookupServers('', { mode: 'READ_ONLY' })), ['uuid-b']);
      assert.deepEqual(uuids(await t.lookupServers('', { server: 'db-c:3306' })), ['uuid-c']);
      assert.deepEqual(
        uuids(await t.lookupServers('g1', { server: 'uuid-a', status: 'SECONDARY' })),
        [],
      );
      await assert.rejects(t.lookupServers('', { server: 'db-x:1' }), {
        code: 'SERVER_NOT_FOUND',
        message: /server db-x:1 does not exist/,
      });
      await assert.rejects(t.lookupServers('nope'), {
        code: 'GROUP_NOT_FOUND',
        message: /group nope/,
      });
    } finally {
      await s.stop();
    }
  },
);

test(
  'topology: Watch sends the current topology, then each new epoch, and stops on close',
  GUARD,
  async () => {
    const farm = populatedFarm();
    const s = await serve(new FakeNode(), new FakeProcedures(), farm);
    const inbox = new Inbox<Topology__Output>();
    const w = s.client.watchTopology(0, inbox.push);
    try {
      const first = await inbox.next();
      assert.equal(first.epoch, farm.model.topologyEpoch);
      assert.equal(first.servers.length, 3);

      farm.applied(); // a batch without a routing change sends nothing
      farm.change([{ type: 'server-set-weight', uuid: 'uuid-b', weight: 5 }]);
      const second = await inbox.next();
      assert.equal(second.epoch, first.epoch + 1);
      assert.equal(second.servers.find((v) => v.uuid === 'uuid-b')?.weight, 5);

      farm.change([{ type: 'server-set-status', uuid: 'uuid-c', status: 'SECONDARY' }]);
      assert.equal((await inbox.next()).epoch, first.epoch + 2);
      assert.equal(w.epoch, first.epoch + 2);
      assert.equal(inbox.pending, 0, 'one message per epoch');
    } finally {
      w.close();
      await w.done;
      await farm.unsubscribedAll(); // the server unsubscribed on cancel
      assert.equal(farm.listeners, 0);
      await s.stop();
    }
  },
);

test('topology: Watch from epoch 0 sends an empty farm at epoch 0', GUARD, async () => {
  const farm = new FakeFarm();
  const s = await serve(new FakeNode(), new FakeProcedures(), farm);
  const inbox = new Inbox<Topology__Output>();
  const w = s.client.watchTopology(0, inbox.push);
  try {
    const t = await inbox.next();
    assert.equal(t.epoch, 0);
    assert.deepEqual(t.servers, []);
  } finally {
    w.close();
    await s.stop();
  }
});

test(
  'topology: Watch from the current epoch sends nothing until a newer one exists',
  GUARD,
  async () => {
    const farm = populatedFarm();
    const s = await serve(new FakeNode(), new FakeProcedures(), farm);
    const current = farm.model.topologyEpoch;
    const inbox = new Inbox<Topology__Output>();
    const w = s.client.watchTopology(current, inbox.push);
    try {
      // The server has subscribed once the listener count moves: nothing was sent for `current`.
      while (farm.listeners === 0) await new Promise((r) => setImmediate(r));
      farm.change([{ type: 'group-activate', groupId: 'g1' }]);
      const t = await inbox.next();
      assert.equal(t.epoch, current + 1, 'the first message is the newer epoch, not a re-send');
      assert.equal(t.groups[0]?.status, 'GROUP_STATUS_ACTIVE');
    } finally {
      w.close();
      await s.stop();
    }
  },
);

test('topology: a watch resumes from its last epoch after the node restarts', GUARD, async () => {
  const farm = populatedFarm();
  const procedures = new FakeProcedures();
  const first = await serve(new FakeNode(), procedures, farm);
  const port = Number(first.address.split(':')[1]);
  const inbox = new Inbox<Topology__Output>();
  const errors = new Inbox<{ code: string; retrying: boolean }>();
  const client = first.client;
  const w = client.watchTopology(
    0,
    inbox.push,
    (e, retrying) => {
      errors.push({ code: e.code, retrying });
    },
    { initialBackoffMs: 20, maxBackoffMs: 100 },
  );
  let second: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    const seen = (await inbox.next()).epoch;
    // The node shuts down: its watches end with SHUTTING_DOWN and the client retries.
    await first.halt();
    assert.deepEqual(await errors.next(), { code: 'SHUTTING_DOWN', retrying: true });
    // While down, the farm moves on twice; a new server on the same port serves it.
    farm.change([{ type: 'server-set-weight', uuid: 'uuid-a', weight: 3 }]);
    farm.change([{ type: 'server-set-weight', uuid: 'uuid-a', weight: 4 }]);
    second = await serve(new FakeNode(), procedures, farm, port);
    const t = await inbox.next();
    assert.equal(t.epoch, seen + 2, 'resumes with the newest epoch, not the one already seen');
    assert.equal(t.servers[0]?.weight, 4);
  } finally {
    w.close();
    await second?.stop();
    await first.stop();
  }
});
