import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadConfig } from '../../src/server/config.js';
import { FabricError } from '../../src/util/fabric-error.js';
import { MINIMAL_CLUSTER_FILE } from './minimal-config.js';

const EXAMPLE = new URL('../../cluster.example.toml', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-config-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

const VALID = MINIMAL_CLUSTER_FILE;

function rejects(text: string, pattern: RegExp): void {
  const f = write(`bad-${Math.random().toString(36).slice(2)}.toml`, text);
  assert.throws(
    () => loadConfig(f),
    (e: unknown) =>
      e instanceof FabricError &&
      e.code === 'CONFIG_INVALID' &&
      pattern.test(e.message) &&
      e.message.includes(f),
  );
}

test('config: the example file loads with its documented defaults', () => {
  const c = loadConfig(EXAMPLE);
  assert.equal(c.node.id, 'n1');
  assert.equal(c.raft.tickMs, 20);
  assert.equal(c.raft.electionTicks, 10);
  assert.equal(c.security.transport, 'plaintext');
  assert.equal(c.cluster.members.length, 3);
});

test('config: a minimal file gets defaults; data_dir and advertise are derived', () => {
  const c = loadConfig(write('min.toml', VALID));
  assert.equal(c.node.advertise, '127.0.0.1:7001');
  assert.equal(c.node.dataDir, path.join(dir, 'data', 'n1'));
  assert.equal(c.raft.heartbeatTicks, 2);
  assert.equal(c.log.level, 'info');
});

test('config: errors name the key, the value and what is allowed', () => {
  rejects('not toml = = =', /not valid TOML/);
  rejects(
    VALID.replace('id = "n1"\nlisten', 'id = "N 1"\nlisten'),
    /\[node\] id = "N 1": must be 1-63 characters/,
  );
  rejects(
    VALID.replace('127.0.0.1:7001"\n[cluster]', 'localhost"\n[cluster]'),
    /\[node\] listen = "localhost": must be host:port/,
  );
  rejects(
    `${VALID}[raft]\nelection_ticks = 2\nheartbeat_ticks = 2\n`,
    /election_ticks = 2: must be greater than heartbeat_ticks/,
  );
  rejects(`${VALID}[raft]\ntick_ms = 0\n`, /\[raft\] tick_ms = 0: must be between 1 and 10000/);
  rejects(`${VALID}[raft]\npre_vote = "yes"\n`, /\[raft\] pre_vote = "yes": must be true or false/);
  rejects(
    `${VALID}[raft]\nelecton_ticks = 5\n`,
    /unknown key \[raft\] electon_ticks; allowed keys: tick_ms/,
  );
  rejects(`${VALID}[mysql]\nx = 1\n`, /unknown section \[mysql\]/);
  rejects(
    VALID.replace('[security]\ntransport = "plaintext"\n', ''),
    /section \[security\] is required/,
  );
  rejects(
    VALID.replace('"plaintext"', '"ssl"'),
    /transport = "ssl": must be one of "plaintext", "tls", "mtls"/,
  );
  rejects(
    VALID.replace('"plaintext"', '"mtls"'),
    /\[security\] ca_file is required when transport = "mtls"/,
  );
  rejects(
    VALID.replace('members = [{ id = "n1"', 'members = [{ id = "n2"'),
    /must be one of \[cluster\] members \(n2\)/,
  );
  rejects(
    VALID.replace(
      'members = [{ id = "n1", address = "127.0.0.1:7001" }]',
      'members = [{ id = "n1", address = "127.0.0.1:7001" }, { id = "n1", address = "127.0.0.1:7002" }]',
    ),
    /duplicate member id/,
  );
});

test('config: a joining node needs no members', () => {
  const f = write(
    'join.toml',
    VALID.replace('members = [{ id = "n1", address = "127.0.0.1:7001" }]\n', ''),
  );
  assert.equal(loadConfig(f, { joining: true }).cluster.members.length, 0);
  assert.throws(() => loadConfig(f), /\[cluster\] members is required/);
});

test('config: [servers] passwords come inline or from a named environment variable, never both', () => {
  process.env.FABRIC_TEST_CONFIG_PW = 's3cret';
  const f = write(
    'servers-env.toml',
    `${VALID}[servers]\nuser = "fab"\npassword_env = "FABRIC_TEST_CONFIG_PW"\n`,
  );
  const cfg = loadConfig(f);
  assert.equal(cfg.servers.admin.user, 'fab');
  assert.equal(cfg.servers.admin.password, 's3cret');
  rejects(
    `${VALID}[servers]\npassword = "x"\npassword_env = "FABRIC_TEST_CONFIG_PW"\n`,
    /\[servers\] set either password or password_env, not both/,
  );
  rejects(
    `${VALID}[servers]\npassword_env = "FABRIC_TEST_UNSET_VARIABLE"\n`,
    /the environment variable FABRIC_TEST_UNSET_VARIABLE is not set/,
  );
  rejects(`${VALID}[servers]\npassword_env = "not a name"\n`, /environment variable name/);
});

test('config: [failure_detector] defaults aim at a two-second failover; incoherent timings are refused', () => {
  const cfg = loadConfig(write('fd-defaults.toml', VALID));
  const fd = cfg.failureDetector;
  assert.ok(fd.detectionIntervalMs * fd.detections + fd.probeTimeoutMs < 2_000);
  rejects(
    `${VALID}[failure_detector]\ndetection_interval_ms = 100\ndetections = 2\nprobe_timeout_ms = 250\n`,
    /probe_timeout_ms = 250: must be less than detection_interval_ms × detections \(200\)/,
  );
  rejects(
    `${VALID}[failure_detector]\nobservation_window_ms = 300\n`,
    /observation_window_ms = 300: must be at least twice detection_interval_ms \(400\)/,
  );
  rejects(
    `${VALID}[failure_detector]\ndetections = 0\n`,
    /detections = 0: must be between 1 and 100/,
  );
  rejects(`${VALID}[failure_detector]\nbogus = 1\n`, /unknown key \[failure_detector\] bogus/);
});

test('config: [testing] is off by default and read like any other section', () => {
  const off = loadConfig(write('testing-off.toml', VALID));
  assert.deepEqual(off.testing, { stepPauseMs: 0, procedures: false, blockServers: [] });
  const on = loadConfig(
    write(
      'testing-on.toml',
      `${VALID}[testing]\nstep_pause_ms = 200\nprocedures = true\nblock_servers = ["127.0.0.1:3306", "db2:3307"]\n`,
    ),
  );
  assert.deepEqual(on.testing, {
    stepPauseMs: 200,
    procedures: true,
    blockServers: ['127.0.0.1:3306', 'db2:3307'],
  });
});

test('config: [testing] refuses unknown and mistyped keys', () => {
  rejects(
    `${VALID}[testing]\nstep_pause = 200\n`,
    /unknown key \[testing\] step_pause; allowed keys: step_pause_ms, procedures, block_servers/,
  );
  rejects(
    `${VALID}[testing]\nprocedures = "1"\n`,
    /\[testing\] procedures = "1": must be true or false/,
  );
  rejects(
    `${VALID}[testing]\nstep_pause_ms = -1\n`,
    /\[testing\] step_pause_ms = -1: must be between 0/,
  );
  rejects(
    `${VALID}[testing]\nblock_servers = "127.0.0.1:3306"\n`,
    /\[testing\] block_servers = "127.0.0.1:3306": must be an array of addresses/,
  );
  rejects(
    `${VALID}[testing]\nblock_servers = ["no port"]\n`,
    /\[testing\] block_servers = \["no port"\]: must be an array of addresses/,
  );
});
