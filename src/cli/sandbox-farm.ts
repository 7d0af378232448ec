import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FabricClient } from '../client/index.js';
import { createDatabase } from '../mysql/create-database.js';
import { LocalMariadb, createShardedSandboxSchema, provisionAccounts } from '../mysql/index.js';
import type { ServerAccount } from '../mysql/index.js';
import { freePorts } from '../util/free-ports.js';

/** The accounts the sandbox creates on each MariaDB instance. */
export interface SandboxAccounts {
  readonly admin: ServerAccount;
  readonly replication: ServerAccount;
  /** A non-admin user with rights on `app` only: read_only applies to it (mariadb.md gotcha 4). */
  readonly app: ServerAccount & { readonly database: string };
}

/** Environment variables the sandbox's Fabric nodes read the passwords from ([servers] *_env). */
export const PASSWORD_ENV = {
  admin: 'FABRIC_SERVERS_PASSWORD',
  replication: 'FABRIC_REPLICATION_PASSWORD',
} as const;

export function sandboxAccounts(): SandboxAccounts {
  const secret = (): string => randomBytes(12).toString('base64url');
  return {
    admin: { user: 'fabric', password: secret() },
    replication: { user: 'fabric_repl', password: secret() },
    app: { user: 'app', password: 'app', database: 'app' },
  };
}

/** Starts `count` throwaway MariaDB instances in parallel, with the sandbox's accounts. */
export async function startMariadbFleet(
  dir: string,
  count: number,
  accounts: SandboxAccounts,
  progress: (line: string) => void,
): Promise<LocalMariadb[]> {
  // mariadb-install-db once, then a copy per server: it was most of the start time.
  const [ports, templateDataDir] = await Promise.all([
    freePorts(count),
    LocalMariadb.initTemplate(path.join(dir, 'mariadb-template')),
  ]);
  const started: LocalMariadb[] = [];
  try {
    await Promise.all(
      ports.map(async (port, i) => {
        const db = await LocalMariadb.start({
          baseDir: path.join(dir, `mariadb-${i + 1}`),
          port,
          serverId: i + 1,
          templateDataDir,
        });
        started.push(db);
        await provisionAccounts(db.address, accounts);
        progress(`MariaDB ${db.address} ready (server_id ${i + 1}, pid ${db.pid})`);
      }),
    );
  } catch (e) {
    await Promise.all(started.map((db) => db.stop()));
    throw e;
  }
  return started.sort((a, b) => a.port - b.port);
}

/**
 * The mysqlfabric tutorial in four commands: create a group, add the
 * servers, promote the first, activate the group. Each is a procedure run
 * through the cluster exactly as `fabric group …` runs it.
 */
export async function setUpGroup(
  client: FabricClient,
  group: string,
  servers: readonly LocalMariadb[],
  accounts: SandboxAccounts,
  progress: (line: string) => void,
  opts: { readonly createDatabase: boolean } = { createDatabase: true },
): Promise<void> {
  const run = procedureRunner(client, progress);
  await run('group.create', { group, description: 'fabric-ha sandbox' }, `created group ${group}`);
  for (const s of servers)
    await run('group.add', { group, address: s.address }, `added ${s.address} to ${group}`);
  const [first] = servers;
  if (first === undefined) return;
  await run(
    'group.promote',
    { group, server: first.address },
    `promoted ${first.address} to PRIMARY`,
  );
  await run('group.activate', { group }, `activated ${group}`);
  if (!opts.createDatabase) return;
  await createDatabase(first.address, accounts.app, accounts.app.database);
  progress(
    `created database ${accounts.app.database} on the primary (replicated to the secondaries)`,
  );
}

type Runner = (name: string, args: Record<string, unknown>, what: string) => Promise<unknown>;

/** Runs one procedure to its end through the cluster, as the CLI does; resolves with its output. */
function procedureRunner(client: FabricClient, progress: (line: string) => void): Runner {
  return async (name, args, what) => {
    const t0 = performance.now();
    const res = await client.submitProcedure(name, args, randomUUID(), true, 60_000);
    const p = res.procedure;
    if (p?.state !== 'PROCEDURE_STATE_DONE')
      throw new Error(
        `${what} failed: ${p?.error?.message ?? `procedure ${p?.id ?? '?'} is ${p?.state ?? '?'}`}`,
      );
    progress(`${what} (${Math.round(performance.now() - t0)} ms)`);
    return p.result_json === '' ? null : (JSON.parse(p.result_json) as unknown);
  };
}

/** The groups of the sharded sandbox, in the order their servers are handed out. */
export const SHARDED_GROUPS = ['global', 'shard1', 'shard2'] as const;
/** Lower bounds of the sandbox's RANGE shards on subscribers.sub_no. */
export const SANDBOX_BOUNDS = ['1', '5000'] as const;

/**
 * MySQL Fabric's sharding walkthrough: a global group and two shard groups;
 * the schema is created on the global primary only (it reaches the shard
 * groups through their 'fabric_global' links once the shards are enabled),
 * then a RANGE definition, the subscribers table on sub_no, and one shard
 * per shard group.
 */
export async function setUpShardedFarm(
  client: FabricClient,
  fleet: readonly LocalMariadb[],
  perGroup: number,
  accounts: SandboxAccounts,
  progress: (line: string) => void,
): Promise<{ mapId: number }> {
  const groups = SHARDED_GROUPS.map((g, i) => ({
    group: g,
    servers: fleet.slice(i * perGroup, (i + 1) * perGroup),
  }));
  for (const { group, servers } of groups)
    await setUpGroup(client, group, servers, accounts, progress, { createDatabase: false });
  const globalPrimary = groups[0]?.servers[0];
  if (globalPrimary === undefined) throw new Error('the sharded sandbox needs servers');
  const db = accounts.app.database;
  await createShardedSandboxSchema(globalPrimary.address, accounts.app, db);
  progress(`created ${db}.subscribers and the global table ${db}.plans on the global primary`);
  const run = procedureRunner(client, progress);
  const out = (await run(
    'sharding.create-definition',
    { type: 'RANGE', globalGroup: 'global' },
    'created a RANGE shard definition with global group global',
  )) as { mapId: number };
  await run(
    'sharding.add-table',
    { mapId: out.mapId, table: `${db}.subscribers`, column: 'sub_no' },
    `added ${db}.subscribers (sub_no) to map ${out.mapId}`,
  );
  for (const [i, bound] of SANDBOX_BOUNDS.entries()) {
    const group = SHARDED_GROUPS[i + 1] ?? '';
    await run(
      'sharding.add-shard',
      { mapId: out.mapId, group, bound, state: 'ENABLED' },
      `added shard [${bound}, …) on ${group}, linked to the global group`,
    );
  }
  return out;
}
