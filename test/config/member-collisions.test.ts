import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadConfig } from '../../src/server/config.js';
import { FabricError } from '../../src/util/fabric-error.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-config-collisions-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const MEMBERS = `members = [
  { id = "n1", address = "127.0.0.1:7001" },
  { id = "n2", address = "127.0.0.1:7002" },
]`;

/** n1's file: its [node] lines, then a cluster of n1 and n2. */
function file(node: string, members = MEMBERS): string {
  const f = path.join(dir, `${Math.random().toString(36).slice(2)}.toml`);
  writeFileSync(
    f,
    `[node]\nid = "n1"\n${node}\n[cluster]\nid = "c1"\n${members}\n[security]\ntransport = "plaintext"\n`,
  );
  return f;
}

/** CONFIG_INVALID whose message names the file and matches `pattern`. */
function refused(f: string, pattern: RegExp): void {
  assert.throws(
    () => loadConfig(f),
    (e: unknown) =>
      e instanceof FabricError &&
      e.code === 'CONFIG_INVALID' &&
      e.message.includes(f) &&
      pattern.test(e.message),
  );
}

test('config: distinct addresses and data dirs load', () => {
  const c = loadConfig(file('listen = "127.0.0.1:7001"'));
  assert.equal(c.node.dataDir, path.join(dir, 'data', 'n1'));
});

test('config: two members with the same address are refused, naming both entries', () => {
  refused(
    file(
      'listen = "127.0.0.1:7001"',
      'members = [{ id = "n1", address = "127.0.0.1:7001" }, { id = "n2", address = "127.0.0.1:7001" }]',
    ),
    /\[cluster\] members\[1\]\.address = "127\.0\.0\.1:7001": same address as members\[0\] \("n1"\); every member needs its own host:port/,
  );
  // Host names compare case-insensitively, and localhost is 127.0.0.1.
  refused(
    file(
      'listen = "127.0.0.1:7001"',
      'members = [{ id = "n1", address = "127.0.0.1:7001" }, { id = "n2", address = "LOCALHOST:7001" }]',
    ),
    /members\[1\]\.address = "LOCALHOST:7001": same address as members\[0\]/,
  );
});

test("config: a node listening on or advertising another member's address is refused", () => {
  refused(
    file('listen = "127.0.0.1:7002"'),
    /\[node\] listen = "127\.0\.0\.1:7002": is the address of member "n2" in \[cluster\] members; node "n1" must listen on an address no other member uses \(its own entry says "127\.0\.0\.1:7001"\)/,
  );
  refused(
    file('listen = "0.0.0.0:7001"\nadvertise = "127.0.0.1:7002"'),
    /\[node\] advertise = "127\.0\.0\.1:7002": is the address of member "n2"/,
  );
});

test("config: a node using another member's default data dir is refused", () => {
  refused(
    file('listen = "127.0.0.1:7001"\ndata_dir = "./data/n2"'),
    /\[node\] data_dir = ".*data\/n2": is the default data dir of member "n2" \(data\/n2 next to this file\); node "n1" needs a data dir of its own \(default data\/n1\)/,
  );
});

test('config: a joining node (no members) has nothing to collide with', () => {
  const f = file('listen = "127.0.0.1:7002"', '');
  assert.equal(loadConfig(f, { joining: true }).node.listen, '127.0.0.1:7002');
});
