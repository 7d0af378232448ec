import type {
  ExecuteValues,
  FieldPacket,
  PoolConnection,
  QueryResult,
  QueryValues,
  RowDataPacket,
} from 'mysql2/promise';
import type { Server__Output } from '../gen/fabric/v1/Server.js';
import type { Topology__Output } from '../gen/fabric/v1/Topology.js';
import { ConnectorError } from './connector-error.js';
import { FabricLink } from './fabric-link.js';
import { connectFailure, isReadStatement, statementFailure } from './mysql-failure.js';
import { PoolEvents } from './pool-events.js';
import type { FabricPoolEventName, FabricPoolListener } from './pool-events.js';
import { resolvePoolOptions } from './pool-options.js';
import type { FabricPoolOptions, ResolvedPoolOptions } from './pool-options.js';
import { resolveRoute } from './route.js';
import type { ResolvedGroupRoute, Route } from './route.js';
import type { RoutingView } from './routing-view.js';
import { selectServer } from './select-server.js';
import type { Selected } from './select-server.js';
import { ServerFailure } from './server-failure.js';
import type { ServerFailureKind } from './server-failure.js';
import { ServerPools } from './server-pools.js';
import { ThreatReporter } from './threat-reporter.js';
import { TopologyState } from './topology-state.js';
import { PinnedConnection } from './transaction-connection.js';
import type { TransactionConnection } from './transaction-connection.js';

/** Where one attempt runs. */
interface Target {
  readonly route: ResolvedGroupRoute;
  readonly server: Server__Output;
  readonly epoch: number;
  /** The server is the group's PRIMARY (a READ_WRITE route, or a READ_ONLY fallback). */
  readonly primary: boolean;
}

/** One attempt's work on a connection; throws ServerFailure when the server (not the statement) failed. */
type Work<T> = (conn: PoolConnection, target: Target) => Promise<T>;

/** The first failure of a routed call, kept for the failover event and the deadline error. */
interface FirstFailure {
  readonly target: Target;
  readonly error: Error;
  readonly at: number;
}

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
  /** SECONDARYs that failed here, until when they are passed over. */
  readonly #failedUntil = new Map<string, number>();
  /** The last epoch a fallback was announced for, per group (one event per group and epoch). */
  readonly #fallbackEpoch = new Map<string, number>();
  readonly #routedCounts = new Map<string, number>();
  #failovers = 0;
  #fallbacks = 0;
  #inDoubt = 0;
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
    return (await this.#view(Date.now() + this.#o.deadlineMs)).topology;
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
    return this.#routed(
      route,
      this.#statement(sql, (c) => c.query<T>(sql, values)),
    );
  }

  /** As `query`, with a prepared statement (mysql2's `execute`). */
  execute<T extends QueryResult = RowDataPacket[]>(
    route: Route,
    sql: string,
    values?: ExecuteValues,
  ): Promise<[T, FieldPacket[]]> {
    return this.#routed(
      route,
      this.#statement(sql, (c) => c.execute<T>(sql, values)),
    );
  }

  /**
   * A connection to the server the route picks, waiting out a failover to
   * get it. Release it (`release()`) when done; the connector does not
   * retry what runs on it.
   */
  getConnection(route: Route): Promise<PoolConnection> {
    return this.#routed(route, (conn) => Promise.resolve(conn), true);
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
    return this.#routed(route, (conn, target) => this.#runTransaction(conn, target, fn));
  }

  stats(): FabricPoolStats {
    return {
      epoch: this.#state.view?.epoch,
      fabricNode: this.#link.attachedTo,
      fabricNodes: [...this.#link.known],
      fabricDials: this.#link.dials,
      routed: Object.fromEntries(this.#routedCounts),
      pools: this.#pools.addresses(),
      failovers: this.#failovers,
      fallbacks: this.#fallbacks,
      reports: this.#reporter.sent,
      inDoubt: this.#inDoubt,
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

  #statement<T>(sql: string, run: (c: PoolConnection) => Promise<T>): Work<T> {
    return async (conn, target) => {
      try {
        return await run(conn);
      } catch (e) {
        const kind = serverFailureOf(e, target);
        if (kind === undefined) throw e;
        const rerunnable = target.route.mode === 'READ_ONLY' || isReadStatement(sql);
        throw new ServerFailure(kind, e, kind === 'lost' && !rerunnable);
      }
    };
  }

  async #runTransaction<T>(
    conn: PoolConnection,
    target: Target,
    fn: (conn: TransactionConnection) => Promise<T>,
  ): Promise<T> {
    const readOnly = target.route.mode === 'READ_ONLY';
    try {
      await conn.query(readOnly ? 'START TRANSACTION READ ONLY' : 'START TRANSACTION');
    } catch (e) {
      // Nothing ran yet: whatever broke, running it again is safe.
      const kind = serverFailureOf(e, target);
      if (kind === undefined) throw e;
      throw new ServerFailure(kind, e, false);
    }
    const pinned = new PinnedConnection(conn, target.server.address, target.route.group, (e) =>
      serverFailureOf(e, target),
    );
    let result: T;
    try {
      result = await fn(pinned);
    } catch (e) {
      await rollback(conn);
      // Before COMMIT a server failure means the transaction did not commit: safe to run again.
      if (pinned.broken !== undefined) throw new ServerFailure(pinned.broken.kind, e, false);
      throw e;
    }
    if (pinned.broken !== undefined) {
      await rollback(conn);
      throw new ServerFailure(pinned.broken.kind, pinned.broken.error, false);
    }
    try {
      await conn.commit();
    } catch (e) {
      const kind = serverFailureOf(e, target);
      if (kind === undefined) throw e;
      // A read-only transaction committed nothing, whatever happened to its COMMIT.
      throw new ServerFailure(kind, e, kind === 'lost' && !readOnly);
    }
    return result;
  }

  /** The route → server → attempt → retry loop shared by every call. */
  async #routed<T>(route: Route, work: Work<T>, keep = false): Promise<T> {
    const r = resolveRoute(route);
    const deadline = Date.now() + this.#o.deadlineMs;
    let first: FirstFailure | undefined;
    let failures = 0;
    for (;;) {
      const view = await this.#view(deadline);
      const sel = selectServer(view, r, {
        random: this.#o.random,
        recentlyFailed: (a) => (this.#failedUntil.get(a) ?? 0) > Date.now(),
      });
      if (sel.kind === 'refused') {
        if (!sel.retryable) throw sel.error;
        await this.#waitNewEpoch(view.epoch, deadline, deadline - Date.now());
        if (Date.now() >= deadline) throw sel.error;
        continue;
      }
      this.#noteFallback(r, sel, view.epoch);
      const target: Target = {
        route: r,
        server: sel.server,
        epoch: view.epoch,
        primary: sel.server.status === 'SERVER_STATUS_PRIMARY',
      };
      try {
        const value = await this.#attempt(target, work, keep);
        if (first !== undefined) this.#noteRecovery(first, target);
        return value;
      } catch (e) {
        if (!(e instanceof ServerFailure)) throw e;
        this.#onServerFailure(target, e);
        if (e.inDoubt) throw this.#inDoubtError(target, e);
        first ??= { target, error: e.error, at: Date.now() };
        failures += 1;
        await this.#waitNewEpoch(view.epoch, deadline, this.#retryDelay(target, failures));
        if (Date.now() >= deadline) throw deadlineError(first, target, e, this.#o.deadlineMs);
      }
    }
  }

  async #attempt<T>(target: Target, work: Work<T>, keep: boolean): Promise<T> {
    this.#assertOpen();
    let conn: PoolConnection;
    const pool = this.#pools.get(target.server.address);
    try {
      conn = await pool.getConnection();
    } catch (e) {
      const kind = connectFailure(e);
      // A pool ended meanwhile (its server left the topology) says so in plain text: route again.
      if (kind === 'application' && this.#pools.isCurrent(target.server.address, pool)) throw e;
      throw new ServerFailure(kind === 'application' ? 'unreachable' : kind, e, false);
    }
    const address = target.server.address;
    this.#count(address);
    let broken = false;
    try {
      const value = await work(conn, target);
      if (keep) return value;
      conn.release();
      return value;
    } catch (e) {
      broken = e instanceof ServerFailure && e.kind !== 'read-only';
      if (broken) conn.destroy();
      else conn.release();
      throw e;
    }
  }

  #count(address: string): void {
    this.#routedCounts.set(address, (this.#routedCounts.get(address) ?? 0) + 1);
  }

  /** A primary: wait for the failover's new epoch (or retry it now and then). A secondary: try another at once. */
  #retryDelay(target: Target, failures: number): number {
    if (target.primary) return this.#o.retryIntervalMs;
    return failures <= 1 ? 0 : Math.min(this.#o.retryIntervalMs, 50 * 2 ** (failures - 2));
  }

  async #waitNewEpoch(epoch: number, deadline: number, ms: number): Promise<void> {
    await this.#state.waitAbove(epoch, Math.min(ms, deadline - Date.now()));
    this.#assertOpen();
  }

  async #view(deadline: number): Promise<RoutingView> {
    this.#assertOpen();
    if (this.#state.view === undefined) await this.#state.waitAbove(-1, deadline - Date.now());
    this.#assertOpen();
    const view = this.#state.view;
    if (view === undefined)
      throw new ConnectorError(
        'NO_TOPOLOGY',
        `no Fabric node (${this.#link.known.join(', ')}) sent a topology within ` +
          `${this.#o.deadlineMs} ms`,
        { fabric: this.#link.known.join(',') },
      );
    return view;
  }

  #onServerFailure(target: Target, f: ServerFailure): void {
    const address = target.server.address;
    if (!target.primary) this.#failedUntil.set(address, Date.now() + this.#o.serverRetryMs);
    this.#events.emit('serverError', {
      group: target.route.group,
      server: address,
      kind: f.kind,
      error: f.error,
    });
    // A read-only refusal from a secondary is no news; from a primary it means it was demoted or fenced.
    if (f.kind !== 'read-only' || target.primary) this.#reporter.report(target.server, f.error);
  }

  #inDoubtError(target: Target, f: ServerFailure): ConnectorError {
    this.#inDoubt += 1;
    return new ConnectorError(
      'IN_DOUBT',
      `the connection to ${target.server.address} (group '${target.route.group}') broke while ` +
        `the write was in flight; it may or may not have committed, so it was not re-run ` +
        `(${f.error.message})`,
      { group: target.route.group, server: target.server.address, epoch: target.epoch },
      { cause: f.error },
    );
  }

  #noteRecovery(first: FirstFailure, target: Target): void {
    if (!first.target.primary) return;
    this.#failovers += 1;
    this.#events.emit('failover', {
      group: target.route.group,
      from: first.target.server.address,
      to: target.server.address,
      epochBefore: first.target.epoch,
      epochAfter: target.epoch,
      waitedMs: Date.now() - first.at,
      error: first.error.message,
    });
  }

  #noteFallback(route: ResolvedGroupRoute, sel: Selected, epoch: number): void {
    if (sel.fallback === undefined) return;
    this.#fallbacks += 1;
    if (this.#fallbackEpoch.get(route.group) === epoch) return;
    this.#fallbackEpoch.set(route.group, epoch);
    this.#events.emit('fallback', {
      group: route.group,
      primary: sel.server.address,
      reason: sel.fallback,
      epoch,
    });
  }

  #assertOpen(): void {
    if (this.#closed) throw new ConnectorError('POOL_CLOSED', 'the Fabric pool is closed');
  }
}

/**
 * How a statement's error counts: a server failure worth failing over
 * (connection broken, or a read-only refusal from the primary), or
 * undefined for the application's own error. A read-only refusal from a
 * secondary is the application's: it sent a write down a READ_ONLY route.
 */
function serverFailureOf(e: unknown, target: Target): ServerFailureKind | undefined {
  const kind = statementFailure(e);
  if (kind === 'application') return undefined;
  if (kind === 'read-only' && !target.primary) return undefined;
  return kind;
}

async function rollback(conn: PoolConnection): Promise<void> {
  try {
    await conn.rollback();
  } catch {
    // The connection is gone: the server rolled the transaction back itself.
  }
}

function deadlineError(
  first: FirstFailure,
  last: Target,
  f: ServerFailure,
  deadlineMs: number,
): ConnectorError {
  return new ConnectorError(
    'DEADLINE_EXCEEDED',
    `group '${last.route.group}' (${last.route.mode}): no server took the statement within ` +
      `${deadlineMs} ms; first ${first.target.server.address} failed (${first.error.message}), ` +
      `last ${last.server.address} (${f.error.message})`,
    { group: last.route.group, server: last.server.address, epoch: last.epoch },
    { cause: f.error },
  );
}

/**
 * A Fabric-aware pool over the Fabric nodes `fabric` (any one is enough; the
 * others are learnt from the topology). Returns at once; statements wait
 * for the first topology (up to the deadline).
 */
export function createFabricPool(options: FabricPoolOptions): FabricPool {
  return new FabricPool(options);
}
