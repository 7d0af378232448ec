import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FabricClient } from '../client/index.js';
import type { LocalMariadb } from '../mysql/index.js';
import { findMariadbd } from '../mysql/index.js';
import { clusterFileText } from '../server/cluster-file.js';
import { freePorts } from '../util/free-ports.js';
import { parseInteger } from './strict-numbers.js';
import {
  PASSWORD_ENV,
  SANDBOX_BOUNDS,
  SHARDED_GROUPS,
  sandboxAccounts,
  setUpGroup,
  setUpShardedFarm,
  startMariadbFleet,
} from './sandbox-farm.js';
import type { SandboxAccounts } from './sandbox-farm.js';

const FABRIC_BIN = fileURLToPath(new URL('../../bin/fabric.js', import.meta.url));
const GROUP = 'sandbox';

async function waitForLeader(addresses: readonly string[], timeoutMs: number): Promise<string> {
  const clients = addresses.map((a) => new FabricClient(a, { timeoutMs: 1_000 }));
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        const views = await Promise.all(clients.map((c) => c.status()));
        const leaders = new Set(views.map((v) => v.leader_id));
        const [leader] = [...leaders];
        if (leaders.size === 1 && leader !== undefined && leader !== '') return leader;
      } catch {
        // Not all nodes listen yet.
      }
      if (Date.now() > deadline)
        throw new Error(`the sandbox elected no leader within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    for (const c of clients) c.close();
  }
}

export interface SandboxOptions {
  readonly nodes: string;
  readonly servers?: string;
  readonly keep?: boolean;
  readonly sharded?: boolean;
}

/** A count flag, as strictly as every other number on the command line. */
function count(flag: string, value: string, min: number, max: number): number {
  return parseInteger(flag, value, min, max);
}

/** fabric sandbox (registered by sandbox-command.ts, which loads this module only to run it). */
export async function runSandbox(o: SandboxOptions): Promise<void> {
  const nodeCount = count('--nodes', o.nodes, 1, 7);
  const sharded = o.sharded === true;
  const perGroup = count('--servers', o.servers ?? (sharded ? '2' : '3'), sharded ? 1 : 0, 5);
  const serverCount = sharded ? perGroup * SHARDED_GROUPS.length : perGroup;
  if (serverCount > 0 && findMariadbd() === undefined) {
    process.stderr.write(
      'fabric sandbox: mariadbd and mariadb-install-db are not on PATH (nor in /usr/sbin).\n' +
        'Install MariaDB 10.6 or newer, e.g. on Debian/Ubuntu:\n' +
        '  sudo apt-get install -y mariadb-server mariadb-client\n' +
        'or start a sandbox of Fabric nodes only with --servers 0.\n',
    );
    process.exit(1);
  }
  const started = performance.now();
  const say = (line: string): void => {
    const s = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
    process.stdout.write(`[${s} s] ${line}\n`);
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-sandbox-'));
  const accounts = sandboxAccounts();
  const procs: ChildProcess[] = [];
  let fleet: LocalMariadb[] = [];
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (stopping) return new Promise<never>(() => undefined);
    stopping = true;
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(fleet.map((db) => db.stop().catch(() => undefined)));
    await new Promise((r) => setTimeout(r, 500));
    for (const p of procs) p.kill('SIGKILL');
    if (o.keep !== true) rmSync(dir, { recursive: true, force: true });
    process.stdout.write(
      o.keep === true ? `stopped; kept ${dir}\n` : 'stopped; temp dir removed\n',
    );
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    const fleetReady =
      serverCount === 0 ? Promise.resolve([]) : startMariadbFleet(dir, serverCount, accounts, say);
    const members = await startNodes(dir, nodeCount, accounts, procs, say);
    fleet = await fleetReady;
    const leader = await waitForLeader(
      members.map((m) => m.address),
      15_000,
    );
    say(`Fabric leader elected: ${leader}`);
    const first = members[0]?.address ?? '';
    if (fleet.length > 0) {
      const client = new FabricClient(first, { timeoutMs: 60_000 });
      try {
        if (sharded) await setUpShardedFarm(client, fleet, perGroup, accounts, say);
        else await setUpGroup(client, GROUP, fleet, accounts, say);
      } finally {
        client.close();
      }
    }
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    const ready = { secs, dir, members, fleet, accounts, keep: o.keep === true };
    process.stdout.write(sharded ? shardedReadyText(ready, perGroup) : readyText(ready));
  } catch (e) {
    process.stderr.write(`fabric sandbox: ${(e as Error).message}\nlogs are in ${dir}\n`);
    await stop(1);
  }
}

async function startNodes(
  dir: string,
  n: number,
  accounts: SandboxAccounts,
  procs: ChildProcess[],
  say: (line: string) => void,
): Promise<{ id: string; address: string }[]> {
  const ports = await freePorts(n);
  const members = ports.map((p, i) => ({ id: `n${i + 1}`, address: `127.0.0.1:${p}` }));
  const env = {
    ...process.env,
    [PASSWORD_ENV.admin]: accounts.admin.password,
    [PASSWORD_ENV.replication]: accounts.replication.password,
  };
  for (const m of members) {
    const file = path.join(dir, `${m.id}.toml`);
    writeFileSync(
      file,
      clusterFileText(m, members, {
        clusterId: 'sandbox',
        servers: {
          user: accounts.admin.user,
          passwordEnv: PASSWORD_ENV.admin,
          replicationUser: accounts.replication.user,
          replicationPasswordEnv: PASSWORD_ENV.replication,
        },
      }),
    );
    const log = openSync(path.join(dir, `${m.id}.log`), 'a');
    const child = spawn(process.execPath, [FABRIC_BIN, 'node', 'start', '--config', file], {
      cwd: dir,
      env,
      stdio: ['ignore', log, log],
    });
    procs.push(child);
    say(`Fabric node ${m.id} on ${m.address}, pid ${String(child.pid)}`);
  }
  return members;
}

interface Ready {
  secs: string;
  dir: string;
  members: readonly { id: string; address: string }[];
  fleet: readonly LocalMariadb[];
  accounts: SandboxAccounts;
  keep: boolean;
}

function nodeLines(r: Ready): string {
  return r.members
    .map(
      (m) =>
        `  ${m.id}  ${m.address}  (config ${path.join(r.dir, `${m.id}.toml`)}, log ${path.join(r.dir, `${m.id}.log`)})`,
    )
    .join('\n');
}

function shardedReadyText(r: Ready, perGroup: number): string {
  const a = r.members[0]?.address ?? '';
  const db = r.accounts.app.database;
  const groups = SHARDED_GROUPS.map((g, i) => {
    const dbs = r.fleet.slice(i * perGroup, (i + 1) * perGroup);
    const what = i === 0 ? 'global group' : `shard [${SANDBOX_BOUNDS[i - 1] ?? ''}, …)`;
    return `  ${g} (${what}): ${dbs.map((s) => `${s.address} pid ${s.pid}`).join(', ')}`;
  });
  const globalPort = String(r.fleet[0]?.port);
  return (
    `\nsandbox ready in ${r.secs} s\n\nFabric nodes:\n${nodeLines(r)}\n` +
    `\nMariaDB groups (the first server of each is PRIMARY):\n${groups.join('\n')}\n` +
    `app account: user ${r.accounts.app.user}, password ${r.accounts.app.password}, database ${db}\n` +
    `\ntry, in another terminal:\n${exportLine(r)}  npx fabric status\n` +
    `  npx fabric sharding list-definitions -a ${a}\n` +
    `  npx fabric sharding list-tables -a ${a}\n` +
    `  npx fabric sharding lookup-servers ${db}.subscribers 1234 -a ${a}    # shard1\n` +
    `  npx fabric sharding lookup-servers ${db}.subscribers 7000 -a ${a}    # shard2\n` +
    `  npx fabric sharding lookup-servers ${db}.subscribers 0 -a ${a}       # below the lowest bound: refused\n` +
    `  npx fabric sharding lookup-servers ${db}.subscribers 1 --hint GLOBAL -a ${a}\n` +
    `  npx fabric topology dump -a ${a}\n` +
    `  npx fabric group health shard1 -a ${a}                 # shows the global link\n` +
    `  mariadb --no-defaults -h127.0.0.1 -P${globalPort} -u${r.accounts.app.user} -p${r.accounts.app.password} ${db} \\\n` +
    `      -e "INSERT INTO plans VALUES (3, 'family')"      # a global write reaches every shard server\n` +
    `  npx fabric group promote global -a ${a}                # every shard follows the new global primary\n` +
    `\nCtrl-C stops every process${r.keep ? '' : ' and removes the temp dir'}.\n`
  );
}

/** The line to paste so every later command finds the cluster without -a. */
function exportLine(r: Ready): string {
  return `  export FABRIC_ENDPOINTS=${r.members.map((m) => m.address).join(',')}\n`;
}

function readyText(r: Ready): string {
  const a = r.members[0]?.address ?? '';
  const b = r.members.at(-1)?.address ?? a;
  const dbs = r.fleet.map((db) => `  ${db.address}  pid ${db.pid}  datadir ${db.dataDir}`);
  const farm =
    r.fleet.length === 0
      ? ''
      : `\nMariaDB servers (group ${GROUP}; the first starts as PRIMARY, after a switchover see: npx fabric group lookup-servers ${GROUP} --status PRIMARY):\n${dbs.join('\n')}\n` +
        `app account: user ${r.accounts.app.user}, password ${r.accounts.app.password}, database ${r.accounts.app.database}\n` +
        `  e.g. mariadb --no-defaults -h127.0.0.1 -P${String(r.fleet[0]?.port)} -u${r.accounts.app.user} -p${r.accounts.app.password} ${r.accounts.app.database}\n`;
  const tryFarm =
    r.fleet.length === 0
      ? ''
      : `  npx fabric group lookup-servers ${GROUP} -a ${a}\n` +
        `  npx fabric group health ${GROUP} -a ${a}\n` +
        `  npx fabric group promote ${GROUP} -a ${b}          # switchover to the best secondary\n` +
        `  npx fabric topology watch -a ${a}                 # see each new epoch as it happens\n` +
        `  kill -9 <the primary's pid above>                        # automatic failover in about 0.6 s\n`;
  return (
    `\nsandbox ready in ${r.secs} s\n\nFabric nodes:\n${nodeLines(r)}\n${farm}` +
    `\nconfig of n1 (${path.join(r.dir, 'n1.toml')}; passwords come from the environment variables it names):\n` +
    readFileSync(path.join(r.dir, 'n1.toml'), 'utf8').replace(/^/gm, '  ') +
    `\ntry, in another terminal:\n${exportLine(r)}  npx fabric status\n  npx fabric cluster status -a ${a}\n${tryFarm}` +
    `\nCtrl-C stops every process${r.keep ? '' : ' and removes the temp dir'}.\n`
  );
}
