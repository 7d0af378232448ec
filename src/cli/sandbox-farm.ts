import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FabricClient } from '../client/index.js';
import { createDatabase } from '../mysql/create-database.js';
import { LocalMariadb, provisionAccounts } from '../mysql/index.js';
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
  const ports = await freePorts(count);
  const started: LocalMariadb[] = [];
  try {
    await Promise.all(
      ports.map(async (port, i) => {
        const db = await LocalMariadb.start({
          baseDir: path.join(dir, `mariadb-${i + 1}`),
          port,
          serverId: i + 1,
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
): Promise<void> {
  const run = async (name: string, args: Record<string, unknown>, what: string): Promise<void> => {
    const t0 = performance.now();
    const res = await client.submitProcedure(name, args, randomUUID(), true, 60_000);
    const p = res.procedure;
    if (p?.state !== 'PROCEDURE_STATE_DONE')
      throw new Error(
        `${what} failed: ${p?.error?.message ?? `procedure ${p?.id ?? '?'} is ${p?.state ?? '?'}`}`,
      );
    progress(`${what} (${Math.round(performance.now() - t0)} ms)`);
  };
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
  await createDatabase(first.address, accounts.app, accounts.app.database);
  progress(
    `created database ${accounts.app.database} on the primary (replicated to the secondaries)`,
  );
}
