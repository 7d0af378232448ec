import type {
  ExecuteValues,
  FieldPacket,
  PoolConnection,
  QueryResult,
  QueryValues,
  RowDataPacket,
} from 'mysql2/promise';
import type { Topology__Output } from '../gen/fabric/v1/Topology.js';
import { Dispatcher } from './dispatcher.js';
import { FabricLink } from './fabric-link.js';
import { PoolEvents } from './pool-events.js';
import type { FabricPoolEventName, FabricPoolListener } from './pool-events.js';
import { resolvePoolOptions } from './pool-options.js';
import type { FabricPoolOptions, ResolvedPoolOptions } from './pool-options.js';
import { placeRoute } from './place-route.js';
import { checkRoute } from './route.js';
import type { Route, RouteMode } from './route.js';
import { statementWork, transactionWork } from './routed-work.js';
import { queryAllShards } from './scatter-query.js';
import type { QueryAllResult, ScatterRoute } from './scatter-query.js';
import type { RoutingView } from './routing-view.js';
import { ServerPools } from './server-pools.js';
import { ThreatReporter } from './threat-reporter.js';
import { TopologyState } from './topology-state.js';
import type { TransactionConnection } from './transaction-connection.js';

/** What the pool has done so far (metrics hooks). */
export interface FabricPoolStats {
  /** The epoch routed on (undefined before the first topology). */
  readonly epoch: number | undefined;
  /** The Fabric node whose watch is live, if any. */
  readonly fabricNode: string | undefined;
  /** Every Fabric node known. */
  readonly fabricNodes: readonly string[];
  /** Watch streams opened on Fabric nodes (attempts, successful or not). */
  readonly fabricDials: number;
  /** Connections handed out per server (one per statement, transaction or getConnection). */
  readonly routed: Readonly<Record<string, number>>;
  /** Servers with an open mysql2 pool. */
  readonly pools: readonly string[];
  readonly failovers: number;
  readonly fallbacks: number;
  readonly reports: number;
  readonly inDoubt: number;
}

/** Where a route goes (FabricPool.locate). */
export interface RouteLocation {
  readonly epoch: number;
  readonly group: string;
  readonly mode: RouteMode;
  /** The shard holding the key, for a `{ table, key }` route. */
  readonly shardId?: number;
}

/**
 * A Fabric-aware pool (create it with createFabricPool): routes each
 * statement by group and mode on the last topology pushed by Fabric, keeps
 * one mysql2 pool per server, and rides out failovers: a statement that
 * meets a dead or demoted primary is reported to Fabric and run again on
 * the new primary once the topology moves on, within a deadline, whenever
 * running it again is safe.
 */
export class FabricPool {
  readonly #o: ResolvedPoolOptions;
  readonly #events = new PoolEvents();
  readonly #state = new TopologyState();
  readonly #pools: ServerPools;
  readonly #link: FabricLink;
  readonly #reporter: ThreatReporter;
  readonly #dispatcher: Dispatcher;
  #closed = false;

  constructor(options: FabricPoolOptions) {
    this.#o = resolvePoolOptions(options);
    this.#pools = new ServerPools(this.#o.server);
    this.#link = new FabricLink(
      {
        seeds: this.#o.seeds,
        credentials: this.#o.credentials,
        initialBackoffMs: this.#o.initialBackoffMs,
        maxBackoffMs: this.#o.maxBackoffMs,
        random: this.#o.random,
      },
      {
        topology: (t, address) => {
          this.#onTopology(t, address);
        },
        attached: (address) => {
          this.#events.emit('fabric', { address, state: 'attached' });
        },
        detached: (address, error) => {
          this.#events.emit('fabric', { address, state: 'detached', error });
        },
      },
    );
    this.#reporter = new ThreatReporter(
      {
        enabled: this.#o.reportErrors,
        intervalMs: this.#o.reportIntervalMs,
        reporter: this.#o.reporter,
        timeoutMs: 2_000,
      },
      this.#link,
      this.#events,
    );
    this.#dispatcher = new Dispatcher({
      options: this.#o,
      state: this.#state,
      pools: this.#pools,
      events: this.#events,
      reporter: this.#reporter,
      isClosed: () => this.#closed,
      fabricNodes: () => this.#link.known,
    });
    this.#link.start();
  }

  on<K extends FabricPoolEventName>(name: K, listener: FabricPoolListener<K>): this {
    this.#events.on(name, listener);
    return this;
  }

  once<K extends FabricPoolEventName>(name: K, listener: FabricPoolListener<K>): this {
    this.#events.once(name, listener);
    return this;
  }

  off<K extends FabricPoolEventName>(name: K, listener: FabricPoolListener<K>): this {
    this.#events.off(name, listener);
    return this;
  }

  /** Resolves with the first topology; NO_TOPOLOGY if no Fabric node answers within the deadline. */
  async ready(): Promise<Topology__Output> {
    return (await this.#dispatcher.view(Date.now() + this.#o.deadlineMs)).topology;
  }

  /** The last topology received (kept while every Fabric node is down). */
  topology(): Topology__Output | undefined {
    return this.#state.view?.topology;
  }

  /**
   * Runs one statement (mysql2's `query`) on the server the route picks.
   * Retried after a failover when safe: always for READ_ONLY routes and
   * plain reads; a write whose connection broke in flight fails IN_DOUBT.
   */
  query<T extends QueryResult = RowDataPacket[]>(
    route: Route,
    sql: string,
    values?: QueryValues,
  ): Promise<[T, FieldPacket[]]> {
    return this.#dispatcher.run(
      route,
      statementWork(sql, (c) => c.query<T>(sql, values)),
    );
  }

  /** As `query`, with a prepared statement (mysql2's `execute`). */
  execute<T extends QueryResult = RowDataPacket[]>(
    route: Route,
    sql: string,
    values?: ExecuteValues,
  ): Promise<[T, FieldPacket[]]> {
    return this.#dispatcher.run(
      route,
      statementWork(sql, (c) => c.execute<T>(sql, values)),
    );
  }

  /**
   * A connection to the server the route picks, waiting out a failover to
   * get it. Release it (`release()`) when done; the connector does not
   * retry what runs on it.
   */
  getConnection(route: Route): Promise<PoolConnection> {
    return this.#dispatcher.run(route, (conn) => Promise.resolve(conn), true);
  }

  /**
   * Runs `fn` in one transaction pinned to one server (the primary for
   * READ_WRITE; a secondary, read-only, for READ_ONLY) and commits. If the
   * server fails before COMMIT is sent, the transaction was rolled back, so
   * `fn` is run again from the start on the new primary (it must not have
   * effects outside the database it cannot repeat). If the connection
   * breaks during COMMIT, it fails with IN_DOUBT. An error `fn` throws
   * rolls back and is rethrown.
   */
  transaction<T>(route: Route, fn: (conn: TransactionConnection) => Promise<T>): Promise<T> {
    return this.#dispatcher.run(route, transactionWork(fn));
  }

  /**
   * Where a route goes in the current epoch, without running anything: its
   * group and mode (and shard, for `{ table, key }`), or the typed error a
   * statement on it would fail with. Waits for the first topology.
   */
  async locate(route: Route): Promise<RouteLocation> {
    const view = await this.#dispatcher.view(Date.now() + this.#o.deadlineMs);
    const r = placeRoute(view, checkRoute(route));
    return {
      epoch: view.epoch,
      group: r.group,
      mode: r.mode,
      ...(r.shard === undefined ? {} : { shardId: r.shard.shardId }),
    };
  }

  /**
   * Runs a read on every ENABLED shard of the table's map in parallel
   * (each on its group, READ_ONLY routing) and returns every row tagged
   * with its shard id, plus each failed shard's error in `errors` (after
   * the usual retries; one shard failing does not fail the call). Not a
   * distributed snapshot: each shard answers as of its own moment.
   */
  async queryAll<R extends RowDataPacket = RowDataPacket>(
    route: ScatterRoute,
    sql: string,
    values?: QueryValues,
  ): Promise<QueryAllResult<R>> {
    const view = await this.#dispatcher.view(Date.now() + this.#o.deadlineMs);
    return queryAllShards<R>(
      view,
      route,
      async (r, q, v) => (await this.query<R[]>(r, q, v))[0],
      sql,
      values,
    );
  }

  stats(): FabricPoolStats {
    return {
      epoch: this.#state.view?.epoch,
      fabricNode: this.#link.attachedTo,
      fabricNodes: [...this.#link.known],
      fabricDials: this.#link.dials,
      ...this.#dispatcher.counts(),
      pools: this.#pools.addresses(),
      reports: this.#reporter.sent,
    };
  }

  /** Stops watching Fabric and ends every server pool; later calls fail with POOL_CLOSED. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#link.close();
    this.#state.wakeAll();
    await this.#pools.closeAll();
  }

  #onTopology(t: Topology__Output, address: string): void {
    const r = this.#state.accept(t);
    if (r === 'stale' || r === 'same' || this.#closed) return;
    const view = this.#state.view as RoutingView;
    this.#pools.retain(view);
    this.#events.emit('topology', {
      epoch: view.epoch,
      previousEpoch: r.previous?.epoch,
      fabricNode: address,
      topology: t,
    });
  }
}

/**
 * A Fabric-aware pool over the Fabric nodes `fabric` (any one is enough; the
 * others are learnt from the topology). Returns at once; statements wait
 * for the first topology (up to the deadline).
 */
export function createFabricPool(options: FabricPoolOptions): FabricPool {
  return new FabricPool(options);
}
