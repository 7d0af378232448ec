import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { FabricClient } from '../client/index.js';
import { clusterFileText } from '../node/cluster-file.js';
import { freePorts } from '../util/free-ports.js';

const FABRIC_BIN = fileURLToPath(new URL('../../bin/fabric.js', import.meta.url));

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

/**
 * fabric sandbox: a local cluster of Fabric nodes on loopback ports chosen
 * by the OS, in a temp dir; Ctrl-C stops every process and removes the dir
 * (unless --keep). Stage 4 adds throwaway MariaDB servers to it.
 */
export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description('start a local cluster of Fabric nodes to try things out; Ctrl-C stops it')
    .option('-n, --nodes <count>', 'how many nodes (1-7)', '3')
    .option('--keep', 'keep the temp dir (configs, data, logs) after stopping')
    .action(async (o: { nodes: string; keep?: boolean }) => {
      const count = Number(o.nodes);
      if (!Number.isInteger(count) || count < 1 || count > 7) {
        process.stderr.write(
          `fabric sandbox: --nodes must be an integer from 1 to 7, got '${o.nodes}'\n`,
        );
        process.exit(2);
      }
      const started = performance.now();
      const dir = mkdtempSync(path.join(os.tmpdir(), 'fabric-sandbox-'));
      const ports = await freePorts(count);
      const members = ports.map((p, i) => ({ id: `n${i + 1}`, address: `127.0.0.1:${p}` }));
      const procs: ChildProcess[] = [];
      for (const m of members) {
        const file = path.join(dir, `${m.id}.toml`);
        writeFileSync(file, clusterFileText(m, members, { clusterId: 'sandbox' }));
        const log = openSync(path.join(dir, `${m.id}.log`), 'a');
        procs.push(
          spawn(process.execPath, [FABRIC_BIN, 'node', 'start', '--config', file], {
            cwd: dir,
            stdio: ['ignore', log, log],
          }),
        );
        process.stdout.write(
          `started ${m.id} on ${m.address}, pid ${String(procs.at(-1)?.pid)} (log: ${path.join(dir, `${m.id}.log`)})\n`,
        );
      }
      const stop = (): void => {
        for (const p of procs) p.kill('SIGTERM');
        setTimeout(() => {
          for (const p of procs) p.kill('SIGKILL');
          if (o.keep !== true) rmSync(dir, { recursive: true, force: true });
          process.stdout.write(
            o.keep === true ? `stopped; kept ${dir}\n` : 'stopped; temp dir removed\n',
          );
          process.exit(0);
        }, 1_000);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      const leader = await waitForLeader(
        members.map((m) => m.address),
        15_000,
      );
      const first = members[0]?.address ?? '';
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `\nsandbox ready in ${secs} s: ${count} nodes, leader ${leader}; configs and logs in ${dir}\n\n` +
          `try, in another terminal:\n` +
          `  npx fabric cluster status -a ${first}\n` +
          `  npx fabric kv put greeting hello -a ${first}\n` +
          `  npx fabric kv get greeting -a ${members.at(-1)?.address ?? first}\n` +
          `  npx fabric cluster transfer -a ${first}\n\n` +
          `Ctrl-C stops every node${o.keep === true ? '' : ' and removes the temp dir'}.\n`,
      );
    });
}
