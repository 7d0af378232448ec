import { setTimeout as sleep } from 'node:timers/promises';
import { joinAddress, splitAddress } from './address.js';
import type { AddressPoolSource, Operation } from './address-pool.js';
import { ensureIdentity, readIdentity } from './identity.js';
import { killClientConnections } from './kill-connections.js';
import { probeServer } from './probe.js';
import { flag, integer, text } from './row-fields.js';
import {
  readGtidExecuted,
  readReplicaStatus,
  replicateFrom,
  resetReplica,
  waitForGtids,
} from './replication.js';
import { ReplicationEndpoints } from './replication-endpoints.js';
import {
  ensureGtidDomainId,
  readChannelStatus,
  readGtidDomainId,
  removeChannel,
  replicateChannelFrom,
  setChannelRunning,
} from './named-replication.js';
import { checkRequirements } from './requirements.js';
import { MariadbShardRows } from './shard-rows.js';
import type { ShardRows } from './shard-rows-types.js';
import { statement } from './statement.js';
import type {
  ConfigProblem,
  MysqlSettings,
  ReplicaStatus,
  SemiSyncSettings,
  ServerHandle,
  ServerInfo,
  ServerProbe,
  SourceAddress,
} from './types.js';

/** How often waitForRelayLog looks: a few statements a second on a replica that is busy applying. */
const RELAY_LOG_POLL_MS = 20;

/** FTWRL waits for every running write statement and in-progress commit (MySQL manual, FLUSH). */
const FLUSH_WITH_READ_LOCK = statement('drain commits', 'FLUSH TABLES WITH READ LOCK');
const UNLOCK_TABLES = statement('drain commits', 'UNLOCK TABLES');

/** Both engines' names (MariaDB master/slave, MySQL 8.0.26+ source/replica); absent ones are simply not listed. */
const SEMI_SYNC_QUERY = statement(
  'read semi-sync settings',
  "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('rpl_semi_sync_master_enabled', 'rpl_semi_sync_slave_enabled', 'rpl_semi_sync_source_enabled', 'rpl_semi_sync_replica_enabled', 'rpl_semi_sync_master_timeout', 'rpl_semi_sync_source_timeout')",
);

const BINLOG_STATE_QUERY = statement(
  'read gtid_binlog_state',
  'SELECT @@global.gtid_binlog_state AS gtids',
);
const GTID_EXECUTED_QUERY = statement(
  'read gtid_executed',
  'SELECT @@global.gtid_executed AS gtids',
);

const INFO_QUERY = statement(
  'read server info',
  'SELECT VERSION() AS version, @@server_id AS server_id',
);

/**
 * ServerHandle over a pooled connection (see types.ts for the contract).
 * Cheap to create: ServerPool.server() makes one per call; the pool of
 * connections belongs to the address.
 */
export class MysqlServer implements ServerHandle {
  readonly address: string;
  readonly #pools: AddressPoolSource;
  readonly #expectedUuid: string | undefined;
  readonly #settings: MysqlSettings;
  readonly #endpoints: ReplicationEndpoints;

  constructor(
    pools: AddressPoolSource,
    address: string,
    expectedUuid: string | undefined,
    settings: MysqlSettings,
  ) {
    this.#pools = pools;
    this.address = address;
    this.#expectedUuid = expectedUuid;
    this.#settings = settings;
    this.#endpoints = new ReplicationEndpoints(settings.replicationEndpoints);
  }

  info(): Promise<ServerInfo> {
    return this.#run(async (s, st) => {
      const [row = {}] = await s.rows(INFO_QUERY);
      return {
        address: this.address,
        engine: st.dialect.engine,
        version: text(row, 'version'),
        serverId: integer(row, 'server_id'),
      };
    });
  }

  identity(create: boolean): Promise<string | undefined> {
    return this.#run((s, st) => (create ? ensureIdentity(s, st) : readIdentity(s, st.dialect)));
  }

  checkRequirements(): Promise<ConfigProblem[]> {
    return this.#run(checkRequirements);
  }

  async probe(): Promise<ServerProbe> {
    const p = await this.#run(probeServer);
    return { ...p, replica: this.#endpoints.asFarm(p.replica) };
  }

  gtidExecuted(): Promise<string> {
    return this.#run(readGtidExecuted);
  }

  gtidHistory(): Promise<string> {
    return this.#run(async (s, st) => {
      const [row = {}] = await s.rows(
        st.dialect.engine === 'mariadb' ? BINLOG_STATE_QUERY : GTID_EXECUTED_QUERY,
      );
      return text(row, 'gtids').replace(/\s+/g, '');
    });
  }

  async replicaStatus(): Promise<ReplicaStatus | undefined> {
    return this.#endpoints.asFarm(await this.#run(readReplicaStatus));
  }

  isReadOnly(): Promise<boolean> {
    return this.#run(async (s, st) => {
      const [row = {}] = await s.rows(st.dialect.readOnlyQuery);
      return flag(row, 'read_only');
    });
  }

  setReadOnly(on: boolean): Promise<void> {
    return this.#run((s, st) => s.run(st.dialect.setReadOnly(on)));
  }

  drainCommits(): Promise<void> {
    return this.#run(async (s) => {
      try {
        await s.run(FLUSH_WITH_READ_LOCK);
      } finally {
        await s.run(UNLOCK_TABLES);
      }
    });
  }

  semiSync(): Promise<SemiSyncSettings> {
    return this.#run(async (s) => {
      const rows = await s.rows(SEMI_SYNC_QUERY);
      const value = (names: readonly string[]): string =>
        text(rows.find((r) => names.includes(text(r, 'Variable_name'))) ?? {}, 'Value');
      const timeout = Number(
        value(['rpl_semi_sync_master_timeout', 'rpl_semi_sync_source_timeout']),
      );
      return {
        source: value(['rpl_semi_sync_master_enabled', 'rpl_semi_sync_source_enabled']) === 'ON',
        replica: value(['rpl_semi_sync_slave_enabled', 'rpl_semi_sync_replica_enabled']) === 'ON',
        timeoutMs: rows.length > 0 && Number.isFinite(timeout) ? timeout : null,
      };
    });
  }

  setSemiSyncTimeout(timeoutMs: number): Promise<void> {
    return this.#run((s, st) => s.run(st.dialect.setSemiSyncTimeout(timeoutMs)));
  }

  setSemiSyncSource(on: boolean): Promise<void> {
    return this.#run((s, st) =>
      s.run(
        statement(
          'set semi-sync source',
          `SET GLOBAL ${st.dialect.engine === 'mariadb' ? 'rpl_semi_sync_master_enabled' : 'rpl_semi_sync_source_enabled'} = ${on ? 'ON' : 'OFF'}`,
        ),
      ),
    );
  }

  killClientConnections(): Promise<number> {
    const spared = {
      adminUser: this.#settings.admin.user,
      replicationUser: this.#settings.replication.user,
    };
    return this.#run((s) => killClientConnections(s, spared));
  }

  waitForGtids(gtids: string, timeoutMs: number): Promise<boolean> {
    return this.#run((s, st) =>
      waitForGtids(s, st, gtids, timeoutMs, this.#settings.queryTimeoutMs),
    );
  }

  stopReplica(): Promise<void> {
    return this.#run((s, st) => s.run(st.dialect.stopReplica));
  }

  stopReceiving(): Promise<void> {
    return this.#run((s, st) => s.run(st.dialect.stopReceiving));
  }

  startReceiving(): Promise<void> {
    return this.#run((s, st) => s.run(st.dialect.startReceiving));
  }

  async waitForRelayLog(timeoutMs: number): Promise<{ applied: boolean; state: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const st = await this.replicaStatus();
      if (st === undefined || st.relayLogApplied)
        return { applied: true, state: st?.sqlState ?? '' };
      if (Date.now() >= deadline)
        return {
          applied: false,
          state: `${st.sqlState} (read ${st.readPosition}, received ${st.receivedGtids})`,
        };
      await sleep(RELAY_LOG_POLL_MS);
    }
  }

  shardRows(): ShardRows {
    return new MariadbShardRows(
      (op) => this.#run(op),
      this.#settings.replication,
      (source) => splitAddress(this.#endpoints.forReplicas(joinAddress(source.host, source.port))),
    );
  }

  resetReplica(): Promise<void> {
    return this.#run(resetReplica);
  }

  replicateFrom(source: SourceAddress, opts: { fromOwnBinlog?: boolean } = {}): Promise<void> {
    const { replication: account, heartbeatPeriodMs } = this.#settings;
    const via = splitAddress(this.#endpoints.forReplicas(joinAddress(source.host, source.port)));
    const own = opts.fromOwnBinlog === true;
    return this.#run((s, st) => replicateFrom(s, st, via, account, own, heartbeatPeriodMs));
  }

  async channelStatus(channel: string): Promise<ReplicaStatus | undefined> {
    return this.#endpoints.asFarm(await this.#run((s, st) => readChannelStatus(s, st, channel)));
  }

  replicateChannelFrom(
    channel: string,
    source: SourceAddress,
    opts: { readonly onlyDomains?: readonly number[] } = {},
  ): Promise<void> {
    const { replication: account, heartbeatPeriodMs } = this.#settings;
    const via = splitAddress(this.#endpoints.forReplicas(joinAddress(source.host, source.port)));
    return this.#run((s, st) =>
      replicateChannelFrom(s, st, channel, via, account, heartbeatPeriodMs, opts.onlyDomains),
    );
  }

  removeChannel(channel: string): Promise<boolean> {
    return this.#run((s, st) => removeChannel(s, st, channel));
  }

  setChannelRunning(channel: string, on: boolean): Promise<boolean> {
    return this.#run((s, st) => setChannelRunning(s, st, channel, on));
  }

  gtidDomainId(): Promise<number | undefined> {
    return this.#run(readGtidDomainId);
  }

  ensureGtidDomainId(id: number): Promise<boolean> {
    return this.#run((s, st) => ensureGtidDomainId(s, st, id));
  }

  // async: a closed pool rejects like every other failure, never throws synchronously.
  async #run<T>(op: Operation<T>): Promise<T> {
    return this.#pools.poolFor(this.address).run(this.#expectedUuid, op);
  }
}
