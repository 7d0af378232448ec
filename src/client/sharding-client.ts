import type { Procedure__Output } from '../gen/fabric/v1/Procedure.js';
import type { Server__Output } from '../gen/fabric/v1/Server.js';
import type { ShardMap__Output } from '../gen/fabric/v1/ShardMap.js';
import type { ShardTable__Output } from '../gen/fabric/v1/ShardTable.js';
import type { ShardingServiceClient } from '../gen/fabric/v1/ShardingService.js';
import { FabricError } from '../util/fabric-error.js';
import { LOOKUP_HINT, SHARD_MAPPING_TYPE, SHARD_STATE } from './farm-names.js';
import type { LookupHintName, ShardMappingTypeName, ShardStateName } from './farm-names.js';
import { mutate, mutateAnswer } from './mutation.js';
import type { MutationOptions, ReadOptions } from './mutation.js';
import type { UnaryCaller } from './unary-caller.js';

/** A map just created (mapId 0 while its procedure still runs, with noWait). */
export interface CreatedDefinition {
  readonly procedure: Procedure__Output;
  readonly mapId: number;
}

/** A shard just added, with the bound it got (0 and "" while its procedure still runs). */
export interface AddedShard {
  readonly procedure: Procedure__Output;
  readonly shardId: number;
  readonly bound: string;
}

/** A sharded table and its map (sharding.lookup_table). */
export interface TableLookup {
  readonly table: ShardTable__Output;
  readonly map: ShardMap__Output;
}

/** Where a key lives: the group's servers, the shard and the routing point. */
export interface KeyLookup {
  readonly servers: Server__Output[];
  /** 0 with hint GLOBAL. */
  readonly shardId: number;
  readonly groupId: string;
  /** The key as routed (HASH: its MD5 digest, 32 hex digits); "" with hint GLOBAL. */
  readonly point: string;
}

/**
 * fabric.v1.ShardingService (mysqlfabric's `sharding` commands). Mutating
 * calls resolve once their procedure is DONE (at once with noWait) and
 * reject with the typed error of a FAILED one; lookups reject with
 * SHARD_TABLE_NOT_FOUND, KEY_INVALID, KEY_BELOW_LOWEST_BOUND or NO_SHARDS.
 */
export class ShardingClient {
  readonly #stub: ShardingServiceClient;
  readonly #caller: UnaryCaller;

  constructor(stub: ShardingServiceClient, caller: UnaryCaller) {
    this.#stub = stub;
    this.#caller = caller;
  }

  async createDefinition(
    type: ShardMappingTypeName,
    globalGroup: string,
    o: MutationOptions = {},
  ): Promise<CreatedDefinition> {
    const r = await mutateAnswer<{ procedure: Procedure__Output | null; map_id: number }>(
      this.#caller,
      o,
      (f, md, opts, cb) =>
        this.#stub.CreateDefinition(
          { type: SHARD_MAPPING_TYPE.value(type), global_group_id: globalGroup, ...f },
          md,
          opts,
          cb,
        ),
    );
    return { procedure: r.procedure, mapId: r.map_id };
  }

  removeDefinition(mapId: number, o: MutationOptions = {}): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.RemoveDefinition({ map_id: mapId, ...f }, md, opts, cb),
    );
  }

  async listDefinitions(o: ReadOptions = {}): Promise<ShardMap__Output[]> {
    const r = await this.#caller.call<{ maps: ShardMap__Output[] }>(
      (md, opts, cb) =>
        this.#stub.ListDefinitions({ allow_stale: o.allowStale === true }, md, opts, cb),
      o.timeoutMs,
    );
    return r.maps;
  }

  /** `table` as "db.table". */
  addTable(
    mapId: number,
    table: string,
    column: string,
    o: MutationOptions = {},
  ): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.AddTable({ map_id: mapId, table, column, ...f }, md, opts, cb),
    );
  }

  removeTable(table: string, o: MutationOptions = {}): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.RemoveTable({ table, ...f }, md, opts, cb),
    );
  }

  /** Every map's tables (mapId 0), or one map's (an error if it does not exist). */
  async listTables(mapId = 0, o: ReadOptions = {}): Promise<ShardTable__Output[]> {
    const r = await this.#caller.call<{ tables: ShardTable__Output[] }>(
      (md, opts, cb) =>
        this.#stub.ListTables({ map_id: mapId, allow_stale: o.allowStale === true }, md, opts, cb),
      o.timeoutMs,
    );
    return r.tables;
  }

  async lookupTable(table: string, o: ReadOptions = {}): Promise<TableLookup> {
    const r = await this.#caller.call<{
      table: ShardTable__Output | null;
      map: ShardMap__Output | null;
    }>(
      (md, opts, cb) =>
        this.#stub.LookupTable({ table, allow_stale: o.allowStale === true }, md, opts, cb),
      o.timeoutMs,
    );
    if (r.table === null || r.map === null)
      throw new FabricError('INTERNAL', 'the server answered LookupTable without a table or map');
    return { table: r.table, map: r.map };
  }

  /**
   * Without a bound the procedure places the shard (HASH: splitting the
   * ring evenly; RANGE types need one); "" is a bound (the lowest
   * RANGE_STRING key). The state defaults to the procedure's (ENABLED).
   */
  async addShard(
    mapId: number,
    group: string,
    o: MutationOptions & { readonly bound?: string; readonly state?: ShardStateName } = {},
  ): Promise<AddedShard> {
    const r = await mutateAnswer<{
      procedure: Procedure__Output | null;
      shard_id: number;
      bound: string;
    }>(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.AddShard(
        {
          map_id: mapId,
          group_id: group,
          ...(o.bound === undefined ? {} : { bound: o.bound }),
          state: o.state === undefined ? 'SHARD_STATE_UNSPECIFIED' : SHARD_STATE.value(o.state),
          ...f,
        },
        md,
        opts,
        cb,
      ),
    );
    return { procedure: r.procedure, shardId: r.shard_id, bound: r.bound };
  }

  removeShard(shardId: number, o: MutationOptions = {}): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.RemoveShard({ shard_id: shardId, ...f }, md, opts, cb),
    );
  }

  enableShard(shardId: number, o: MutationOptions = {}): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.EnableShard({ shard_id: shardId, ...f }, md, opts, cb),
    );
  }

  /** Moves a shard with its rows to `group` (issue 13); long: give o.timeoutMs, or noWait and watch the procedure. */
  moveShard(
    shardId: number,
    group: string,
    o: MutationOptions & { chunkRows?: number; cutoverTimeoutMs?: number } = {},
  ): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.MoveShard(
        {
          shard_id: shardId,
          group_id: group,
          chunk_rows: o.chunkRows ?? 0,
          cutover_timeout_ms: o.cutoverTimeoutMs ?? 0,
          ...f,
        },
        md,
        opts,
        cb,
      ),
    );
  }

  disableShard(shardId: number, o: MutationOptions = {}): Promise<Procedure__Output> {
    return mutate(this.#caller, o, (f, md, opts, cb) =>
      this.#stub.DisableShard({ shard_id: shardId, ...f }, md, opts, cb),
    );
  }

  /**
   * The servers holding `key` of `table` ("db.table"): its shard's group,
   * or with hint GLOBAL the map's global group (the key is then not routed).
   * A key is sent as text; numbers and bigints are written in decimal.
   */
  async lookupServers(
    table: string,
    key: string | number | bigint,
    o: ReadOptions & { readonly hint?: LookupHintName } = {},
  ): Promise<KeyLookup> {
    const r = await this.#caller.call<{
      servers: Server__Output[];
      shard_id: number;
      group_id: string;
      point: string;
    }>(
      (md, opts, cb) =>
        this.#stub.LookupServers(
          {
            table,
            key: String(key),
            hint: LOOKUP_HINT.value(o.hint ?? 'LOCAL'),
            allow_stale: o.allowStale === true,
          },
          md,
          opts,
          cb,
        ),
      o.timeoutMs,
    );
    return { servers: r.servers, shardId: r.shard_id, groupId: r.group_id, point: r.point };
  }
}
