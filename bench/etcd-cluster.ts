import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Etcd3 } from 'etcd3';
import { freePorts } from '../src/util/free-ports.js';

/** Installs etcd 3.4 from Debian's etcd-server package when it is missing, and says so. */
export function ensureEtcd(): string {
  if (existsSync('/usr/bin/etcd')) return '/usr/bin/etcd';
  console.log('etcd not found: installing Debian package etcd-server with apt-get (about 5 s)');
  execFileSync('apt-get', ['install', '-y', 'etcd-server'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return '/usr/bin/etcd';
}

/** A 3-member etcd cluster on loopback (free ports), in a temp dir. */
export class EtcdCluster {
  readonly endpoints: string[];
  readonly #procs: ChildProcess[];
  readonly #dir: string;

  private constructor(endpoints: string[], procs: ChildProcess[], dir: string) {
    this.endpoints = endpoints;
    this.#procs = procs;
    this.#dir = dir;
  }

  static async start(): Promise<EtcdCluster> {
    const bin = ensureEtcd();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-etcd-'));
    const ports = await freePorts(6);
    const peer = (i: number): string => `http://127.0.0.1:${String(ports[3 + i])}`;
    const client = (i: number): string => `http://127.0.0.1:${String(ports[i])}`;
    const initial = [0, 1, 2].map((i) => `e${i}=${peer(i)}`).join(',');
    const procs = [0, 1, 2].map((i) => {
      mkdirSync(path.join(dir, `e${i}`));
      const out = openSync(path.join(dir, `e${i}.log`), 'a');
      // --logger=zap --log-outputs=stderr: etcd 3.4 exits at start with a file log output (mariadb.md §2).
      return spawn(
        bin,
        [
          '--name',
          `e${i}`,
          '--data-dir',
          path.join(dir, `e${i}`, 'data'),
          '--listen-client-urls',
          client(i),
          '--advertise-client-urls',
          client(i),
          '--listen-peer-urls',
          peer(i),
          '--initial-advertise-peer-urls',
          peer(i),
          '--initial-cluster',
          initial,
          '--initial-cluster-state',
          'new',
          '--initial-cluster-token',
          'bench',
          '--logger=zap',
          '--log-outputs=stderr',
        ],
        { stdio: ['ignore', out, out] },
      );
    });
    const c = new EtcdCluster([0, 1, 2].map(client), procs, dir);
    await c.#waitHealthy();
    return c;
  }

  async #waitHealthy(): Promise<void> {
    const cl = new Etcd3({ hosts: this.endpoints });
    const deadline = Date.now() + 20_000;
    try {
      for (;;) {
        try {
          await cl.put('bench-health').value('ok');
          return;
        } catch (e) {
          if (Date.now() > deadline) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    } finally {
      cl.close();
    }
  }

  /** The leader's client URL (writes sent there skip the follower hop, as for fabric-ha). */
  async leaderEndpoint(): Promise<string> {
    const cl = new Etcd3({ hosts: this.endpoints });
    try {
      for (const ep of this.endpoints) {
        const one = new Etcd3({ hosts: [ep] });
        try {
          const st = await one.maintenance.status();
          if (st.leader === st.header.member_id) return ep;
        } finally {
          one.close();
        }
      }
      return this.endpoints[0] as string;
    } finally {
      cl.close();
    }
  }

  stop(): void {
    for (const p of this.#procs) p.kill('SIGTERM');
    setTimeout(() => {
      rmSync(this.#dir, { recursive: true, force: true });
    }, 500).unref();
  }
}
