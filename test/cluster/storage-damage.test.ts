/**
 * Disk damage on a stopped follower, with real node processes: every damage
 * that loses a write the node had synced is refused with DATA_DIR_CORRUPT
 * naming the dir and the repair; the repair (remove, empty dir, --join)
 * brings every acknowledged write back and serves no stale read; a follower
 * restored from an older copy is repaired by the same leader at once, and
 * the idle cluster then stays idle.
 */
import assert from 'node:assert/strict';
import {
  cpSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { RECONNECT_BACKOFF } from '../../src/transport/grpc-options.js';
import { TestCluster, sleep } from './cluster.js';
import { assertAllPresentOnce, waitConverged } from './verify.js';
import { writeKeys } from './writer.js';

const FOLLOWER_CANDIDATES = ['n1', 'n2', 'n3'];

function dataDir(c: TestCluster, id: string): string {
  return path.join(c.dir, `data-${id}`);
}

function newest(dir: string, ext: string): string {
  const name = readdirSync(dir)
    .filter((n) => n.endsWith(ext))
    .sort()
    .at(-1);
  if (name === undefined) throw new Error(`no ${ext} file in ${dir}`);
  return path.join(dir, name);
}

function flip(file: string, at: (size: number) => number): void {
  const bytes = readFileSync(file);
  const i = at(bytes.byteLength);
  bytes[i] = (bytes[i] ?? 0) ^ 0x40;
  writeFileSync(file, bytes);
}

function cut(file: string, size: (n: number) => number): void {
  truncateSync(file, size(statSync(file).size));
}

/** Starts `id` (with `args`) and expects it to exit non-zero, its log naming `code`. */
async function expectRefused(
  c: TestCluster,
  id: string,
  code: string,
  args: string[] = [],
): Promise<string> {
  const logFile = path.join(c.dir, `${id}.log`);
  const before = readFileSync(logFile, 'utf8').length;
  const n = c.node(id);
  n.start(args);
  const exit = await Promise.race([n.exited(), sleep(60_000).then(() => 'timeout' as const)]);
  assert.notEqual(exit, 'timeout', `${id} kept running on a damaged data dir`);
  assert.notEqual(exit, 0);
  const output = readFileSync(logFile, 'utf8').slice(before);
  assert.ok(output.includes(code), `${id} refused with ${code}: ${output.slice(-2000)}`);
  return output;
}

function fingerprint(dir: string): string {
  return readdirSync(dir)
    .filter((n) => !['LOG', 'LOG.old', 'LOCK'].includes(n) && statSync(path.join(dir, n)).isFile())
    .sort()
    .map((n) => `${n}:${readFileSync(path.join(dir, n)).toString('base64')}`)
    .join('\n');
}

const DAMAGES: readonly { name: string; apply: (dir: string) => void }[] = [
  {
    name: 'newest .log cut by 1 byte',
    apply: (d) => {
      cut(newest(d, '.log'), (n) => n - 1);
    },
  },
  {
    name: 'newest .log cut by 100 bytes',
    apply: (d) => {
      cut(newest(d, '.log'), (n) => n - 100);
    },
  },
  {
    name: 'newest .log cut in half',
    apply: (d) => {
      cut(newest(d, '.log'), (n) => Math.floor(n / 2));
    },
  },
  {
    name: 'byte flipped at the start of the newest .log',
    apply: (d) => {
      flip(newest(d, '.log'), () => 20);
    },
  },
  {
    name: 'byte flipped in the middle of the newest .log',
    apply: (d) => {
      flip(newest(d, '.log'), (n) => Math.floor(n / 2));
    },
  },
  {
    name: 'byte flipped in an .ldb table',
    apply: (d) => {
      flip(newest(d, '.ldb'), (n) => Math.floor(n / 3));
    },
  },
];

test('cluster storage damage: every damage on a stopped follower is refused and left as found; the documented repair restores every acknowledged write', async () => {
  const c = await TestCluster.start(3);
  try {
    const leader = await c.waitForLeader(60_000);
    const f = FOLLOWER_CANDIDATES.find((id) => id !== leader) as string;
    const other = FOLLOWER_CANDIDATES.find((id) => id !== leader && id !== f) as string;
    const acked = await writeKeys(c, leader, 'a', 60);
    const dir = dataDir(c, f);
    const good = `${dir}.good`;
    for (const [i, damage] of DAMAGES.entries()) {
      // Each round: new writes on the follower (so its newest .log holds
      // records), a clean stop, a copy of the good dir, the damage.
      await waitConverged(c);
      await c.node(f).terminate();
      for (const [k, v] of await writeKeys(c, leader, `r${i}`, 20)) acked.set(k, v);
      rmSync(good, { recursive: true, force: true });
      cpSync(dir, good, { recursive: true });
      damage.apply(dir);
      const before = fingerprint(dir);
      const output = await expectRefused(c, f, 'DATA_DIR_CORRUPT');
      assert.ok(output.includes(dir), `${damage.name}: names the data dir`);
      assert.ok(output.includes(`fabric cluster remove ${f}`), `${damage.name}: gives the repair`);
      assert.equal(fingerprint(dir), before, `${damage.name}: the refused dir is unchanged`);
      // Put the good dir back: the follower restarts and catches up.
      rmSync(dir, { recursive: true });
      renameSync(good, dir);
      c.node(f).start();
      for (const [k, v] of await writeKeys(c, leader, `s${i}`, 20)) acked.set(k, v);
    }

    // Another node's data dir: refused as foreign.
    await waitConverged(c);
    await c.node(f).terminate();
    rmSync(good, { recursive: true, force: true });
    renameSync(dir, good);
    cpSync(dataDir(c, other), dir, { recursive: true });
    rmSync(path.join(dir, 'LOCK'), { force: true });
    await expectRefused(c, f, 'DATA_DIR_FOREIGN');
    rmSync(dir, { recursive: true });

    // The repair. Without the removal, --join on the empty dir is refused.
    const overwritten = 'a-0';
    await c.client(leader).put(overwritten, 'v2', 'req-overwrite');
    acked.set(overwritten, 'v2');
    const refusal = await expectRefused(c, f, 'NODE_EXISTS', ['--join', c.node(leader).address]);
    assert.ok(refusal.includes(`fabric cluster remove ${f}`));
    rmSync(dir, { recursive: true, force: true });
    await c.client(leader).removeNode(f);
    c.node(f).start(['--join', c.node(leader).address]);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const st = await c.client(leader).status();
      if (st.members.some((m) => m.node_id === f && m.role === 'MEMBER_ROLE_VOTER')) break;
      assert.ok(Date.now() < deadline, `${f} was not promoted again`);
      await sleep(100);
    }
    // A linearizable read on the rebuilt node sees the latest value.
    const read = await c.client(f).get(overwritten);
    assert.equal(read.value, 'v2', 'no stale read on the rebuilt node');
    await waitConverged(c);
    await assertAllPresentOnce(
      c,
      new Map([...acked].map(([k, v]) => [k, v] as const).filter(([k]) => k !== overwritten)),
    );
  } finally {
    await c.stop();
  }
});

/** When `id` last logged "node started" (pino's epoch ms). */
function startedAt(c: TestCluster, id: string): number {
  const lines = readFileSync(path.join(c.dir, `${id}.log`), 'utf8').split('\n');
  const line = lines.filter((l) => l.includes('"msg":"node started"')).at(-1);
  if (line === undefined) throw new Error(`${id} never logged "node started"`);
  return (JSON.parse(line) as { time: number }).time;
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function cpuShare(pid: number, ms: number): Promise<number> {
  const before = cpuSeconds(pid);
  await sleep(ms);
  return (cpuSeconds(pid) - before) / (ms / 1000);
}

test('cluster storage damage: a follower restored from an older copy is repaired by the same leader within 2 s, the idle cluster stays idle, and kill -9 under writes restarts normally', async () => {
  const c = await TestCluster.start(3);
  try {
    const leader = await c.waitForLeader(60_000);
    const f = FOLLOWER_CANDIDATES.find((id) => id !== leader) as string;
    const acked = await writeKeys(c, leader, 'a', 60);
    await waitConverged(c);
    await c.node(f).terminate();
    const dir = dataDir(c, f);
    cpSync(dir, `${dir}.old`, { recursive: true });
    c.node(f).start();
    for (const [k, v] of await writeKeys(c, leader, 'b', 120)) acked.set(k, v);
    await waitConverged(c);
    await c.node(f).terminate();
    rmSync(dir, { recursive: true });
    renameSync(`${dir}.old`, dir);

    // The old copy opens (it is consistent in itself); the leader sees its
    // log end below what it acknowledged and re-sends.
    const before = await c.client(leader).status();
    const leaderLast = before.last_index;
    c.node(f).start();
    const deadline = Date.now() + 60_000;
    for (;;) {
      assert.ok(Date.now() < deadline, `${f} did not catch up`);
      const st = await c
        .client(f)
        .status()
        .catch(() => undefined);
      if (st !== undefined && st.last_index >= leaderLast && st.commit_index >= leaderLast) break;
      await sleep(20);
    }
    const caughtUp = Date.now();
    const started = startedAt(c, f);
    const after = await c.client(leader).status();
    const log = readFileSync(path.join(c.dir, `${leader}.log`), 'utf8');
    const faults = log.split('\n').filter((l) => l.includes('storage fault on follower'));
    if (after.role === 'NODE_ROLE_LEADER' && after.term === before.term) {
      // The same leader saw the follower's log shorter than its recorded match.
      assert.equal(faults.length, 1, 'the leader logs the fault once');
      const detected = (JSON.parse(faults[0] ?? '{}') as { time: number }).time;
      console.log(
        `rolled-back follower: caught up ${caughtUp - started} ms after it started, ` +
          `${caughtUp - detected} ms after the leader saw the fault`,
      );
      // The repair is one heartbeat plus the catch-up. Before it, the leader
      // reaches a restarted peer only once its transport redials (capped
      // backoff, src/transport), after the peer's own start-up.
      assert.ok(caughtUp - detected < 2_000, `caught up ${caughtUp - detected} ms after the fault`);
    } else {
      // A new leader (a loaded machine) starts every follower from match 0.
      console.log(`leader changed during the catch-up (term ${before.term} -> ${after.term})`);
      assert.ok(faults.length <= 1);
    }
    const budget = 4_000 + RECONNECT_BACKOFF.maxMs;
    assert.ok(caughtUp - started < budget, `caught up ${caughtUp - started} ms after its start`);

    // Idle: CPU at idle levels on the leader and the follower.
    await sleep(2_000);
    const [lead, fol] = await Promise.all([
      cpuShare(c.node(leader).pid ?? 0, 3_000),
      cpuShare(c.node(f).pid ?? 0, 3_000),
    ]);
    console.log(
      `idle CPU: leader ${(lead * 100).toFixed(1)} %, follower ${(fol * 100).toFixed(1)} %`,
    );
    assert.ok(lead < 0.15 && fol < 0.15, `idle CPU leader ${lead}, follower ${fol}`);

    // kill -9 under writes: the torn tail of an unacknowledged write is accepted.
    const writing = writeKeys(c, leader, 'k', 200);
    await sleep(300);
    await c.node(f).kill9();
    for (const [k, v] of await writing) acked.set(k, v);
    c.node(f).start();
    await waitConverged(c);
    assert.ok(c.node(f).running, 'restarted normally after kill -9');
    await assertAllPresentOnce(c, acked);
  } finally {
    await c.stop();
  }
});
