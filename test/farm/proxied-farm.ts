/**
 * A farm whose network links can be cut one by one (issue 18): three
 * loopback TCP proxies in front of every MariaDB server.
 *
 * - fabric proxy: the only way the Fabric nodes reach the server; its address
 *   is the one registered in the group (`group add`), so the topology names it.
 * - replication proxy: the way replicas reach the server as their source,
 *   listed in [servers.replication_endpoints] against the fabric address.
 * - app proxy: the way the test's application writes to it.
 *
 * So a test can cut Fabric from a primary that its replicas and the
 * application still reach, or cut it from Fabric and replicas while the
 * application still writes: the partitions behind issue 18's split brain.
 * A small HTTP control server on loopback lets a fence command (the fixture
 * fixtures/fence-cut-app.mjs) cut a server's app proxy, as a real fence
 * would cut clients off a server nobody else can reach.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'mysql2/promise';
import type { FabricClient, TopologyWatch } from '../../src/client/index.js';
import type { LocalMariadb, ServerAccount } from '../../src/mysql/index.js';
import { sleep } from '../cluster/cluster.js';
import { APP_DATABASE } from '../mysql/fleet.js';
import type { Fleet } from '../mysql/fleet.js';
import type { CutMode } from '../net/tcp-proxy.js';
import { TcpProxy } from '../net/tcp-proxy.js';
import { startFarm, withConnection } from './farm.js';
import { connectTo, ReadOnlyPoller } from './read-only-poller.js';
import type { CleanupScope, Farm, FarmOptions } from './farm.js';

export const FENCE_FIXTURE = fileURLToPath(new URL('fixtures/fence-cut-app.mjs', import.meta.url));

export interface ProxiedServer {
  readonly server: LocalMariadb;
  /** The fabric proxy's address: the server's name in the group and the topology. */
  readonly address: string;
  readonly fabric: TcpProxy;
  readonly replication: TcpProxy;
  readonly app: TcpProxy;
}

/** [ha] fence for the farm's nodes. */
export type FenceSetting = 'none' | 'command' | 'semi-sync';

/** One request the fence fixture made, with what Fabric passed it. */
export interface FenceCall {
  readonly at: number;
  /** The last argument: the server's Fabric address. */
  readonly server: string;
  /** FABRIC_FENCE_SERVER, FABRIC_FENCE_GROUP, FABRIC_FENCE_UUID as the command saw them. */
  readonly env: { readonly server: string; readonly group: string; readonly uuid: string };
}

export interface ProxiedFarmOptions extends Omit<FarmOptions, 'extraTomlFor'> {
  /** [ha] fence: "command" runs the fixture that cuts the server's app proxy. */
  readonly fence?: FenceSetting;
}

export interface ProxiedFarm {
  readonly farm: Farm;
  readonly servers: readonly ProxiedServer[];
  /** Fence requests served so far, in order. */
  readonly fences: readonly FenceCall[];
  /** By fabric address (as the topology names it). */
  byAddress(address: string): ProxiedServer;
  cutFabric(address: string, mode?: CutMode): void;
  cutReplicas(address: string, mode?: CutMode): void;
  cutApp(address: string, mode?: CutMode): void;
  healAll(): void;
}

/** The fleet, its proxies and the control server first (the cluster files name them), then the cluster. */
export async function startProxiedFarm(
  t: CleanupScope,
  o: ProxiedFarmOptions = {},
): Promise<ProxiedFarm> {
  const { fence = 'none', ...farmOptions } = o;
  const servers: ProxiedServer[] = [];
  const fences: FenceCall[] = [];
  const byAddress = (address: string): ProxiedServer => {
    const s = servers.find((x) => x.address === address || x.server.address === address);
    if (s === undefined) throw new Error(`no proxied server ${address}`);
    return s;
  };
  const farm = await startFarm(t, {
    ...farmOptions,
    extraTomlFor: async (fleet) => {
      servers.push(...(await proxyFleet(t, fleet)));
      const control = await startControl(t, (server, env) => {
        byAddress(server).app.cut('reset');
        fences.push({ at: performance.now(), server, env });
      });
      return clusterToml(servers, fence, control);
    },
  });
  return {
    farm,
    servers,
    fences,
    byAddress,
    cutFabric: (a, mode = 'blackhole') => {
      byAddress(a).fabric.cut(mode);
    },
    cutReplicas: (a, mode = 'blackhole') => {
      byAddress(a).replication.cut(mode);
    },
    cutApp: (a, mode = 'blackhole') => {
      byAddress(a).app.cut(mode);
    },
    healAll: () => {
      for (const s of servers) for (const p of [s.fabric, s.replication, s.app]) p.heal();
    },
  };
}

async function proxyFleet(t: CleanupScope, fleet: Fleet): Promise<ProxiedServer[]> {
  const servers = await Promise.all(
    fleet.servers.map(async (server) => {
      const start = (): Promise<TcpProxy> => TcpProxy.start(server.port);
      const [fabric, replication, app] = await Promise.all([start(), start(), start()]);
      return { server, address: fabric.address, fabric, replication, app };
    }),
  );
  t.after(() =>
    Promise.all(servers.flatMap((s) => [s.fabric.close(), s.replication.close(), s.app.close()])),
  );
  return servers;
}

function clusterToml(
  servers: readonly ProxiedServer[],
  fence: FenceSetting,
  control: string,
): string {
  // JSON strings are valid TOML basic strings.
  const q = (x: string): string => JSON.stringify(x);
  const endpoints = servers.map((s) => `${q(s.address)} = ${q(s.replication.address)}`);
  const ha =
    fence !== 'command'
      ? `fence = ${q(fence)}`
      : [
          'fence = "command"',
          `fence_command = [${[process.execPath, FENCE_FIXTURE, control].map(q).join(', ')}]`,
          'fence_timeout_ms = 5000',
        ].join('\n');
  return `[servers.replication_endpoints]\n${endpoints.join('\n')}\n\n[ha]\n${ha}\n`;
}

/**
 * The loopback HTTP server the fence fixture calls: POST /fence?server=…
 * (plus the FABRIC_FENCE_* values it saw) runs `fence` and answers 200, or
 * 404 for a server it does not know. Returns its host:port.
 */
async function startControl(
  t: CleanupScope,
  fence: (server: string, env: FenceCall['env']) => void,
): Promise<string> {
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://control');
    const q = (k: string): string => url.searchParams.get(k) ?? '';
    if (req.method !== 'POST' || url.pathname !== '/fence') {
      res.writeHead(400).end('expected POST /fence');
      return;
    }
    try {
      fence(q('server'), { server: q('env_server'), group: q('env_group'), uuid: q('env_uuid') });
      res.writeHead(200).end(`cut the app proxy of ${q('server')}`);
    } catch (e) {
      res.writeHead(404).end((e as Error).message);
    }
  };
  const http: Server = createServer(handle);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => http.close(resolve)));
  return `127.0.0.1:${(http.address() as AddressInfo).port}`;
}

/** create, add every fabric address, promote the first, activate; then app.t on the primary. */
export async function setUpProxiedGroup(pf: ProxiedFarm, group = 'g1'): Promise<void> {
  const g = pf.farm.client().groups;
  await g.create(group, { description: 'proxied test group' });
  for (const s of pf.servers) await g.add(group, s.address);
  const first = pf.servers[0] as ProxiedServer;
  await g.promote(group, { server: first.address });
  await g.activate(group);
  await withConnection(first.server, pf.farm.fleet.accounts.app, undefined, async (c) => {
    await c.query(`CREATE DATABASE IF NOT EXISTS ${APP_DATABASE}`);
    await c.query(
      `CREATE TABLE IF NOT EXISTS ${APP_DATABASE}.t (id INT PRIMARY KEY, v VARCHAR(64) NOT NULL)`,
    );
  });
}

/** Where and when an acknowledged write landed (performance.now()). */
export interface Landed {
  readonly id: number;
  readonly address: string;
  readonly at: number;
}

/** Whom an AppWriter writes to. */
export type WriterTarget =
  /** The primary the topology (a Watch through `client`) names: a Fabric-aware application. */
  | { readonly follow: FabricClient; readonly group?: string }
  /**
   * Always this server (fabric address), whatever the topology says: the
   * application of issue 18 that wrote straight to the primary, or any
   * stale pool or cache. Only a fence keeps it off an old primary.
   */
  | { readonly pinned: string };

/**
 * FarmWriter through the app proxies: inserts increasing ids, one at a time,
 * into its target (by fabric address), connecting to that server's app
 * proxy. Only an OK counts as acknowledged; a failed id is never reused. A
 * statement stalled behind a cut gives up after 5 s.
 */
export class AppWriter {
  readonly landed: Landed[] = [];
  failures = 0;
  #primary = '';
  #next: number;
  #stopped = false;
  #loop: Promise<void> | undefined;
  readonly #watch: TopologyWatch | undefined;
  readonly #pf: ProxiedFarm;

  constructor(pf: ProxiedFarm, target: WriterTarget, firstId = 1_000_000) {
    this.#pf = pf;
    this.#next = firstId;
    if ('pinned' in target) {
      this.#primary = target.pinned;
      return;
    }
    const group = target.group ?? 'g1';
    this.#watch = target.follow.topology.watch(0, (tp) => {
      const p = tp.servers.find(
        (s) => s.group_id === group && s.status === 'SERVER_STATUS_PRIMARY',
      );
      this.#primary = p?.address ?? '';
    });
  }

  /** Where it writes now: the primary the topology last named, or the pinned server. */
  get primary(): string {
    return this.#primary;
  }

  get acked(): number[] {
    return this.landed.map((l) => l.id);
  }

  start(): void {
    this.#loop = this.#run();
  }

  async #run(): Promise<void> {
    const account = this.#pf.farm.fleet.accounts.app;
    let conn: { address: string; c: Connection } | undefined;
    while (!this.#stopped) {
      const target = this.#primary;
      if (target === '') {
        await sleep(5);
        continue;
      }
      try {
        if (conn?.address !== target) {
          conn?.c.destroy();
          conn = undefined;
          const port = this.#pf.byAddress(target).app.port;
          conn = { address: target, c: await connectTo(port, account, APP_DATABASE) };
        }
        const id = this.#next++;
        await conn.c.query({
          sql: 'INSERT INTO t VALUES (?, ?)',
          values: [id, 'app'],
          timeout: 5_000,
        });
        this.landed.push({ id, address: target, at: performance.now() });
      } catch {
        this.failures++;
        conn?.c.destroy();
        conn = undefined;
        await sleep(10);
      }
    }
    conn?.c.destroy();
  }

  /** Resolves once `n` more writes were acknowledged (by `address`, when given). */
  async waitForMore(n: number, address?: string, timeoutMs = 30_000): Promise<void> {
    const count = (): number =>
      this.landed.filter((l) => address === undefined || l.address === address).length;
    const target = count() + n;
    const deadline = Date.now() + timeoutMs;
    while (count() < target) {
      if (Date.now() > deadline) throw new Error(`fewer than ${n} writes in ${timeoutMs} ms`);
      await sleep(10);
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#watch?.close();
    await this.#loop;
  }
}

/** A change in the set of writable servers, as sampled (performance.now(), fabric addresses). */
export interface WritableChange {
  readonly at: number;
  readonly writable: readonly string[];
}

/**
 * WritableMonitor on direct connections (no proxy): cuts never hide a
 * writable server from it. Records every change of the writable set.
 */
export class ReadOnlySampler {
  readonly changes: WritableChange[] = [];
  #stopped = false;
  #stoppedAt = 0;
  #loop: Promise<void> | undefined;
  readonly #servers: readonly ProxiedServer[];
  readonly #account: ServerAccount;

  constructor(servers: readonly ProxiedServer[], account: ServerAccount) {
    this.#servers = servers;
    this.#account = account;
  }

  start(): void {
    this.#loop = this.#run();
  }

  async #run(): Promise<void> {
    const poller = new ReadOnlyPoller(
      this.#servers.map((s) => ({ address: s.address, port: s.server.port })),
      this.#account,
    );
    while (!this.#stopped) {
      const writable = await poller.writable();
      const last = this.changes.at(-1)?.writable ?? [];
      if (this.changes.length === 0 || writable.join() !== last.join())
        this.changes.push({ at: performance.now(), writable });
      await sleep(5);
    }
    poller.close();
  }

  /** When `address` was first seen writable at or after `after`. */
  firstWritable(address: string, after = 0): number | undefined {
    return this.changes.find((c) => c.at >= after && c.writable.includes(address))?.at;
  }

  /** Milliseconds, from `from` on, during which more than one server was writable (until now or stop()). */
  overlapMs(from = 0): number {
    const end = this.#stopped ? this.#stoppedAt : performance.now();
    let ms = 0;
    this.changes.forEach((c, i) => {
      const until = this.changes[i + 1]?.at ?? end;
      if (c.writable.length > 1) ms += Math.max(0, until - Math.max(c.at, from));
    });
    return ms;
  }

  async stop(): Promise<void> {
    if (!this.#stopped) this.#stoppedAt = performance.now();
    this.#stopped = true;
    await this.#loop;
  }
}

/**
 * An AppWriter following n1's Watch, a sampler, and with `pinned` a second
 * writer pinned to the current primary (ids from 2_000_000); all stopped
 * when `t` ends.
 */
export function startProxiedLoad(
  t: CleanupScope,
  pf: ProxiedFarm,
  o: { readonly pinned?: string } = {},
): { writer: AppWriter; pinned: AppWriter | undefined; sampler: ReadOnlySampler } {
  const writer = new AppWriter(pf, { follow: pf.farm.client('n1') });
  const pinned =
    o.pinned === undefined ? undefined : new AppWriter(pf, { pinned: o.pinned }, 2_000_000);
  const sampler = new ReadOnlySampler(pf.servers, pf.farm.fleet.accounts.admin);
  writer.start();
  pinned?.start();
  sampler.start();
  t.after(async () => {
    await writer.stop();
    await pinned?.stop();
    await sampler.stop();
  });
  return { writer, pinned, sampler };
}
