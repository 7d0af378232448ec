/**
 * The contract of the MySQL layer: what the executor, the API and the
 * sandbox may ask of a managed server. src/mysql is the only code that
 * speaks SQL to managed servers; everything above it uses these types.
 */

import type { ShardRows } from './shard-rows-types.js';

/** An account on the managed servers. The password never appears in logs or errors. */
export interface ServerAccount {
  readonly user: string;
  readonly password: string;
}

/** How fabric-ha reaches managed servers ([servers] in the cluster file). */
export interface MysqlSettings {
  /** fabric-ha's own administrative account, present on every managed server. */
  readonly admin: ServerAccount;
  /** The account replicas use to connect to their primary (CHANGE MASTER / SOURCE). */
  readonly replication: ServerAccount;
  /** TCP connect timeout per connection attempt. */
  readonly connectTimeoutMs: number;
  /** Longest any single statement may run (except explicit waits, which take their own timeout). */
  readonly queryTimeoutMs: number;
  /**
   * MASTER_HEARTBEAT_PERIOD / SOURCE_HEARTBEAT_PERIOD given to every
   * replica fabric-ha points: an idle source sends a heartbeat this often,
   * so a replica that received nothing for a few periods has lost its
   * source even while its IO thread still says Yes. Absent: the server's
   * default (slave_net_timeout / 2, 30 s).
   */
  readonly heartbeatPeriodMs?: number;
  /**
   * Where replicas connect to reach a server, when that differs from the
   * address fabric-ha uses for it ([servers.replication_endpoints]):
   * farm address → replication address. Replication status read back is
   * spelled with farm addresses again.
   */
  readonly replicationEndpoints?: ReadonlyMap<string, string>;
}

export const ENGINES = ['mariadb', 'mysql'] as const;
export type Engine = (typeof ENGINES)[number];

/** What a server says about itself on connect. */
export interface ServerInfo {
  readonly address: string;
  readonly engine: Engine;
  /** SELECT VERSION(), e.g. "10.11.19-MariaDB-0+deb12u1". */
  readonly version: string;
  readonly serverId: number;
}

/** One requirement a server does not meet, phrased for an operator. */
export interface ConfigProblem {
  /** The setting or privilege, e.g. "log_bin", "log_slave_updates", "privilege REPLICATION SLAVE ADMIN". */
  readonly setting: string;
  readonly found: string;
  readonly required: string;
  /** How to fix it, e.g. "start mariadbd with --log-bin". */
  readonly fix: string;
}

/** SHOW SLAVE STATUS / SHOW REPLICA STATUS, normalised over both engines. */
export interface ReplicaStatus {
  readonly sourceHost: string;
  readonly sourcePort: number;
  /** Slave_IO_Running: "Yes", "No" or "Connecting". */
  readonly ioRunning: 'Yes' | 'No' | 'Connecting';
  readonly sqlRunning: boolean;
  readonly ioErrno: number;
  readonly ioError: string;
  readonly sqlErrno: number;
  readonly sqlError: string;
  /** Seconds_Behind_Master; null while the SQL thread is not running. */
  readonly secondsBehind: number | null;
  /** GTIDs received into the relay log (MariaDB Gtid_IO_Pos, MySQL Retrieved_Gtid_Set). */
  readonly receivedGtids: string;
  /**
   * Heartbeats received from the source since replication started
   * (MariaDB Slave_received_heartbeats, MySQL performance_schema
   * COUNT_RECEIVED_HEARTBEATS); null where the server does not say.
   */
  readonly receivedHeartbeats: number | null;
  /** The heartbeat period in ms (Slave_heartbeat_period); null when unknown. */
  readonly heartbeatPeriodMs: number | null;
  /**
   * How far the IO thread has read the source's binlog ("file:position"):
   * it moves with every event received, as the heartbeat count moves
   * while the source is idle.
   */
  readonly readPosition: string;
  /**
   * The SQL thread has applied everything complete in the relay log and
   * waits for more (Slave_SQL_Running_State "… has read all relay log …"),
   * or is not running. With the IO thread stopped, the executed GTIDs are
   * then final. A transaction received only in part is never applied: its
   * GTID may show in receivedGtids without ever being executed.
   */
  readonly relayLogApplied: boolean;
  /** Slave_SQL_Running_State as the server words it ('' when not running). */
  readonly sqlState: string;
}

/** A managed server's state as one probe saw it. */
export interface ServerProbe {
  readonly info: ServerInfo;
  /** fabric-ha's identity of the server (see ServerHandle.identity). */
  readonly uuid: string | undefined;
  readonly readOnly: boolean;
  /** Executed GTIDs (MariaDB @@gtid_current_pos, MySQL @@gtid_executed). */
  readonly gtidExecuted: string;
  /** Undefined when the server replicates from nobody. */
  readonly replica: ReplicaStatus | undefined;
}

/** Where a replica connects to. */
export interface SourceAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * One managed server, reached through a pooled connection. Every method
 * rejects with a FabricError: SERVER_UNREACHABLE (connect failed or timed
 * out), SERVER_IDENTITY_CHANGED (the server at this address is not the one
 * expected), SERVER_QUERY_FAILED (a statement failed; the message names it).
 */
export interface ServerHandle {
  readonly address: string;
  info(): Promise<ServerInfo>;
  /**
   * fabric-ha's UUID for this server: MySQL's @@server_uuid; on MariaDB a
   * UUID fabric-ha stores on the server itself, written with sql_log_bin=0
   * so it never replicates. With create, one is generated when absent.
   */
  identity(create: boolean): Promise<string | undefined>;
  /** Everything a group member needs (binlog, GTID, log_slave_updates, privileges); empty when fine. */
  checkRequirements(): Promise<ConfigProblem[]>;
  probe(): Promise<ServerProbe>;
  gtidExecuted(): Promise<string>;
  /**
   * Every GTID the server holds, as a history that shows branches: MariaDB
   * @@gtid_binlog_state (last GTID per domain and server_id; needs
   * log_slave_updates, a group requirement), MySQL @@gtid_executed.
   * Compare with compareGtidHistories to find errant transactions.
   */
  gtidHistory(): Promise<string>;
  replicaStatus(): Promise<ReplicaStatus | undefined>;
  isReadOnly(): Promise<boolean>;
  /** read_only (MySQL 8: also super_read_only when on). */
  setReadOnly(on: boolean): Promise<void>;
  /**
   * Returns once no transaction that began before the call can still
   * commit (FLUSH TABLES WITH READ LOCK, then UNLOCK TABLES). read_only is
   * checked when a statement starts, and KILL only flags a thread, so a
   * write that passed the check just before a fence could otherwise commit
   * after it — an acknowledged write the new primary never gets.
   */
  drainCommits(): Promise<void>;
  /**
   * Whether semi-synchronous replication is on, as a source (commits wait
   * for a replica's acknowledgement) and as a replica (it acknowledges).
   * Either plugin may be absent on MySQL: absent means off.
   */
  semiSync(): Promise<SemiSyncSettings>;
  /**
   * Turns semi-synchronous waiting as a source on or off (MariaDB
   * rpl_semi_sync_master_enabled, MySQL rpl_semi_sync_source_enabled, which
   * needs its plugin). A replica must not keep it on: with
   * log_slave_updates its applier's commits would wait for acknowledgements
   * no replica of its own sends.
   */
  setSemiSyncSource(on: boolean): Promise<void>;
  /**
   * rpl_semi_sync_master_timeout (MySQL rpl_semi_sync_source_timeout): how
   * long a commit waits for an acknowledgement before the source falls back
   * to asynchronous replication and acknowledges anyway. A very long one
   * makes an isolated primary block its commits instead (lossless).
   */
  setSemiSyncTimeout(timeoutMs: number): Promise<void>;
  /** Kills every client connection except fabric-ha's own, system and replication threads; returns how many. */
  killClientConnections(): Promise<number>;
  /** True when the server has applied `gtids` within timeoutMs (MASTER_GTID_WAIT / WAIT_FOR_EXECUTED_GTID_SET). */
  waitForGtids(gtids: string, timeoutMs: number): Promise<boolean>;
  stopReplica(): Promise<void>;
  /**
   * Stops the IO thread only (STOP SLAVE IO_THREAD): nothing more is
   * received from the source, while the SQL thread applies what the relay
   * log already holds. A failover freezes every replica so before it
   * chooses: none can take a transaction the chosen one lacks.
   */
  stopReceiving(): Promise<void>;
  /** Starts the IO thread again (a frozen replica whose failover did not happen). */
  startReceiving(): Promise<void>;
  /**
   * True once the SQL thread has applied everything complete in the relay
   * log (ReplicaStatus.relayLogApplied), polled for up to timeoutMs; false
   * when it has not by then (`state`: what the SQL thread was doing). True
   * for a server that replicates from nobody.
   */
  waitForRelayLog(
    timeoutMs: number,
  ): Promise<{ readonly applied: boolean; readonly state: string }>;
  /** The shard mover's operations on this server (issue 13; MariaDB). */
  shardRows(): ShardRows;
  /** STOP + RESET SLAVE ALL: the server replicates from nobody. */
  resetReplica(): Promise<void>;
  /**
   * Makes the server replicate from `source` with GTID auto-positioning,
   * using the replication account. With fromOwnBinlog (a former primary
   * rejoining), MariaDB first sets gtid_slave_pos = @@gtid_binlog_pos.
   */
  replicateFrom(source: SourceAddress, opts?: { fromOwnBinlog?: boolean }): Promise<void>;
  /**
   * A named replication connection beside the default one (MariaDB
   * multi-source connection, MySQL channel): its status, undefined when it
   * does not exist. replicaStatus() and probe() only ever show the default
   * connection.
   */
  channelStatus(channel: string): Promise<ReplicaStatus | undefined>;
  /**
   * Makes the named connection replicate from `source` (GTID positioning
   * from what the server applied, the replication account) and starts it.
   * It never changes gtid_slave_pos. With onlyDomains (MariaDB
   * DO_DOMAIN_IDS) it applies only those gtid domains' transactions.
   */
  replicateChannelFrom(
    channel: string,
    source: SourceAddress,
    opts?: { readonly onlyDomains?: readonly number[] },
  ): Promise<void>;
  /** STOP + RESET ... ALL of the named connection; false when it did not exist. */
  removeChannel(channel: string): Promise<boolean>;
  /** STOP or START the named connection's threads; false when it does not exist. */
  setChannelRunning(channel: string, on: boolean): Promise<boolean>;
  /** @@global.gtid_domain_id (MariaDB); undefined on MySQL, whose GTIDs have no domain. */
  gtidDomainId(): Promise<number | undefined>;
  /**
   * SET GLOBAL gtid_domain_id = id unless it is already (MariaDB; nothing
   * on MySQL); true when it changed. Not persistent: a restart forgets it.
   * Sessions open before the change keep writing in the old domain.
   */
  ensureGtidDomainId(id: number): Promise<boolean>;
}

/** Semi-synchronous replication on one server (either plugin may be absent on MySQL: absent means off). */
export interface SemiSyncSettings {
  /** Commits wait for a replica's acknowledgement. */
  readonly source: boolean;
  /** It acknowledges what it receives. */
  readonly replica: boolean;
  /** How long a commit waits before falling back to asynchronous; null when unknown. */
  readonly timeoutMs: number | null;
}

/** Comparison of two servers' executed GTIDs. */
export interface GtidComparison {
  /** a has every transaction b has. */
  readonly aIncludesB: boolean;
  /** Transactions a has that b lacks, in the engine's notation ('' when none). */
  readonly aMinusB: string;
}
