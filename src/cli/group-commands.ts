import type { Command } from 'commander';
import { SERVER_MODE, SERVER_STATUS } from '../client/farm-names.js';
import type { FabricClient, ServerQuery } from '../client/index.js';
import { withConnectOptions } from './connect.js';
import { groupsTable, healthText, serversTable } from './farm-tables.js';
import { runMutation, withFarmClient, withMutationOptions } from './mutation-command.js';
import type { FarmCommandOptions, MutationCommandOptions } from './mutation-command.js';
import { emit } from './output.js';

interface LookupServersOptions extends FarmCommandOptions {
  readonly server?: string;
  readonly status?: string;
  readonly mode?: string;
}

/** The filter of lookup-servers, checked before any call. */
function serverQuery(o: LookupServersOptions): ServerQuery {
  return {
    ...(o.server === undefined ? {} : { server: o.server }),
    ...(o.status === undefined ? {} : { status: SERVER_STATUS.parse('--status', o.status) }),
    ...(o.mode === undefined ? {} : { mode: SERVER_MODE.parse('--mode', o.mode) }),
  };
}

/** "db-b:3306 (uuid-b)" for the group's primary after a promote; best effort. */
async function newPrimary(c: FabricClient, group: string): Promise<string> {
  try {
    const [g] = await c.groups.lookupGroups(group);
    if (g !== undefined && g.primary_uuid !== '')
      return `promoted ${g.primary_address} (${g.primary_uuid}) to primary of group ${group}`;
  } catch {
    // The promotion itself succeeded; only the lookup for the message failed.
  }
  return `promoted a new primary in group ${group}`;
}

/** "as <uuid>" for a server just added; best effort. */
async function addedAs(c: FabricClient, group: string, address: string): Promise<string> {
  try {
    const [s] = await c.groups.lookupServers(group, { server: address });
    if (s !== undefined) return `added ${address} to group ${group} as ${s.uuid}`;
  } catch {
    // The add itself succeeded; only the lookup for the message failed.
  }
  return `added ${address} to group ${group}`;
}

function registerMembership(group: Command): void {
  withMutationOptions(
    group
      .command('add <group> <address>')
      .description('check a server and add it to a group, replicating from the primary')
      .option('--update-only', 'record the server only; do not touch its replication'),
  ).action(
    async (id: string, address: string, o: MutationCommandOptions & { updateOnly?: boolean }) => {
      await runMutation(
        o,
        `group add ${id} ${address}`,
        (c, m) => c.groups.add(id, address, { ...m, updateOnly: o.updateOnly === true }),
        (c) => addedAs(c, id, address),
      );
    },
  );
  withMutationOptions(
    group
      .command('remove <group> <server>')
      .description('take a server (uuid or host:port) that is not the primary out of a group'),
  ).action(async (id: string, server: string, o: MutationCommandOptions) => {
    await runMutation(
      o,
      `group remove ${id} ${server}`,
      (c, m) => c.groups.remove(id, server, m),
      () => `removed ${server} from group ${id}`,
    );
  });
  withMutationOptions(
    group
      .command('promote <group>')
      .description('switch over (or fail over) to a new primary')
      .option('--server <server>', 'the candidate, uuid or host:port (default: the best one)')
      .option('--force', 'promote even a candidate that is behind or has errant transactions')
      .option('--update-only', 'record the new primary only (needs --server)'),
  ).action(
    async (
      id: string,
      o: MutationCommandOptions & { server?: string; force?: boolean; updateOnly?: boolean },
    ) => {
      await runMutation(
        o,
        `group promote ${id}`,
        (c, m) =>
          c.groups.promote(id, {
            ...m,
            ...(o.server === undefined ? {} : { server: o.server }),
            force: o.force === true,
            updateOnly: o.updateOnly === true,
          }),
        (c) => newPrimary(c, id),
      );
    },
  );
  withMutationOptions(
    group
      .command('demote <group>')
      .description('make the primary a secondary and leave the group without one')
      .option('--update-only', 'record the change only'),
  ).action(async (id: string, o: MutationCommandOptions & { updateOnly?: boolean }) => {
    await runMutation(
      o,
      `group demote ${id}`,
      (c, m) => c.groups.demote(id, { ...m, updateOnly: o.updateOnly === true }),
      () => `demoted the primary of group ${id}; it has none now`,
    );
  });
}

function registerLifecycle(group: Command): void {
  withMutationOptions(
    group
      .command('create <group>')
      .description('create an empty, inactive group')
      .option('--description <text>', 'free text'),
  ).action(async (id: string, o: MutationCommandOptions & { description?: string }) => {
    await runMutation(
      o,
      `group create ${id}`,
      (c, m) => c.groups.create(id, { ...m, description: o.description ?? '' }),
      () => `created group ${id}`,
    );
  });
  withMutationOptions(group.command('destroy <group>').description('remove an empty group')).action(
    async (id: string, o: MutationCommandOptions) => {
      await runMutation(
        o,
        `group destroy ${id}`,
        (c, m) => c.groups.destroy(id, m),
        () => `destroyed group ${id}`,
      );
    },
  );
  withMutationOptions(
    group.command('description <group> <text>').description("replace a group's description"),
  ).action(async (id: string, text: string, o: MutationCommandOptions) => {
    await runMutation(
      o,
      `group description ${id}`,
      (c, m) => c.groups.setDescription(id, text, m),
      () => `set the description of group ${id}`,
    );
  });
  for (const [verb, done, what] of [
    ['activate', 'activated', 'turn on failure detection for a group'],
    ['deactivate', 'deactivated', 'turn off failure detection for a group'],
  ] as const) {
    withMutationOptions(group.command(`${verb} <group>`).description(what)).action(
      async (id: string, o: MutationCommandOptions) => {
        await runMutation(
          o,
          `group ${verb} ${id}`,
          (c, m) => c.groups[verb](id, m),
          () => `${done} group ${id} (failure detection ${verb === 'activate' ? 'on' : 'off'})`,
        );
      },
    );
  }
}

function registerLookups(group: Command): void {
  withConnectOptions(
    group.command('lookup-groups [group]').description('every group, or one, with its primary'),
  ).action(async (id: string | undefined, o: FarmCommandOptions) => {
    const groups = await withFarmClient(o, (c) => c.groups.lookupGroups(id ?? ''));
    emit(o.json === true, groups, () => groupsTable(groups));
  });
  withConnectOptions(
    group
      .command('lookup-servers <group>')
      .description("a group's servers with status, mode and weight")
      .option('--server <server>', 'only this server (uuid or host:port)')
      .option('--status <status>', `only this status: ${SERVER_STATUS.names.join(', ')}`)
      .option('--mode <mode>', `only this mode: ${SERVER_MODE.names.join(', ')}`),
  ).action(async (id: string, o: LookupServersOptions) => {
    const q = serverQuery(o);
    const servers = await withFarmClient(o, (c) => c.groups.lookupServers(id, q));
    emit(o.json === true, servers, () => serversTable(servers));
  });
  withConnectOptions(
    group
      .command('health <group>')
      .description("probe a group's servers: reachable, role, replication, lag and issues"),
  ).action(async (id: string, o: FarmCommandOptions) => {
    const rows = await withFarmClient(o, (c) => c.groups.health(id));
    emit(o.json === true, rows, () => healthText(rows));
  });
}

/** fabric group …: mysqlfabric's group commands. */
export function registerGroupCommands(program: Command): void {
  const group = program
    .command('group')
    .description('high-availability groups: a primary and its replicas');
  registerLifecycle(group);
  registerMembership(group);
  registerLookups(group);
}
