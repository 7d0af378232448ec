import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/server/config.js';
import { startNode } from '../../src/server/node-process.js';
import type { RunningNode } from '../../src/server/node-process.js';
import { FaultInjector } from '../../src/transport/index.js';
import { silentLogger } from '../../src/util/logger.js';
import { sleep } from './cluster.js';
import { writeNodeConfig } from './cluster-files.js';
import type { FileOptions } from './cluster-files.js';
import { freePorts } from '../../src/util/free-ports.js';

/** A cluster of nodes inside the test process, sharing one fault injector (partitions). */
export class InProcessCluster {
  readonly dir: string;
  readonly faults = new FaultInjector();
  readonly nodes = new Map<string, RunningNode>();

  private constructor(dir: string) {
    this.dir = dir;
  }

  static async start(size: number, opts: FileOptions = {}): Promise<InProcessCluster> {
    const c = new InProcessCluster(mkdtempSync(path.join(os.tmpdir(), 'fabric-inproc-')));
    const ports = await freePorts(size);
    const members = ports.map((p, i) => ({ id: `n${i + 1}`, address: `127.0.0.1:${p}` }));
    for (const m of members) {
      const config = loadConfig(writeNodeConfig(c.dir, m, members, opts));
      c.nodes.set(m.id, await startNode({ config, logger: silentLogger(), faults: c.faults }));
    }
    return c;
  }

  ids(): string[] {
    return [...this.nodes.keys()];
  }

  status(id: string): ReturnType<RunningNode['node']['status']> {
    const n = this.nodes.get(id);
    if (n === undefined) throw new Error(`no node ${id}`);
    return n.node.status();
  }

  /** Waits until `ids` agree on a leader among them. */
  async waitForLeader(ids: readonly string[] = this.ids(), timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const leaders = new Set(ids.map((id) => this.status(id).leader));
      const [l] = [...leaders];
      if (
        leaders.size === 1 &&
        l !== undefined &&
        ids.includes(l) &&
        this.status(l).role === 'leader'
      )
        return l;
      await sleep(20);
    }
    throw new Error(
      `no leader among ${ids.join(',')}: ${ids.map((id) => `${id}:${this.status(id).role}/t${this.status(id).term}`).join(' ')}`,
    );
  }

  /** Cuts `id` off from every other node, both directions. */
  isolate(id: string): void {
    this.faults.isolate(
      id,
      this.ids().filter((x) => x !== id),
    );
  }

  async stop(): Promise<void> {
    await Promise.all([...this.nodes.values()].map((n) => n.stop()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
