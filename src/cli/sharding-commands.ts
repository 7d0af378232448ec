import type { Command } from 'commander';
import { LOOKUP_HINT, SHARD_MAPPING_TYPE, SHARD_STATE } from '../client/farm-names.js';
import type { AddedShard, CreatedDefinition, FabricClient, KeyLookup } from '../client/index.js';
import { withConnectOptions } from './connect.js';
import { registerMoveShard } from './move-shard-command.js';
import { serversTable } from './farm-tables.js';
import { runMutation, withFarmClient, withMutationOptions } from './mutation-command.js';
import type { FarmCommandOptions, MutationCommandOptions } from './mutation-command.js';
import { emit } from './output.js';
import { shardMapsTable, shardTablesTable } from './shard-tables.js';
import { parseInteger } from './strict-numbers.js';

/** Map and shard ids are uint32 on the wire; 0 means "none" there, so ids start at 1. */
const MAX_ID = 4_294_967_295;

const mapId = (name: string, text: string): number => parseInteger(name, text, 1, MAX_ID);

function registerDefinitions(sharding: Command): void {
  withMutationOptions(
    sharding
      .command('create-definition <type> <global-group>')
      .description(
        `create a shard map (${SHARD_MAPPING_TYPE.names.join(', ')}) whose global group holds the unsharded tables`,
      ),
  ).action(async (typeText: string, global: string, o: MutationCommandOptions) => {
    const type = SHARD_MAPPING_TYPE.parse('type', typeText);
    let created: CreatedDefinition | undefined;
    await runMutation(
      o,
      `sharding create-definition ${type} ${global}`,
      async (c, m) => {
        created = await c.sharding.createDefinition(type, global, m);
        return created.procedure;
      },
      () => `created shard map ${created?.mapId ?? '?'} (${type}, global group ${global})`,
    );
  });
  withMutationOptions(
    sharding
      .command('remove-definition <map-id>')
      .description('remove a shard map that has no tables and no shards'),
  ).action(async (idText: string, o: MutationCommandOptions) => {
    const id = mapId('map-id', idText);
    await runMutation(
      o,
      `sharding remove-definition ${id}`,
      (c, m) => c.sharding.removeDefinition(id, m),
      () => `removed shard map ${id}`,
    );
  });
  withConnectOptions(
    sharding.command('list-definitions').description('every shard map: type and global group'),
  ).action(async (o: FarmCommandOptions) => {
    const maps = await withFarmClient(o, (c) => c.sharding.listDefinitions());
    emit(o.json === true, maps, () => shardMapsTable(maps));
  });
}

function registerTables(sharding: Command): void {
  withMutationOptions(
    sharding
      .command('add-table <map-id> <table> <column>')
      .description('shard a table (db.table) over a map by one column'),
  ).action(async (idText: string, name: string, column: string, o: MutationCommandOptions) => {
    const id = mapId('map-id', idText);
    await runMutation(
      o,
      `sharding add-table ${id} ${name} ${column}`,
      (c, m) => c.sharding.addTable(id, name, column, m),
      () => `added table ${name} to shard map ${id}, sharded by ${column}`,
    );
  });
  withMutationOptions(
    sharding.command('remove-table <table>').description('detach a table (db.table) from its map'),
  ).action(async (name: string, o: MutationCommandOptions) => {
    await runMutation(
      o,
      `sharding remove-table ${name}`,
      (c, m) => c.sharding.removeTable(name, m),
      () => `removed table ${name} from its shard map`,
    );
  });
  withConnectOptions(
    sharding
      .command('list-tables [map-id]')
      .description("the sharded tables, of every map or of one, with the map's type"),
  ).action(async (idText: string | undefined, o: FarmCommandOptions) => {
    const id = idText === undefined ? 0 : mapId('map-id', idText);
    const [tables, maps] = await withFarmClient(o, (c) =>
      Promise.all([c.sharding.listTables(id), c.sharding.listDefinitions()]),
    );
    emit(o.json === true, tables, () => shardTablesTable(tables, maps));
  });
  withConnectOptions(
    sharding
      .command('lookup-table <table>')
      .description("a sharded table's column, map, type and global group"),
  ).action(async (name: string, o: FarmCommandOptions) => {
    const r = await withFarmClient(o, (c) => c.sharding.lookupTable(name));
    emit(o.json === true, r, () => shardTablesTable([r.table], [r.map]));
  });
}

/** "added shard 3 to map 1 on group g2 (lower bound 1000)"; the answer may lack them with --no-wait. */
function addedText(added: AddedShard | undefined, map: number, group: string): string {
  if (added === undefined || added.shardId === 0)
    return `added a shard to map ${map} on group ${group}`;
  return `added shard ${added.shardId} to map ${map} on group ${group} (lower bound ${added.bound})`;
}

function registerShards(sharding: Command): void {
  withMutationOptions(
    sharding
      .command('add-shard <map-id> <group>')
      .description("add a shard on a group (that holds no shard and is not the map's global group)")
      .option(
        '--bound <value>',
        "the shard's lower bound in the map's type (HASH default: an even split of the ring)",
      )
      .option('--state <state>', `${SHARD_STATE.names.join(' or ')} (default ENABLED)`),
  ).action(
    async (
      idText: string,
      group: string,
      o: MutationCommandOptions & { bound?: string; state?: string },
    ) => {
      const id = mapId('map-id', idText);
      const state = o.state === undefined ? undefined : SHARD_STATE.parse('--state', o.state);
      let added: AddedShard | undefined;
      await runMutation(
        o,
        `sharding add-shard ${id} ${group}`,
        async (c, m) => {
          added = await c.sharding.addShard(id, group, {
            ...m,
            ...(o.bound === undefined ? {} : { bound: o.bound }),
            ...(state === undefined ? {} : { state }),
          });
          return added.procedure;
        },
        () => addedText(added, id, group),
      );
    },
  );
  for (const [verb, done, what, call] of [
    ['remove-shard', 'removed', 'remove a DISABLED shard', 'removeShard'],
    [
      'enable-shard',
      'enabled',
      'link a shard to the global group and make it routable',
      'enableShard',
    ],
    [
      'disable-shard',
      'disabled',
      'unlink a shard from the global group; lookups skip it',
      'disableShard',
    ],
  ] as const) {
    withMutationOptions(sharding.command(`${verb} <shard-id>`).description(what)).action(
      async (idText: string, o: MutationCommandOptions) => {
        const id = mapId('shard-id', idText);
        await runMutation(
          o,
          `sharding ${verb} ${id}`,
          (c: FabricClient, m) => c.sharding[call](id, m),
          () => `${done} shard ${id}`,
        );
      },
    );
  }
}

/** sharding lookup-servers: the group's servers, then where the key went. */
export function keyLookupText(r: KeyLookup): string {
  const where =
    r.shardId === 0
      ? `global group ${r.groupId}`
      : `shard ${r.shardId} in group ${r.groupId} (routing point ${r.point})`;
  return `${serversTable(r.servers)}\n\n${where}`;
}

function registerLookup(sharding: Command): void {
  withConnectOptions(
    sharding
      .command('lookup-servers <table> <key>')
      .description("the servers of the group holding a table's key, with status, mode and weight")
      .option('--hint <hint>', `${LOOKUP_HINT.names.join(' or ')} (GLOBAL: the global group)`),
  ).action(async (name: string, key: string, o: FarmCommandOptions & { hint?: string }) => {
    const hint = o.hint === undefined ? 'LOCAL' : LOOKUP_HINT.parse('--hint', o.hint);
    const r = await withFarmClient(o, (c) => c.sharding.lookupServers(name, key, { hint }));
    emit(o.json === true, r, () => keyLookupText(r));
  });
}

/** fabric sharding …: mysqlfabric's sharding commands, in kebab-case. */
export function registerShardingCommands(program: Command): void {
  const sharding = program
    .command('sharding')
    .description('shard maps: tables split over groups by a key, with a global group');
  registerDefinitions(sharding);
  registerTables(sharding);
  registerShards(sharding);
  registerMoveShard(sharding);
  registerLookup(sharding);
}
