import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeNode, FakeProcedures, populatedFarm, serve } from './farm-harness.js';

const GUARD = { timeout: 30_000 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test(
  'api request id: optional; the node assigns one, and a follower forwards the one it assigned',
  GUARD,
  async () => {
    const leaderProcedures = new FakeProcedures();
    const leader = await serve(new FakeNode('n1'), leaderProcedures, populatedFarm());
    const follower = await serve(
      new FakeNode('n2', { id: 'n1', address: leader.address }),
      new FakeProcedures(),
      populatedFarm(),
    );
    try {
      // An empty request_id is what a client that never sets the field sends.
      await leader.client.groups.create('g9', { requestId: '' });
      await follower.client.groups.create('g8', { requestId: '' });
      await follower.client.servers.setWeight('uuid-b', 2, { requestId: '' });
      const ids = leaderProcedures.submitted.map((s) => s.requestId);
      assert.equal(ids.length, 3);
      for (const id of ids) assert.match(id, UUID);
      assert.equal(new Set(ids).size, 3, 'no dedup without an id: each call is its own request');
    } finally {
      await follower.stop();
      await leader.stop();
    }
  },
);
