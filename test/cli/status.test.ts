import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestCluster } from '../cluster/cluster.js';
import { runFabric } from './run-fabric.js';

const GUARD = { timeout: 120_000 };

test(
  'cli status: one screen of a real cluster — nodes with the leader and lag, groups, procedures',
  GUARD,
  async () => {
    const c = await TestCluster.start(3);
    try {
      const leader = await c.waitForLeader();
      const addresses = [...c.nodes.values()].map((n) => n.address);
      // The first endpoint is dead: the CLI moves on to the next (FABRIC_ENDPOINTS, finding 1).
      const env = { FABRIC_ENDPOINTS: ['127.0.0.1:1', ...addresses].join(',') };
      const created = await runFabric(['group', 'create', 'g1'], env);
      assert.equal(created.code, 0, created.stderr);
      const r = await runFabric(['status'], env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(
        r.stdout,
        new RegExp(
          `^Fabric nodes \\(cluster \\S+, leader ${leader} at 127\\.0\\.0\\.1:\\d+, term \\d+`,
        ),
      );
      assert.match(r.stdout, /\nNODE\s+ADDRESS\s+ROLE\s+LEADER\s+LAG\s+ACTIVE\n/);
      for (const id of c.nodes.keys())
        assert.match(r.stdout, new RegExp(`\\n${id}\\s+127\\.0\\.0\\.1:\\d+\\s+voter`));
      assert.match(
        r.stdout,
        /\nGroups\nGROUP\s+STATUS\s+PRIMARY\s+SECONDARIES \(LAG\)\s+OTHERS\s+ISSUES\n/,
      );
      assert.match(r.stdout, /\ng1\s+INACTIVE\s+\(none\)\s+\(none\)\s+none\n/);
      assert.match(r.stdout, /\nRunning procedures: none\n$/);
      const json = JSON.parse((await runFabric(['status', '--json'], env)).stdout) as {
        cluster: { leader_id: string };
        topology: { groups: { id: string }[] };
        health: Record<string, { ok: boolean }>;
      };
      assert.equal(json.cluster.leader_id, leader);
      assert.deepEqual(
        json.topology.groups.map((g) => g.id),
        ['g1'],
      );
      assert.equal(json.health.g1?.ok, true);
    } finally {
      await c.stop();
    }
  },
);
