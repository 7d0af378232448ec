import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ClassicLevel } from 'classic-level';
import { entryKey } from '../../src/storage/internal.js';
import { sleep } from './cluster.js';
import { writeNodeConfig } from './cluster-files.js';
import { NodeProcess } from './node-process.js';
import { freePorts } from '../../src/util/free-ports.js';
import { FabricClient } from '../../src/client/index.js';

async function singleNode(dir: string, clusterId = 'test'): Promise<NodeProcess> {
  const [port] = await freePorts(1);
  const self = { id: 'n1', address: `127.0.0.1:${String(port)}` };
  return new NodeProcess('n1', self.address, writeNodeConfig(dir, self, [self], { clusterId }));
}

async function waitServing(n: NodeProcess): Promise<FabricClient> {
  const c = new FabricClient(n.address, { timeoutMs: 2_000 });
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const st = await c.status();
      if (st.role === 'NODE_ROLE_LEADER') return c;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
    await sleep(50);
  }
}

/** Edits a cluster file; fails at once if the text to replace is not there. */
function rewrite(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${file} has no ${JSON.stringify(from)} to replace`);
  writeFileSync(file, text.replace(from, to));
}

function logOf(dir: string): string {
  return readFileSync(path.join(dir, 'n1.log'), 'utf8');
}

test('cluster bad input: a malformed config file fails at start naming the key, value and rule', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-bad-'));
  try {
    const n = await singleNode(dir);
    rewrite(n.configFile, '[raft]\n', '[raft]\ntick_ms = -5\n');
    n.start();
    assert.equal(await n.exited(), 2);
    assert.match(
      logOf(dir),
      /CONFIG_INVALID: .*n1\.toml: \[raft\] tick_ms = -5: must be between 1 and 10000/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cluster bad input: a data dir of another cluster is refused and left untouched', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-bad-'));
  const n = await singleNode(dir);
  try {
    n.start();
    const c = await waitServing(n);
    await c.put('k', 'v', 'r1');
    c.close();
    assert.equal(await n.terminate(), 0, 'SIGTERM shuts down cleanly');
    rewrite(n.configFile, 'id = "test"', 'id = "other"');
    n.start();
    assert.equal(await n.exited(), 3, 'a refused start exits 3 (fabric exit codes)');
    assert.match(logOf(dir), /DATA_DIR_FOREIGN: .*cluster "?test"?.*/);
    // Back with the right identity, the data is all there.
    rewrite(n.configFile, 'id = "other"', 'id = "test"');
    n.start();
    const c2 = await waitServing(n);
    assert.equal((await c2.get('k')).value, 'v');
    c2.close();
    await n.terminate();
  } finally {
    await n.kill9();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cluster bad input: a second process on the same data dir is refused with a clear error', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-bad-'));
  const n = await singleNode(dir);
  try {
    n.start();
    (await waitServing(n)).close();
    const twin = new NodeProcess('n1', n.address, n.configFile);
    twin.start();
    assert.equal(await twin.exited(), 3, 'a refused start exits 3 (fabric exit codes)');
    assert.match(logOf(dir), /DATA_DIR_LOCKED: data dir .* is in use by another fabric-ha process/);
    assert.ok(n.running, 'the first process keeps running');
    await n.terminate();
  } finally {
    // A failed assertion must not leave the node running (the runner would wait for it).
    await n.kill9();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cluster bad input: a corrupted entry on disk stops the node at start, naming the index; nothing is truncated', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-bad-'));
  try {
    const n = await singleNode(dir);
    n.start();
    const c = await waitServing(n);
    for (let i = 0; i < 10; i++) await c.put(`k${i}`, 'v', `r${i}`);
    c.close();
    await n.terminate();
    const dataDir = path.join(dir, 'data-n1');
    const db = new ClassicLevel<Buffer, Buffer>(dataDir, {
      keyEncoding: 'buffer',
      valueEncoding: 'buffer',
    });
    const key = entryKey(5);
    const original = await db.get(key);
    assert.ok(original !== undefined);
    const damaged = Buffer.from(original);
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 0xff;
    await db.put(key, damaged);
    await db.close();
    n.start();
    assert.equal(await n.exited(), 3, 'a refused start exits 3 (fabric exit codes)');
    assert.match(
      logOf(dir),
      /DATA_DIR_CORRUPT: .*data-n1.*entry 5: entry record checksum mismatch/,
    );
    const again = new ClassicLevel<Buffer, Buffer>(dataDir, {
      keyEncoding: 'buffer',
      valueEncoding: 'buffer',
    });
    assert.deepEqual(await again.get(key), damaged, 'the damaged record is left for inspection');
    assert.ok((await again.get(entryKey(12))) !== undefined, 'later entries are not truncated');
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
