import { hostname } from 'node:os';
import * as grpc from '@grpc/grpc-js';
import type { PoolOptions } from 'mysql2/promise';
import type { ServerPoolSettings } from './server-pools.js';
import type { Random } from './weighted-choice.js';

/** createFabricPool's options. Only `fabric`, `user` and `password` are required. */
export interface FabricPoolOptions {
  /** Fabric nodes to start from ('host:port'); every other node is learnt from the topology. */
  readonly fabric: readonly string[];
  /** The application's MySQL account, the same on every managed server. */
  readonly user: string;
  readonly password: string;
  /** Default database of every connection. */
  readonly database?: string;
  /** TLS to the managed servers (mysql2's `ssl`). */
  readonly tls?: PoolOptions['ssl'];
  /** Credentials for the Fabric nodes' gRPC listeners (default: insecure). */
  readonly fabricCredentials?: grpc.ChannelCredentials;
  /** Connections per managed server (default 10). */
  readonly connectionLimit?: number;
  /** Connect timeout to a managed server, ms (default 2000). */
  readonly connectTimeoutMs?: number;
  /**
   * How long a statement may wait for a failover (a new epoch) and be
   * retried before it fails with DEADLINE_EXCEEDED; also how long the first
   * statements wait for a first topology (default 5000 ms).
   */
  readonly deadlineMs?: number;
  /** While waiting for a new epoch, retry the same server this often anyway (default 1000 ms). */
  readonly retryIntervalMs?: number;
  /** A SECONDARY that failed is passed over for this long, then tried again (default 2000 ms). */
  readonly serverRetryMs?: number;
  /** Report failing servers to Fabric (ThreatService.ReportError; default true). */
  readonly reportErrors?: boolean;
  /** At most one report per server this often (default 1000 ms). */
  readonly reportIntervalMs?: number;
  /** Reporter id sent with reports (default 'connector:<host>/<pid>'). */
  readonly reporter?: string;
  /** Redial delays after a Fabric node fails (defaults 100 ms, doubling to 5000 ms). */
  readonly fabricBackoff?: { readonly initialMs?: number; readonly maxMs?: number };
  /** Uniform draws in [0, 1) for read balancing and jitter (default Math.random). */
  readonly random?: Random;
  /** Further mysql2 pool options for every server (charset, timezone, typeCast, …). */
  readonly mysql?: Omit<PoolOptions, 'host' | 'port' | 'user' | 'password' | 'database' | 'ssl'>;
}

/** The options with every default filled in. */
export interface ResolvedPoolOptions {
  readonly seeds: readonly string[];
  readonly credentials: grpc.ChannelCredentials;
  readonly server: ServerPoolSettings;
  readonly deadlineMs: number;
  readonly retryIntervalMs: number;
  readonly serverRetryMs: number;
  readonly reportErrors: boolean;
  readonly reportIntervalMs: number;
  readonly reporter: string;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly random: Random;
}

export function resolvePoolOptions(o: FabricPoolOptions): ResolvedPoolOptions {
  if (typeof o.fabric !== 'object' || o.fabric.length === 0)
    throw new TypeError('createFabricPool: `fabric` must list at least one Fabric node host:port');
  const server: ServerPoolSettings = {
    ...o.mysql,
    user: o.user,
    password: o.password,
    ...(o.database === undefined ? {} : { database: o.database }),
    ...(o.tls === undefined ? {} : { ssl: o.tls }),
    connectionLimit: o.connectionLimit ?? 10,
    connectTimeout: o.connectTimeoutMs ?? 2_000,
    waitForConnections: true,
    enableKeepAlive: true,
  };
  return {
    seeds: [...o.fabric],
    credentials: o.fabricCredentials ?? grpc.credentials.createInsecure(),
    server,
    deadlineMs: o.deadlineMs ?? 5_000,
    retryIntervalMs: o.retryIntervalMs ?? 1_000,
    serverRetryMs: o.serverRetryMs ?? 2_000,
    reportErrors: o.reportErrors ?? true,
    reportIntervalMs: o.reportIntervalMs ?? 1_000,
    reporter: o.reporter ?? `connector:${hostname()}/${process.pid}`,
    initialBackoffMs: o.fabricBackoff?.initialMs ?? 100,
    maxBackoffMs: o.fabricBackoff?.maxMs ?? 5_000,
    random: o.random ?? Math.random,
  };
}
