/**
 * [ha] fence, [servers.replication_endpoints] and the failure detector's
 * replica settings in the cluster file, and the fence program runner
 * (src/server/fence-command.ts) against real programs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadConfig } from '../../src/server/config.js';
import type { HaConfig } from '../../src/server/config.js';
import { fencerFor } from '../../src/server/fence-command.js';
import { FabricError } from '../../src/util/fabric-error.js';
import { silentLogger } from '../../src/util/logger.js';
import { MINIMAL_CLUSTER_FILE } from './minimal-config.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-fencing-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const BASE = MINIMAL_CLUSTER_FILE;

let files = 0;
function load(extra: string) {
  const f = path.join(dir, `c${files++}.toml`);
  writeFileSync(f, BASE + extra);
  return loadConfig(f);
}

function refused(extra: string, pattern: RegExp): void {
  assert.throws(
    () => load(extra),
    (e: unknown) =>
      e instanceof FabricError && e.code === 'CONFIG_INVALID' && pattern.test(e.message),
  );
}

test('fencing config: defaults are no fence, replicas needed to confirm, 250 ms heartbeats', () => {
  const c = load('');
  assert.equal(c.ha.fence, 'none');
  assert.deepEqual(c.ha.fenceCommand, []);
  assert.equal(c.ha.fenceTimeoutMs, 10_000);
  assert.equal(c.failureDetector.failoverWithoutReplicaEvidence, false);
  assert.equal(c.servers.heartbeatPeriodMs, 250);
  assert.equal(c.servers.replicationEndpoints?.size, 0);
});

test('fencing config: a fence command, replication endpoints and the detector switches are read', () => {
  const c = load(`[ha]
fence = "command"
fence_command = ["/usr/local/bin/stonith", "--hard"]
fence_timeout_ms = 2000
[servers.replication_endpoints]
"127.0.0.1:4001" = "127.0.0.1:5001"
[failure_detector]
failover_without_replica_evidence = true
replica_heartbeat_ms = 100
`);
  assert.equal(c.ha.fence, 'command');
  assert.deepEqual(c.ha.fenceCommand, ['/usr/local/bin/stonith', '--hard']);
  assert.equal(c.ha.fenceTimeoutMs, 2_000);
  assert.deepEqual(
    [...(c.servers.replicationEndpoints ?? [])],
    [['127.0.0.1:4001', '127.0.0.1:5001']],
  );
  assert.equal(c.failureDetector.failoverWithoutReplicaEvidence, true);
  assert.equal(c.servers.heartbeatPeriodMs, 100);
});

test('fencing config: bad values are refused with the key and what is allowed', () => {
  refused(
    '[ha]\nfence = "stonith"\n',
    /\[ha\] fence = "stonith": must be one of "none", "command", "semi-sync"/,
  );
  refused('[ha]\nfence = "command"\n', /fence = "command" needs fence_command/);
  refused('[ha]\nfence_command = ["x"]\n', /fence_command is set but fence = "none"/);
  refused(
    '[ha]\nfence = "command"\nfence_command = "x --y"\n',
    /fence_command = "x --y": must be an array of strings/,
  );
  refused(
    '[ha]\nfence = "command"\nfence_command = ["", "a"]\n',
    /the program \(first element\) must not be empty/,
  );
  refused('[servers.replication_endpoints]\n"db1" = "127.0.0.1:5001"\n', /key "db1" must be/);
  refused('[servers.replication_endpoints]\n"127.0.0.1:1" = 5\n', /"127.0.0.1:1" = 5: must be/);
  refused(
    '[failure_detector]\nreplica_heartbeat_ms = 5\n',
    /replica_heartbeat_ms = 5: must be between 10 and 30000/,
  );
});

const TARGET = { group: 'g1', uuid: 'u-1', address: '127.0.0.1:3310' };

function fencer(command: string[], timeoutMs = 5_000) {
  const ha: HaConfig = {
    switchoverTimeoutMs: 1_000,
    fence: 'command',
    fenceCommand: command,
    fenceTimeoutMs: timeoutMs,
  };
  return fencerFor(ha, silentLogger());
}

test('fence command: gets the address as its last argument and in the environment; its output is kept', async () => {
  const script =
    'process.stdout.write(`fenced ${process.argv.at(-1)} ${process.env.FABRIC_FENCE_SERVER} ${process.env.FABRIC_FENCE_GROUP} ${process.env.FABRIC_FENCE_UUID}`)';
  const said = await fencer([process.execPath, '-e', script]).fence(
    TARGET,
    new AbortController().signal,
  );
  assert.equal(said, 'fenced 127.0.0.1:3310 127.0.0.1:3310 g1 u-1');
});

test('fence command: a non-zero exit, a missing program and a timeout are FENCE_FAILED, each said plainly', async () => {
  const signal = new AbortController().signal;
  const fails = async (f: ReturnType<typeof fencer>, pattern: RegExp): Promise<void> => {
    await assert.rejects(f.fence(TARGET, signal), (e: unknown) => {
      assert.ok(e instanceof FabricError && e.code === 'FENCE_FAILED', String(e));
      assert.match(e.message, pattern);
      return true;
    });
  };
  await fails(
    fencer([process.execPath, '-e', 'console.error("firewall API said no"); process.exit(3)']),
    /exited with status 3: firewall API said no/,
  );
  await fails(fencer(['/nonexistent/stonith']), /\/nonexistent\/stonith was not found/);
  await fails(
    fencer([process.execPath, '-e', 'setTimeout(() => {}, 60_000)'], 200),
    /did not finish within 200 ms \(\[ha\] fence_timeout_ms\)/,
  );
});
