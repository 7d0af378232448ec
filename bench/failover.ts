/**
 * npm run bench:failover — automatic failover of a 3-server MariaDB group
 * managed by 3 Fabric nodes with default detector settings (except the
 * anti-flapping cooldown, 0 here so that 20 failovers can follow one
 * another), under a writer that follows the topology Watch. 20 times:
 * kill -9 the primary's mariadbd, wait for the new primary, then bring the
 * group back to three servers (rejoin the old one when it has not
 * diverged, else replace it with a fresh instance added to the group).
 * Per kill: kill → declared dead (the failover procedure's submission),
 * kill → new primary writable (its promote step done), kill → the
 * writer's first acknowledged write on the new primary, and the writes
 * the dead primary acknowledged that the new one lacks (async
 * replication). Results: bench/results/failover.json.
 *
 *   npm run bench:failover [-- --runs 20]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FabricCallError } from '../src/client/index.js';
import { LocalMariadb, provisionAccounts } from '../src/mysql/index.js';
import { sleep } from '../test/cluster/cluster.js';
import { median, percentile } from '../test/cluster/stats.js';
import { FarmWriter } from '../test/farm/farm-load.js';
import { idsOn, primaryAddress, setUpGroup, startFarm } from '../test/farm/farm.js';
import { failoverOf } from '../test/farm/procedure-watch.js';
import type { Farm } from '../test/farm/farm.js';
import { machineDescription } from './machine.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);
const stats = (xs: readonly number[]) => ({
  p50: Math.round(median(xs)),
  p99: Math.round(percentile(xs, 99)),
  max: Math.round(Math.max(...xs)),
});

/** The servers by address (a replaced server gets a new instance). */
const live = new Map<string, LocalMariadb>();

/** Rejoin the old primary if it has not diverged, else replace it with a fresh server. */
async function restore(
  farm: Farm,
  address: string,
  serverId: number,
): Promise<'rejoined' | 'replaced'> {
  const c = farm.client();
  const old = live.get(address) as LocalMariadb;
  await old.restart();
  try {
    await c.servers.setStatus(address, 'SPARE');
    await c.servers.setStatus(address, 'SECONDARY');
    return 'rejoined';
  } catch (e) {
    if (!(e instanceof FabricCallError) || e.code !== 'ERRANT_TRANSACTIONS') throw e;
  }
  await c.groups.remove('g1', address);
  await old.destroy();
  const fresh = await LocalMariadb.start({
    baseDir: join(farm.fleet.baseDir, `replacement-${serverId}`),
    port: old.port,
    serverId,
  });
  live.set(address, fresh);
  await provisionAccounts(fresh.address, farm.fleet.accounts);
  await c.groups.add('g1', fresh.address);
  return 'replaced';
}

async function settled(farm: Farm): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const h = await farm.client().groups.health('g1');
    // Caught up, too: a replaced server replays the primary's whole binlog,
    // and killing the primary meanwhile would time its relay-log backlog,
    // not the failover.
    if (h.length === 3 && h.every((r) => r.issues.length === 0 && r.lag_seconds <= 1)) return;
    if (Date.now() > deadline)
      throw new Error(
        `group did not settle: ${JSON.stringify(h.map((r) => [r.address, r.lag_seconds, r.issues]))}`,
      );
    await sleep(100);
  }
}

console.log(`command: npm run bench:failover -- --runs ${runs}`);
console.log(`machine: ${machineDescription()}`);
const cleanups: (() => unknown)[] = [];
const detectMs: number[] = [];
const writableMs: number[] = [];
const clientMs: number[] = [];
let lostWrites = 0;
const outcomes = { rejoined: 0, replaced: 0 };
try {
  const farm = await startFarm(
    { after: (fn) => cleanups.push(fn) },
    { logLevel: 'warn', extraToml: '[failure_detector]\nfailover_cooldown_s = 0' },
  );
  cleanups.push(async () => {
    for (const s of live.values()) await s.destroy().catch(() => undefined);
  });
  for (const s of farm.fleet.servers) live.set(s.address, s);
  await setUpGroup(farm);
  const writer = new FarmWriter(farm.client('n1'), farm.fleet.accounts.app);
  writer.start();
  cleanups.push(() => writer.stop());
  await sleep(1_000);
  let nextServerId = 10;
  /** Acknowledged writes before this index were checked after an earlier failover. */
  let checkedUpTo = 0;
  for (let i = 0; i < runs; i++) {
    const dead = await primaryAddress(farm);
    const [row] = await farm.client().groups.lookupServers('g1', { server: dead });
    const ackedBefore = writer.acked.length;
    const t0 = Date.now();
    const p0 = performance.now();
    await (live.get(dead) as LocalMariadb).kill9();
    const found = await failoverOf(farm, row?.uuid ?? '', t0 - 1_000);
    const proc = (await farm.client().waitProcedure(found.id, 60_000)).procedure;
    if (proc?.state !== 'PROCEDURE_STATE_DONE')
      throw new Error(`failover failed: ${JSON.stringify(proc?.error)}`);
    const promoted = proc.steps.find((s) => s.name === 'promote-candidate');
    const next = await primaryAddress(farm);
    while (!writer.landed.some((l) => l.at > p0 && l.address === next)) await sleep(2);
    const firstWrite = writer.landed.find((l) => l.at > p0 && l.address === next)?.at ?? p0;
    detectMs.push(proc.submitted_at_ms - t0);
    writableMs.push((promoted?.finished_at_ms ?? t0) - t0);
    clientMs.push(firstWrite - p0);
    const onNew = await idsOn(farm, live.get(next) as LocalMariadb);
    const lost = writer.acked
      .slice(0, ackedBefore + 50)
      .filter(
        (id, k) => k >= checkedUpTo && writer.landed[k]?.address === dead && !onNew.has(id),
      ).length;
    checkedUpTo = writer.acked.length;
    const slow = (writableMs.at(-1) ?? 0) > 1_500;
    if (slow)
      console.log(
        `  slow failover, its steps: ${proc.steps.map((s) => `${s.name} ${s.finished_at_ms - s.started_at_ms} ms (attempts ${s.attempts})`).join(', ')}; replicas not frozen: ${JSON.stringify((JSON.parse(proc.steps.find((s) => s.name === 'freeze-replicas')?.output_json ?? '{}') as { notFrozen?: unknown }).notFrozen ?? [])}`,
      );
    lostWrites += lost;
    const how = await restore(farm, dead, nextServerId++);
    outcomes[how]++;
    await settled(farm);
    console.log(
      `kill ${i + 1}: ${dead} -> ${next}: declared dead ${detectMs.at(-1)} ms, writable ${writableMs.at(-1)} ms, client write ${Math.round(clientMs.at(-1) ?? 0)} ms, lost ${lost}; old primary ${how}`,
    );
    await sleep(500);
  }
  const result = {
    machine: machineDescription(),
    runs,
    detectMs: stats(detectMs),
    writableMs: stats(writableMs),
    clientMs: stats(clientMs),
    lostWrites,
    oldPrimary: outcomes,
    settings: 'defaults of cluster.example.toml [failure_detector], except failover_cooldown_s = 0',
  };
  console.log(
    `kill -> declared dead p50 ${result.detectMs.p50} ms, p99 ${result.detectMs.p99} ms; -> writable p50 ${result.writableMs.p50} ms, p99 ${result.writableMs.p99} ms; -> client write p50 ${result.clientMs.p50} ms, p99 ${result.clientMs.p99} ms; lost writes (async) ${lostWrites}`,
  );
  console.log('targets: writable p50 < 2000 ms and p99 < 3000 ms; client write p50 < 2500 ms');
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/failover.json', import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log('written: bench/results/failover.json');
} finally {
  for (const fn of cleanups.reverse()) await fn();
}
process.exit(0);
