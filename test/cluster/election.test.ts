import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestCluster } from './cluster.js';

test('cluster: three nodes started from config files elect one leader', async () => {
  const c = await TestCluster.start(3);
  try {
    const leader = await c.waitForLeader();
    const views = await Promise.all(['n1', 'n2', 'n3'].map((id) => c.client(id).status()));
    assert.equal(views.filter((v) => v.role === 'NODE_ROLE_LEADER').length, 1);
    assert.ok(views.every((v) => v.leader_id === leader));
    const st = await c.client(leader).status();
    assert.deepEqual(st.members.map((m) => [m.node_id, m.role]).sort(), [
      ['n1', 'MEMBER_ROLE_VOTER'],
      ['n2', 'MEMBER_ROLE_VOTER'],
      ['n3', 'MEMBER_ROLE_VOTER'],
    ]);
    // A write through a follower is forwarded to the leader and readable everywhere.
    const follower = ['n1', 'n2', 'n3'].find((id) => id !== leader) as string;
    const put = await c.client(follower).put('hello', 'world', 'req-hello');
    assert.equal(put.version, 1);
    for (const id of ['n1', 'n2', 'n3'])
      assert.equal((await c.client(id).get('hello')).value, 'world');
  } finally {
    await c.stop();
  }
});
