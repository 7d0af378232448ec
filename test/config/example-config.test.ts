/**
 * cluster.example.toml is documentation that must stay valid: it parses, and
 * every documented key is present with the documented type.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { parse } from 'smol-toml';

const EXAMPLE = new URL('../../cluster.example.toml', import.meta.url);

type Kind = 'string' | 'integer' | 'boolean';

const EXPECTED: Readonly<Record<string, Readonly<Record<string, Kind>>>> = {
  node: { id: 'string', listen: 'string', advertise: 'string', data_dir: 'string' },
  cluster: { id: 'string' },
  raft: {
    tick_ms: 'integer',
    heartbeat_ticks: 'integer',
    election_ticks: 'integer',
    pre_vote: 'boolean',
    check_quorum: 'boolean',
    max_inflight_msgs: 'integer',
    max_inflight_bytes: 'integer',
    max_size_per_msg: 'integer',
    snapshot_threshold: 'integer',
    snapshot_keep_entries: 'integer',
  },
  security: { transport: 'string' },
  procedures: {
    history_max: 'integer',
    history_max_age_s: 'integer',
    dedup_window_s: 'integer',
    max_attempts: 'integer',
  },
  log: { level: 'string' },
  servers: {
    user: 'string',
    password: 'string',
    password_env: 'string',
    replication_user: 'string',
    replication_password: 'string',
    replication_password_env: 'string',
    connect_timeout_ms: 'integer',
    query_timeout_ms: 'integer',
  },
  ha: { switchover_timeout_ms: 'integer' },
  failure_detector: {
    detection_interval_ms: 'integer',
    detections: 'integer',
    probe_timeout_ms: 'integer',
    observation_window_ms: 'integer',
    failover_cooldown_s: 'integer',
    lag_threshold_s: 'integer',
    report_error_window_s: 'integer',
    report_error_threshold: 'integer',
    report_error_clients: 'integer',
  },
};

function kindOf(value: unknown): string {
  if (Number.isSafeInteger(value)) return 'integer';
  return typeof value;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

test('config: example file parses', () => {
  const doc = parse(readFileSync(EXAMPLE, 'utf8'));

  for (const [section, keys] of Object.entries(EXPECTED)) {
    const table = doc[section];
    assert.ok(isTable(table), `[${section}] is missing`);
    for (const [key, kind] of Object.entries(keys)) {
      assert.equal(kindOf(table[key]), kind, `${section}.${key} should be a ${kind}`);
    }
  }

  const { node, cluster, raft } = doc as {
    node: { id: string; listen: string; advertise: string };
    cluster: { members: unknown };
    raft: { heartbeat_ticks: number; election_ticks: number; tick_ms: number };
  };
  assert.ok(Array.isArray(cluster.members), 'cluster.members should be an array');
  assert.equal(cluster.members.length, 3);
  const members = cluster.members.map((m: unknown, i) => {
    assert.ok(isTable(m), `cluster.members[${i}] should be a table`);
    assert.equal(typeof m.id, 'string', `cluster.members[${i}].id should be a string`);
    assert.equal(typeof m.address, 'string', `cluster.members[${i}].address should be a string`);
    return m as { id: string; address: string };
  });
  assert.deepEqual(
    members.map((m) => m.id),
    ['n1', 'n2', 'n3'],
  );

  // The documented defaults and cross-key rules hold in the example itself.
  assert.equal(node.id, 'n1');
  assert.equal(node.advertise, node.listen, 'advertise defaults to listen');
  assert.equal(members.find((m) => m.id === node.id)?.address, node.advertise);
  assert.equal(raft.tick_ms, 20);
  assert.ok(
    raft.election_ticks > raft.heartbeat_ticks,
    'election_ticks must exceed heartbeat_ticks',
  );
});
