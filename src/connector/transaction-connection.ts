import type {
  ExecuteValues,
  FieldPacket,
  PoolConnection,
  QueryResult,
  QueryValues,
} from 'mysql2/promise';
import type { ServerFailureKind } from './server-failure.js';

/** The connection a `pool.transaction` callback runs its statements on: one server, pinned. */
export interface TransactionConnection {
  /** host:port of the server the transaction runs on. */
  readonly server: string;
  /** The group it was routed to. */
  readonly group: string;
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
  readonly #conn: PoolConnection;
  readonly #classify: (e: unknown) => ServerFailureKind | undefined;
  #broken: { readonly kind: ServerFailureKind; readonly error: unknown } | undefined;

  /** `classify` tells the server's failures (undefined: the application's error). */
  constructor(
    conn: PoolConnection,
    server: string,
    group: string,
    classify: (e: unknown) => ServerFailureKind | undefined,
  ) {
    this.#conn = conn;
    this.#classify = classify;
    this.server = server;
    this.group = group;
  }

  /** The first server failure seen inside the transaction, if any. */
  get broken(): { readonly kind: ServerFailureKind; readonly error: unknown } | undefined {
    return this.#broken;
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
