/**
 * dump.fabric_nodes from a real 3-process cluster: the committed Raft
 * configuration with each member's address and role, so a client whose
 * node dies can find another one from what it last read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FabricClient } from '../../src/client/index.js';
import type { FabricNode__Output } from '../../src/gen/fabric/v1/FabricNode.js';
import { TestCluster } from './cluster.js';

function summary(nodes: readonly FabricNode__Output[]): string[] {
  return nodes.map(
    (n) =>
      `${n.id}@${n.address}:${n.role.replace('FABRIC_NODE_ROLE_', '').toLowerCase()}:${n.voter ? 'voter' : 'non-voter'}`,
  );
}

test('topology: fabric_nodes lists every member with its address and role, on every node, and leads a client to a live node once its own dies', async () => {
  const c = await TestCluster.start(3, { logLevel: 'warn' });
  try {
    const leader = await c.waitForLeader();
    const expected = (lead: string): string[] =>
      ['n1', 'n2', 'n3'].map(
        (id) => `${id}@${c.node(id).address}:${id === lead ? 'leader' : 'follower'}:voter`,
      );
    for (const id of ['n1', 'n2', 'n3']) {
      const t = await c.client(id).topology.dump();
      assert.deepEqual(summary(t.fabric_nodes), expected(leader), `as node ${id} answers`);
    }

    // The client's node (the leader, the worst case) dies; the list it read
    // names the others, and any of them answers.
    const known = (await c.client(leader).topology.dump()).fabric_nodes;
    await c.node(leader).kill9();
    const others = known.filter((n) => n.id !== leader);
    const next = await c.waitForLeaderAmong(others.map((n) => n.id));
    const other = others[0] as FabricNode__Output;
    const fresh = new FabricClient(other.address, { timeoutMs: 10_000 });
    try {
      const t = await fresh.topology.dump();
      // The dead node stays a member (nobody removed it); the new leader leads.
      assert.deepEqual(summary(t.fabric_nodes), expected(next));
    } finally {
      fresh.close();
    }
  } finally {
    await c.stop();
  }
});
