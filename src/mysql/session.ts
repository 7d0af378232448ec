import type { PoolConnection, QueryOptions } from 'mysql2/promise';

import { FabricError } from '../util/fabric-error.js';
import { blockedError } from './mysql-faults.js';
import type { MysqlFaults } from './mysql-faults.js';
import { statementError } from './mysql-errors.js';
import { statement } from './statement.js';
import type { Row, Statement } from './statement.js';

const SQL_LOG_BIN_OFF = statement('SET SESSION sql_log_bin=0', 'SET SESSION sql_log_bin = 0');
const SQL_LOG_BIN_ON = statement('SET SESSION sql_log_bin=1', 'SET SESSION sql_log_bin = 1');

/**
 * One borrowed connection to one server, for the length of one operation.
 * Every failure leaves as a FabricError. A session that lost its
 * connection, timed out, or may hold altered session state is `broken`:
 * the pool destroys its connection instead of reusing it.
 */
export class Session {
  readonly address: string;
  readonly #conn: PoolConnection;
  readonly #timeoutMs: number;
  readonly #faults: MysqlFaults | undefined;
  #broken = false;

  constructor(
    address: string,
    conn: PoolConnection,
    timeoutMs: number,
    faults: MysqlFaults | undefined,
  ) {
    this.address = address;
    this.#conn = conn;
    this.#timeoutMs = timeoutMs;
    this.#faults = faults;
  }

  get broken(): boolean {
    return this.#broken;
  }

  /** Runs `stmt` and returns its rows ([] for statements without a result set). */
  async rows(stmt: Statement, timeoutMs: number = this.#timeoutMs): Promise<Row[]> {
    const result = await this.#query(stmt, timeoutMs, {});
    return Array.isArray(result) ? (result as Row[]) : [];
  }

  /**
   * As rows(), but each row an array of raw cells (the text protocol's
   * bytes, NULL as null): no conversion through JS numbers or Dates, so a
   * copy writes back exactly what it read.
   */
  async rawRows(
    stmt: Statement,
    timeoutMs: number = this.#timeoutMs,
  ): Promise<(Buffer | null)[][]> {
    const result = await this.#query(stmt, timeoutMs, {
      rowsAsArray: true,
      typeCast: (field) => field.buffer(),
    });
    return Array.isArray(result) ? (result as (Buffer | null)[][]) : [];
  }

  /** One statement with `extra` query options; a lost connection marks the session broken. */
  async #query(
    stmt: Statement,
    timeoutMs: number,
    extra: Omit<QueryOptions, 'sql' | 'timeout' | 'values'>,
  ): Promise<unknown> {
    this.#checkLink(stmt);
    const options: QueryOptions = { ...extra, sql: stmt.sql, timeout: timeoutMs };
    if (stmt.values !== undefined) options.values = [...stmt.values];
    let result: unknown;
    try {
      [result] = await this.#conn.query(options);
    } catch (e) {
      const err = statementError(this.address, stmt, timeoutMs, e);
      if (err.code === 'SERVER_UNREACHABLE') this.#broken = true;
      throw err;
    }
    // The answer arrived, but on a cut link it would not have.
    this.#checkLink(stmt);
    return result;
  }

  /** Marks the connection unfit for reuse (e.g. a transaction whose end is unknown). */
  markBroken(): void {
    this.#broken = true;
  }

  async run(stmt: Statement): Promise<void> {
    await this.rows(stmt);
  }

  /**
   * Runs `fn` with this session's writes kept out of the binary log, so
   * they never replicate nor add GTIDs (mariadb.md gotcha 5). If turning
   * logging back on fails, the connection is destroyed rather than reused
   * with sql_log_bin=0.
   */
  async withoutBinlog<T>(fn: () => Promise<T>): Promise<T> {
    await this.run(SQL_LOG_BIN_OFF);
    try {
      return await fn();
    } finally {
      await this.run(SQL_LOG_BIN_ON).catch(() => {
        this.#broken = true;
      });
    }
  }

  #checkLink(stmt: Statement): void {
    if (this.#faults?.isBlocked(this.address) === true) {
      this.#broken = true;
      throw blockedError(this.address, stmt.kind);
    }
  }
}

/** The errno of a SERVER_QUERY_FAILED error, for callers that tolerate one. */
export function errnoOf(e: unknown): number | undefined {
  if (!(e instanceof FabricError)) return undefined;
  const errno = e.details.errno;
  return typeof errno === 'number' ? errno : undefined;
}
