import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/node/config.js';
import { FabricError } from '../../src/util/fabric-error.js';

const EXAMPLE = new URL('../../cluster.example.toml', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-config-'));

function write(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

const VALID = `[node]
id = "n1"
listen = "127.0.0.1:7001"
[cluster]
id = "c1"
members = [{ id = "n1", address = "127.0.0.1:7001" }]
[security]
transport = "plaintext"
`;

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
