/**
 * npm run bench:switchover — switchover (group promote with a live
 * primary) on a 3-node Fabric cluster managing 3 real MariaDB servers,
 * under a steady write load from a writer that follows the topology Watch.
 * Per run: how long writes were blocked (fence of the old primary → the
 * candidate writable, from the committed step records), the whole
 * procedure, the client-observed promote call, and the writer's longest
 * gap between acknowledged writes. Baseline in the same run: the same SQL
 * sequence run directly against the servers with no Raft and no
 * procedure, so the ratio is what durability of every step costs. Also
 * times `fabric sandbox` from start to ready. Results:
 * bench/results/switchover.json.
 *
 *   npm run bench:switchover [-- --runs 20 --sandbox-runs 3]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { ServerPool, splitAddress } from '../src/mysql/index.js';
import { sleep } from '../test/cluster/cluster.js';
import { median, percentile } from '../test/cluster/stats.js';
import { FarmWriter } from '../test/farm/farm-load.js';
import { primaryAddress, setUpGroup, startFarm } from '../test/farm/farm.js';
import type { Farm } from '../test/farm/farm.js';
import { switchoverTimings } from '../test/farm/switchover-timings.js';
import { machineDescription } from './machine.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    'sandbox-runs': { type: 'string', default: '3' },
  },
});
const runs = Number(values.runs);
const sandboxRuns = Number(values['sandbox-runs']);

const stats = (xs: readonly number[]) => ({
  p50: Math.round(median(xs)),
  p99: Math.round(percentile(xs, 99)),
  max: Math.round(Math.max(...xs)),
});

async function fabricSwitchovers(farm: Farm): Promise<Record<string, number[]>> {
  const client = farm.client('n1');
  const writer = new FarmWriter(client, farm.fleet.accounts.app);
  writer.start();
  const out = {
    blockedMs: [] as number[],
    procedureMs: [] as number[],
    callMs: [] as number[],
    writeGapMs: [] as number[],
  };
  try {
    await sleep(500);
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const p = await client.groups.promote('g1');
      const t1 = performance.now();
      await sleep(300);
      const tm = switchoverTimings(p);
      out.blockedMs.push(tm.blockedMs);
      out.procedureMs.push(tm.totalMs);
      out.callMs.push(t1 - t0);
      out.writeGapMs.push(writer.longestGap(t0 - 50, t1 + 300));
      console.log(
        `fabric ${i + 1}: write-blocked ${tm.blockedMs} ms, procedure ${tm.totalMs} ms, promote call ${Math.round(t1 - t0)} ms, writer gap ${Math.round(out.writeGapMs.at(-1) ?? 0)} ms -> ${await primaryAddress(farm)}`,
      );
    }
  } finally {
    await writer.stop();
  }
  return out;
}

/** The same switchover as raw SQL through src/mysql, no Raft, no procedure: the floor. */
async function baselineSwitchovers(farm: Farm): Promise<Record<string, number[]>> {
  const pool = new ServerPool(farm.fleet.settings, pino({ level: 'silent' }));
  const out = { blockedMs: [] as number[], totalMs: [] as number[] };
  try {
    let primary = await primaryAddress(farm);
    const addresses = farm.fleet.servers.map((s) => s.address);
    for (let i = 0; i < runs; i++) {
      const candidate = addresses[(addresses.indexOf(primary) + 1) % addresses.length] as string;
      const old = pool.server(primary);
      const cand = pool.server(candidate);
      const t0 = performance.now();
      await old.setReadOnly(true);
      await old.killClientConnections();
      await old.drainCommits();
      const gtid = await old.gtidExecuted();
      if (!(await cand.waitForGtids(gtid, 10_000)))
        throw new Error('baseline: candidate did not catch up');
      await cand.resetReplica();
      await cand.setReadOnly(false);
      const t1 = performance.now();
      const src = splitAddress(candidate);
      await Promise.all(
        addresses
          .filter((a) => a !== candidate)
          .map(async (a) => {
            const h = pool.server(a);
            await h.setReadOnly(true);
            await h.replicateFrom(src, { fromOwnBinlog: true });
          }),
      );
      const t2 = performance.now();
      out.blockedMs.push(t1 - t0);
      out.totalMs.push(t2 - t0);
      primary = candidate;
      await sleep(100);
    }
  } finally {
    await pool.close();
  }
  return out;
}

async function sandboxStartMs(): Promise<number> {
  const bin = fileURLToPath(new URL('../bin/fabric.js', import.meta.url));
  const child = spawn(process.execPath, [bin, 'sandbox'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  const ready = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      text += b.toString();
      const m = /sandbox ready in ([0-9.]+) s/.exec(text);
      if (m !== null) resolve(Number(m[1]) * 1000);
    });
    child.once('exit', (code) => {
      reject(new Error(`sandbox exited with ${String(code)} before ready:\n${text}`));
    });
  });
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await exited;
  return ready;
}

console.log(`command: npm run bench:switchover -- --runs ${runs} --sandbox-runs ${sandboxRuns}`);
console.log(`machine: ${machineDescription()}`);
const cleanups: (() => unknown)[] = [];
try {
  const farm = await startFarm({ after: (fn) => cleanups.push(fn) }, { logLevel: 'warn' });
  await setUpGroup(farm);
  const fabric = await fabricSwitchovers(farm);
  const baseline = await baselineSwitchovers(farm);
  const sandbox: number[] = [];
  for (let i = 0; i < sandboxRuns; i++) {
    sandbox.push(await sandboxStartMs());
    console.log(`sandbox ${i + 1}: ready in ${sandbox.at(-1) ?? 0} ms`);
  }
  const result = {
    machine: machineDescription(),
    runs,
    fabric: {
      writeBlockedMs: stats(fabric.blockedMs ?? []),
      procedureMs: stats(fabric.procedureMs ?? []),
      promoteCallMs: stats(fabric.callMs ?? []),
      writerGapMs: stats(fabric.writeGapMs ?? []),
    },
    baselineRawSql: {
      writeBlockedMs: stats(baseline.blockedMs ?? []),
      totalMs: stats(baseline.totalMs ?? []),
    },
    ratio: {
      writeBlocked: Number(
        (median(fabric.blockedMs ?? []) / median(baseline.blockedMs ?? [])).toFixed(2),
      ),
      total: Number((median(fabric.procedureMs ?? []) / median(baseline.totalMs ?? [])).toFixed(2)),
    },
    sandboxReadyMs: sandbox.length === 0 ? null : stats(sandbox),
  };
  const f = result.fabric;
  const b = result.baselineRawSql;
  console.log(
    `write-blocked window: fabric p50 ${f.writeBlockedMs.p50} ms, p99 ${f.writeBlockedMs.p99} ms; raw SQL p50 ${b.writeBlockedMs.p50} ms, p99 ${b.writeBlockedMs.p99} ms; ratio ${result.ratio.writeBlocked}`,
  );
  console.log(
    `total: fabric procedure p50 ${f.procedureMs.p50} ms, p99 ${f.procedureMs.p99} ms (promote call p50 ${f.promoteCallMs.p50} ms, p99 ${f.promoteCallMs.p99} ms); raw SQL p50 ${b.totalMs.p50} ms, p99 ${b.totalMs.p99} ms; ratio ${result.ratio.total}`,
  );
  console.log(
    `writer's longest gap between acknowledged writes per switchover: p50 ${f.writerGapMs.p50} ms, p99 ${f.writerGapMs.p99} ms`,
  );
  if (result.sandboxReadyMs !== null)
    console.log(
      `sandbox start to ready: p50 ${result.sandboxReadyMs.p50} ms, max ${result.sandboxReadyMs.max} ms`,
    );
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/switchover.json', import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log('written: bench/results/switchover.json');
} finally {
  for (const fn of cleanups.reverse()) await fn();
}
process.exit(0);
