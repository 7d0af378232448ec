import type {
  ExecuteValues,
  FieldPacket,
  PoolConnection,
  QueryResult,
  QueryValues,
} from 'mysql2/promise';
import { ConnectorError } from './connector-error.js';
import type { ShardKey, ShardPlace } from './route.js';
import type { ServerFailureKind } from './server-failure.js';

/** The connection a `pool.transaction` callback runs its statements on: one server, pinned. */
export interface TransactionConnection {
  /** host:port of the server the transaction runs on. */
  readonly server: string;
  /** The group it was routed to. */
  readonly group: string;
  /** The shard a `{ table, key }` transaction is pinned to (undefined for a group route). */
  readonly shardId: number | undefined;
  /**
   * Asserts that `key` of `table` (default: the route's table) lives on the
   * shard this transaction is pinned to, in the epoch it was routed on;
   * throws SHARD_MISMATCH (or the key's routing error) otherwise. Call it
   * before a statement for any key other than the route's: one transaction
   * cannot span shards.
   */
  checkKey(key: ShardKey, table?: string): void;
  query<T extends QueryResult>(sql: string, values?: QueryValues): Promise<[T, FieldPacket[]]>;
  execute<T extends QueryResult>(sql: string, values?: ExecuteValues): Promise<[T, FieldPacket[]]>;
}

/**
 * A pinned connection that notes when a statement failed because of the
 * server (not the statement), so the transaction is retried even if the
 * callback swallowed the error: after a lost connection the server rolled
 * the transaction back, after a read-only refusal COMMIT would commit part
 * of it.
 */
export class PinnedConnection implements TransactionConnection {
  readonly server: string;
  readonly group: string;
  readonly shardId: number | undefined;
  readonly #shard: ShardPlace | undefined;
  readonly #conn: PoolConnection;
  readonly #classify: (e: unknown) => ServerFailureKind | undefined;
  #broken: { readonly kind: ServerFailureKind; readonly error: unknown } | undefined;

  /** `classify` tells the server's failures (undefined: the application's error). */
  constructor(
    conn: PoolConnection,
    server: string,
    group: string,
    classify: (e: unknown) => ServerFailureKind | undefined,
    shard?: ShardPlace,
  ) {
    this.#shard = shard;
    this.shardId = shard?.shardId;
    this.#conn = conn;
    this.#classify = classify;
    this.server = server;
    this.group = group;
  }

  /** The first server failure seen inside the transaction, if any. */
  get broken(): { readonly kind: ServerFailureKind; readonly error: unknown } | undefined {
    return this.#broken;
  }

  checkKey(key: ShardKey, table?: string): void {
    const pinned = this.#shard;
    if (pinned === undefined)
      throw new ConnectorError(
        'INVALID_ROUTE',
        'checkKey needs a transaction routed by { table, key }; this one was routed by group',
        { group: this.group },
      );
    const other = pinned.locate(key, table);
    if (other.shardId !== pinned.shardId)
      throw new ConnectorError(
        'SHARD_MISMATCH',
        `key ${typeof key === 'bigint' ? `${key}n` : JSON.stringify(key)} of ${other.table} lives on shard ` +
          `${other.shardId}, but this transaction is pinned to shard ${pinned.shardId} ` +
          `(group '${this.group}'): a transaction cannot span shards`,
        { table: other.table, shardId: other.shardId, pinnedShardId: pinned.shardId },
      );
  }

  query<T extends QueryResult>(sql: string, values?: QueryValues): Promise<[T, FieldPacket[]]> {
    return this.#watch(this.#conn.query<T>(sql, values));
  }

  execute<T extends QueryResult>(sql: string, values?: ExecuteValues): Promise<[T, FieldPacket[]]> {
    return this.#watch(this.#conn.execute<T>(sql, values));
  }

  async #watch<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (e) {
      const kind = this.#classify(e);
      if (kind !== undefined) this.#broken ??= { kind, error: e };
      throw e;
    }
  }
}
