import type { PoolConnection } from 'mysql2/promise';
import { ConnectorError } from './connector-error.js';
import { connectFailure } from './mysql-failure.js';
import type { PoolEvents } from './pool-events.js';
import type { ResolvedPoolOptions } from './pool-options.js';
import { placeRoute } from './place-route.js';
import { checkRoute } from './route.js';
import type { ResolvedGroupRoute, Route } from './route.js';
import type { RoutingView } from './routing-view.js';
import type { Target, Work } from './routed-work.js';
import { selectServer } from './select-server.js';
import type { Selected } from './select-server.js';
import { ServerFailure } from './server-failure.js';
import type { ServerPools } from './server-pools.js';
import type { ThreatReporter } from './threat-reporter.js';
import type { TopologyState } from './topology-state.js';

/** What the dispatcher works with; the pool owns each part (tests pass fakes). */
export interface DispatcherDeps {
  readonly options: ResolvedPoolOptions;
  readonly state: TopologyState;
  readonly pools: Pick<ServerPools, 'get' | 'isCurrent' | 'reset'>;
  readonly events: PoolEvents;
  readonly reporter: Pick<ThreatReporter, 'report'>;
  readonly isClosed: () => boolean;
  readonly fabricNodes: () => readonly string[];
}

/** The first failure of a routed call, kept for the failover event and the deadline error. */
interface FirstFailure {
  readonly target: Target;
  readonly error: Error;
  readonly at: number;
}

/** Counters for FabricPool.stats(). */
export interface DispatchCounts {
  readonly routed: Readonly<Record<string, number>>;
  readonly failovers: number;
  readonly fallbacks: number;
  readonly inDoubt: number;
}

/**
 * The route → server → attempt → retry loop behind every pool call, and
 * what it remembers between calls: secondaries that just failed (passed
 * over for a while, then tried again), fallbacks announced, counts.
 */
export class Dispatcher {
  readonly #d: DispatcherDeps;
  /** SECONDARYs that failed here, until when they are passed over. */
  readonly #failedUntil = new Map<string, number>();
  /** The last epoch a fallback was announced for, per group (one event per group and epoch). */
  readonly #fallbackEpoch = new Map<string, number>();
  readonly #routedCounts = new Map<string, number>();
  #failovers = 0;
  #fallbacks = 0;
  #inDoubt = 0;

  constructor(deps: DispatcherDeps) {
    this.#d = deps;
  }

  counts(): DispatchCounts {
    return {
      routed: Object.fromEntries(this.#routedCounts),
      failovers: this.#failovers,
      fallbacks: this.#fallbacks,
      inDoubt: this.#inDoubt,
    };
  }

  /**
   * Routes, attempts and retries one call: on a server failure it reports,
   * waits for a newer epoch (a primary) or tries another server (a
   * secondary), until the work succeeds, turns out in doubt, or the
   * deadline passes. `keep`: hand the connection to the caller.
   */
  async run<T>(route: Route, work: Work<T>, keep = false): Promise<T> {
    const checked = checkRoute(route);
    const deadline = Date.now() + this.#d.options.deadlineMs;
    let first: FirstFailure | undefined;
    let failures = 0;
    for (;;) {
      const view = await this.view(deadline);
      // Placed on each epoch afresh: after a failover or a shard move the key's group may differ.
      const r = placeRoute(view, checked);
      const sel = selectServer(view, r, {
        random: this.#d.options.random,
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
        if (Date.now() >= deadline)
          throw deadlineError(first, target, e, this.#d.options.deadlineMs);
      }
    }
  }

  async #attempt<T>(target: Target, work: Work<T>, keep: boolean): Promise<T> {
    this.#assertOpen();
    let conn: PoolConnection;
    const pool = this.#d.pools.get(target.server.address);
    try {
      conn = await pool.getConnection();
    } catch (e) {
      const kind = connectFailure(e);
      // A pool ended meanwhile (its server left the topology) says so in plain text: route again.
      if (kind === 'application' && this.#d.pools.isCurrent(target.server.address, pool)) throw e;
      this.#d.pools.reset(target.server.address, pool);
      throw new ServerFailure(kind === 'application' ? 'unreachable' : kind, e, false);
    }
    const address = target.server.address;
    this.#count(address);
    try {
      const value = await work(conn, target);
      if (keep) return value;
      conn.release();
      return value;
    } catch (e) {
      const broken = e instanceof ServerFailure && e.kind !== 'read-only';
      if (broken) {
        conn.destroy();
        this.#d.pools.reset(address, pool);
      } else conn.release();
      throw e;
    }
  }

  #count(address: string): void {
    this.#routedCounts.set(address, (this.#routedCounts.get(address) ?? 0) + 1);
  }

  /** A primary: wait for the failover's new epoch (or retry it now and then). A secondary: try another at once. */
  #retryDelay(target: Target, failures: number): number {
    if (target.primary) return this.#d.options.retryIntervalMs;
    return failures <= 1 ? 0 : Math.min(this.#d.options.retryIntervalMs, 50 * 2 ** (failures - 2));
  }

  async #waitNewEpoch(epoch: number, deadline: number, ms: number): Promise<void> {
    await this.#d.state.waitAbove(epoch, Math.min(ms, deadline - Date.now()));
    this.#assertOpen();
  }

  /** The current view, waiting for the first one until `deadline` (NO_TOPOLOGY after). */
  async view(deadline: number): Promise<RoutingView> {
    this.#assertOpen();
    if (this.#d.state.view === undefined) await this.#d.state.waitAbove(-1, deadline - Date.now());
    this.#assertOpen();
    const view = this.#d.state.view;
    if (view === undefined)
      throw new ConnectorError(
        'NO_TOPOLOGY',
        `no Fabric node (${this.#d.fabricNodes().join(', ')}) sent a topology within ` +
          `${this.#d.options.deadlineMs} ms`,
        { fabric: this.#d.fabricNodes().join(',') },
      );
    return view;
  }

  #onServerFailure(target: Target, f: ServerFailure): void {
    const address = target.server.address;
    if (!target.primary) this.#failedUntil.set(address, Date.now() + this.#d.options.serverRetryMs);
    this.#d.events.emit('serverError', {
      group: target.route.group,
      server: address,
      kind: f.kind,
      error: f.error,
    });
    // A read-only refusal from a secondary is no news; from a primary it means it was demoted or fenced.
    if (f.kind !== 'read-only' || target.primary) this.#d.reporter.report(target.server, f.error);
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
    this.#d.events.emit('failover', {
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
    this.#d.events.emit('fallback', {
      group: route.group,
      primary: sel.server.address,
      reason: sel.fallback,
      epoch,
    });
  }

  #assertOpen(): void {
    if (this.#d.isClosed()) throw new ConnectorError('POOL_CLOSED', 'the Fabric pool is closed');
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
