/**
 * A farm for end-to-end tests: real MariaDB servers (test/mysql/fleet.ts)
 * managed by a real 3-process Fabric cluster (test/cluster), reached
 * through the real gRPC client. Everything is stopped in t.after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { Connection } from 'mysql2/promise';
import { FabricClient } from '../../src/client/index.js';
import { LocalMariadb, provisionAccounts } from '../../src/mysql/index.js';
import type { ServerAccount } from '../../src/mysql/index.js';
import { freePorts } from '../../src/util/free-ports.js';
import { TestCluster, sleep } from '../cluster/cluster.js';
import { APP_DATABASE, startFleet } from '../mysql/fleet.js';
import type { Fleet, FleetOptions, ServerOverrides } from '../mysql/fleet.js';

export interface FarmOptions extends FleetOptions {
  readonly count?: number;
  /** [testing] step_pause_ms for the nodes: widens step boundaries for chaos tests. */
  readonly stepPauseMs?: number;
  readonly switchoverTimeoutMs?: number;
  readonly logLevel?: string;
  /** Raw TOML for every node's cluster file, e.g. '[failure_detector]\nfailover_cooldown_s = 0'. */
  readonly extraToml?: string;
  /**
   * More raw TOML, computed once the fleet runs and appended after extraToml:
   * settings that name things started in front of its servers (proxies).
   */
  readonly extraTomlFor?: (fleet: Fleet) => Promise<string>;
}

export interface Farm {
  readonly fleet: Fleet;
  readonly cluster: TestCluster;
  /** A client per node id, with a generous deadline (procedures wait). */
  client(nodeId?: string): FabricClient;
  /** A client of a running node other than `except`. */
  clientExcept(except: string): FabricClient;
  server(address: string): LocalMariadb;
}

/** Where a farm registers its cleanup: a node:test context, or a benchmark's own list. */
export interface CleanupScope {
  after(fn: () => unknown): void;
}

export async function startFarm(t: CleanupScope, o: FarmOptions = {}): Promise<Farm> {
  const fleet = await startFleet(o.count ?? 3, o);
  t.after(() => fleet.stop());
  const env: Record<string, string> = {
    FABRIC_TEST_ADMIN_PW: fleet.accounts.admin.password,
    FABRIC_TEST_REPL_PW: fleet.accounts.replication.password,
  };
  const parts = [
    o.extraToml,
    o.extraTomlFor === undefined ? undefined : await o.extraTomlFor(fleet),
    o.stepPauseMs === undefined ? undefined : `[testing]\nstep_pause_ms = ${o.stepPauseMs}\n`,
  ].filter((x) => x !== undefined);
  const extraToml = parts.length === 0 ? undefined : parts.join('\n');
  const cluster = await TestCluster.start(3, {
    ...(o.logLevel === undefined ? {} : { logLevel: o.logLevel }),
    ...(extraToml === undefined ? {} : { extraToml }),
    servers: {
      user: fleet.accounts.admin.user,
      passwordEnv: 'FABRIC_TEST_ADMIN_PW',
      replicationUser: fleet.accounts.replication.user,
      replicationPasswordEnv: 'FABRIC_TEST_REPL_PW',
    },
    ...(o.switchoverTimeoutMs === undefined ? {} : { switchoverTimeoutMs: o.switchoverTimeoutMs }),
    env,
  });
  const clients = new Map<string, FabricClient>();
  t.after(async () => {
    for (const c of clients.values()) c.close();
    await cluster.stop();
  });
  await cluster.waitForLeader();
  const client = (id = 'n1'): FabricClient => {
    let c = clients.get(id);
    if (c === undefined) {
      c = new FabricClient(cluster.node(id).address, { timeoutMs: 60_000 });
      clients.set(id, c);
    }
    return c;
  };
  return {
    fleet,
    cluster,
    client,
    clientExcept: (except) => {
      const n = cluster.running().find((x) => x.id !== except);
      if (n === undefined) throw new Error('no other running node');
      return client(n.id);
    },
    server: (address) => {
      const s = fleet.servers.find((x) => x.address === address);
      if (s === undefined) throw new Error(`no fleet server ${address}`);
      return s;
    },
  };
}

/** create, add every server, promote the first, activate; then the app database on the primary. */
export async function setUpGroup(farm: Farm, group = 'g1'): Promise<void> {
  const g = farm.client().groups;
  await g.create(group, { description: 'test group' });
  for (const s of farm.fleet.servers) await g.add(group, s.address);
  await g.promote(group, { server: farm.fleet.servers[0]?.address ?? '' });
  await g.activate(group);
  const primary = farm.fleet.servers[0] as LocalMariadb;
  await withConnection(primary, farm.fleet.accounts.app, undefined, async (c) => {
    await c.query(`CREATE DATABASE IF NOT EXISTS ${APP_DATABASE}`);
    await c.query(
      `CREATE TABLE IF NOT EXISTS ${APP_DATABASE}.t (id INT PRIMARY KEY, v VARCHAR(64) NOT NULL)`,
    );
  });
}

export async function withConnection<T>(
  server: LocalMariadb,
  account: ServerAccount,
  database: string | undefined,
  fn: (c: Connection) => Promise<T>,
): Promise<T> {
  const c = await createConnection({
    host: '127.0.0.1',
    port: server.port,
    user: account.user,
    password: account.password,
    connectTimeout: 2_000,
    ...(database === undefined ? {} : { database }),
  });
  try {
    return await fn(c);
  } finally {
    c.destroy();
  }
}

/** The primary's address according to the cluster (lookup-servers). */
export async function primaryAddress(farm: Farm, group = 'g1', nodeId?: string): Promise<string> {
  const rows = await farm.client(nodeId).groups.lookupServers(group, { status: 'PRIMARY' });
  return rows[0]?.address ?? '';
}

/** Ids in app.t on a server, read as the admin account (never refused by read_only). */
export async function idsOn(farm: Farm, server: LocalMariadb): Promise<Set<number>> {
  return withConnection(server, farm.fleet.accounts.admin, APP_DATABASE, async (c) => {
    const [rows] = await c.query('SELECT id FROM t');
    return new Set((rows as { id: number }[]).map((r) => r.id));
  });
}

/** Waits until every server holds every id in `ids` (replication is asynchronous). */
export async function waitForRows(
  farm: Farm,
  ids: readonly number[],
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const missing: string[] = [];
    for (const s of farm.fleet.servers) {
      const have = await idsOn(farm, s).catch(() => new Set<number>());
      const lost = ids.filter((id) => !have.has(id));
      if (lost.length > 0)
        missing.push(`${s.address} lacks ${lost.length} (e.g. ${lost.slice(0, 5).join(',')})`);
    }
    if (missing.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`rows missing after ${timeoutMs} ms: ${missing.join('; ')}`);
    await sleep(100);
  }
}

/** @@read_only of every server, read as the admin account; undefined when unreachable. */
export async function readOnlyFlags(farm: Farm): Promise<(boolean | undefined)[]> {
  return Promise.all(
    farm.fleet.servers.map((s) =>
      withConnection(s, farm.fleet.accounts.admin, undefined, async (c) => {
        const [rows] = await c.query('SELECT @@read_only AS ro');
        return (rows as { ro: number }[])[0]?.ro === 1;
      }).catch(() => undefined),
    ),
  );
}

/**
 * A MariaDB server outside the fleet, with the farm's accounts: a
 * misconfigured candidate (omitArgs), or a stranger started on a fleet
 * server's port (`port`) after that server stopped. Destroyed in t.after,
 * and SIGKILLed if the process exits first.
 */
export async function startLoneServer(
  t: CleanupScope,
  farm: Farm,
  o: ServerOverrides & { readonly serverId: number; readonly port?: number },
): Promise<LocalMariadb> {
  const dir = await mkdtemp(join(tmpdir(), 'fabric-ha-lone-'));
  const { serverId, port: fixedPort, ...overrides } = o;
  const port = fixedPort ?? (await freePorts(1))[0] ?? 0;
  if (port === 3306) throw new Error('port 3306 belongs to the machine');
  let server: LocalMariadb;
  try {
    server = await LocalMariadb.start({ baseDir: join(dir, 's'), port, serverId, ...overrides });
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  const killOnExit = (): void => {
    const pid = server.pid;
    if (pid === undefined) return;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', killOnExit);
  t.after(async () => {
    await server.destroy();
    process.off('exit', killOnExit);
    await rm(dir, { recursive: true, force: true });
  });
  await provisionAccounts(server.address, farm.fleet.accounts);
  return server;
}
