import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FabricClient } from '../../src/client/index.js';
import type { FileOptions, MemberSpec } from './cluster-files.js';
import { writeNodeConfig } from './cluster-files.js';
import { NodeProcess } from './node-process.js';
import { freePorts } from '../../src/util/free-ports.js';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A cluster of real node processes on loopback, in a temp dir removed by stop(). */
export class TestCluster {
  readonly dir: string;
  readonly nodes = new Map<string, NodeProcess>();
  readonly #clients = new Map<string, FabricClient>();
  readonly opts: FileOptions;

  private constructor(dir: string, opts: FileOptions) {
    this.dir = dir;
    this.opts = opts;
  }

  static async start(size: number, opts: FileOptions = {}): Promise<TestCluster> {
    const c = new TestCluster(mkdtempSync(path.join(os.tmpdir(), 'fabric-cluster-')), opts);
    const ports = await freePorts(size);
    const members: MemberSpec[] = ports.map((p, i) => ({
      id: `n${i + 1}`,
      address: `127.0.0.1:${p}`,
    }));
    for (const m of members)
      c.nodes.set(
        m.id,
        new NodeProcess(m.id, m.address, writeNodeConfig(c.dir, m, members, opts), opts.env),
      );
    for (const n of c.nodes.values()) n.start();
    return c;
  }

  /** Prepares (does not start) a fresh node that will join with --join. */
  async newNode(id: string): Promise<NodeProcess> {
    const [port] = await freePorts(1);
    const self = { id, address: `127.0.0.1:${String(port)}` };
    const n = new NodeProcess(
      id,
      self.address,
      writeNodeConfig(this.dir, self, [], this.opts),
      this.opts.env,
    );
    this.nodes.set(id, n);
    return n;
  }

  node(id: string): NodeProcess {
    const n = this.nodes.get(id);
    if (n === undefined) throw new Error(`no node ${id}`);
    return n;
  }

  client(id: string): FabricClient {
    let c = this.#clients.get(id);
    if (c === undefined) {
      c = new FabricClient(this.node(id).address, { timeoutMs: 5_000 });
      this.#clients.set(id, c);
    }
    return c;
  }

  running(): NodeProcess[] {
    return [...this.nodes.values()].filter((n) => n.running);
  }

  /** Waits until every running node agrees on one leader (among running nodes); returns its id. */
  async waitForLeader(timeoutMs = 15_000, except?: string): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      try {
        const views = await Promise.all(this.running().map((n) => this.client(n.id).status()));
        const leaders = new Set(views.map((v) => v.leader_id));
        const [leader] = [...leaders];
        if (
          leaders.size === 1 &&
          leader !== undefined &&
          leader !== '' &&
          leader !== except &&
          this.node(leader).running
        ) {
          return leader;
        }
        last = JSON.stringify(views.map((v) => [v.node_id, v.role, v.term, v.leader_id]));
      } catch (e) {
        last = (e as Error).message;
      }
      await sleep(50);
    }
    throw new Error(`no agreed leader within ${timeoutMs} ms; last views: ${last}`);
  }

  /** Waits until the given nodes agree on a leader among themselves. */
  async waitForLeaderAmong(ids: readonly string[], timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      try {
        const views = await Promise.all(ids.map((id) => this.client(id).status()));
        const leaders = new Set(views.map((v) => v.leader_id));
        const [leader] = [...leaders];
        if (leaders.size === 1 && leader !== undefined && ids.includes(leader)) return leader;
        last = JSON.stringify(views.map((v) => [v.node_id, v.role, v.term, v.leader_id]));
      } catch (e) {
        last = (e as Error).message;
      }
      await sleep(50);
    }
    throw new Error(
      `no agreed leader among ${ids.join(',')} within ${timeoutMs} ms; last views: ${last}`,
    );
  }

  async stop(): Promise<void> {
    for (const c of this.#clients.values()) c.close();
    await Promise.all([...this.nodes.values()].map((n) => n.kill9()));
    if (process.env.KEEP_CLUSTER_DIRS === undefined)
      rmSync(this.dir, { recursive: true, force: true });
  }
}
