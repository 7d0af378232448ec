import type { ServerConnector } from '../../../src/executor/farm/index.js';
import { parseMariadbPosition } from '../../../src/mysql/mariadb-gtid.js';
import type { ShardRows } from '../../../src/mysql/shard-rows-types.js';
import type {
  ConfigProblem,
  ReplicaStatus,
  SemiSyncSettings,
  ServerHandle,
  ServerInfo,
  ServerProbe,
  SourceAddress,
} from '../../../src/mysql/types.js';
import { FabricError } from '../../../src/util/fabric-error.js';
import type { Caller, SimFleet } from './sim-fleet.js';
import type { SimServer } from './sim-server.js';

/** How often a simulated wait (MASTER_GTID_WAIT, relay log drain) looks again. */
const POLL_MS = 10;

/**
 * fabric-ha's view of one simulated server through one caller's
 * connections: the same contract as src/mysql's MysqlServer (typed errors
 * SERVER_UNREACHABLE, SERVER_IDENTITY_CHANGED), so farm procedures and the
 * failure detector run against it unchanged. A hung server answers
 * nothing: a statement fails only when the query timeout passes.
 */
export class SimHandle implements ServerHandle {
  readonly address: string;
  readonly #fleet: SimFleet;
  readonly #caller: Caller;
  readonly #expectedUuid: string | undefined;

  constructor(fleet: SimFleet, caller: Caller, address: string, expectedUuid?: string) {
    this.#fleet = fleet;
    this.#caller = caller;
    this.address = address;
    this.#expectedUuid = expectedUuid;
  }

  async #on<T>(what: string, fn: (s: SimServer) => T): Promise<T> {
    await this.#fleet.clock.sleep(this.#fleet.latencyMs);
    const s = this.#fleet.server(this.address);
    if (s === undefined || !this.#fleet.connects(this.#caller, this.address)) {
      throw new FabricError(
        'SERVER_UNREACHABLE',
        `${this.address}: connect ECONNREFUSED (simulated) while ${what}`,
        { server: this.address },
      );
    }
    if (s.power === 'hung') {
      // The connection opens, the statement never answers: the query timeout ends it.
      await this.#fleet.clock.sleep(this.#fleet.queryTimeoutMs);
      throw new FabricError(
        'SERVER_UNREACHABLE',
        `${this.address}: no answer within ${this.#fleet.queryTimeoutMs} ms (simulated hang) while ${what}`,
        { server: this.address },
      );
    }
    const expected = this.#expectedUuid;
    if (expected !== undefined && s.uuid !== undefined && s.uuid !== expected) {
      throw new FabricError(
        'SERVER_IDENTITY_CHANGED',
        `${this.address} is server ${s.uuid}, not the expected ${expected}`,
        { server: this.address },
      );
    }
    return fn(s);
  }

  info(): Promise<ServerInfo> {
    return this.#on('reading its version', (s) => infoOf(s));
  }

  identity(create: boolean): Promise<string | undefined> {
    return this.#on('reading its identity', (s) => {
      if (s.uuid === undefined && create) s.uuid = simUuid(s.serverId);
      return s.uuid;
    });
  }

  checkRequirements(): Promise<ConfigProblem[]> {
    return this.#on('checking requirements', () => []);
  }

  probe(): Promise<ServerProbe> {
    return this.#on('probing', (s) => ({
      info: infoOf(s),
      uuid: s.uuid,
      readOnly: s.readOnly,
      gtidExecuted: s.log.currentPos(),
      replica: s.replicaStatus(this.#fleet.heartbeatPeriodMs),
    }));
  }

  gtidExecuted(): Promise<string> {
    return this.#on('reading gtid_current_pos', (s) => s.log.currentPos());
  }

  gtidHistory(): Promise<string> {
    return this.#on('reading gtid_binlog_state', (s) => s.log.binlogState());
  }

  replicaStatus(): Promise<ReplicaStatus | undefined> {
    return this.#on('SHOW ALL SLAVES STATUS', (s) =>
      s.replicaStatus(this.#fleet.heartbeatPeriodMs),
    );
  }

  isReadOnly(): Promise<boolean> {
    return this.#on('reading read_only', (s) => s.readOnly);
  }

  setReadOnly(on: boolean): Promise<void> {
    return this.#on('SET GLOBAL read_only', (s) => {
      s.readOnly = on;
    });
  }

  drainCommits(): Promise<void> {
    // Commits in the simulation are atomic with their binlog write: none is in flight.
    return this.#on('FLUSH TABLES WITH READ LOCK', () => undefined);
  }

  semiSync(): Promise<SemiSyncSettings> {
    return this.#on('reading semi-sync settings', (s) => ({
      source: s.semiSyncSource,
      replica: s.semiSyncReplica,
      timeoutMs: s.semiSyncTimeoutMs,
    }));
  }

  setSemiSyncSource(on: boolean): Promise<void> {
    return this.#on('SET GLOBAL rpl_semi_sync_master_enabled', (s) => {
      s.semiSyncSource = on;
    });
  }

  setSemiSyncTimeout(timeoutMs: number): Promise<void> {
    return this.#on('SET GLOBAL rpl_semi_sync_master_timeout', (s) => {
      s.semiSyncTimeoutMs = timeoutMs;
    });
  }

  killClientConnections(): Promise<number> {
    return this.#on('KILL CONNECTION', () => this.#fleet.killClients(this.address));
  }

  async waitForGtids(gtids: string, timeoutMs: number): Promise<boolean> {
    const want = parseMariadbPosition(gtids);
    const deadline = this.#fleet.clock.now() + timeoutMs;
    for (;;) {
      const reached = await this.#on('MASTER_GTID_WAIT', (s) =>
        [...want.values()].every((g) => (s.log.position().get(g.domain)?.seq ?? -1n) >= g.seq),
      );
      if (reached) return true;
      if (this.#fleet.clock.now() >= deadline) return false;
      await this.#fleet.clock.sleep(POLL_MS);
    }
  }

  stopReplica(): Promise<void> {
    return this.#on('STOP SLAVE', (s) => {
      if (s.replication === undefined) return;
      s.replication.io = 'No';
      s.replication.sql = false;
      s.replication.cursor = undefined;
    });
  }

  stopReceiving(): Promise<void> {
    return this.#on('STOP SLAVE IO_THREAD', (s) => {
      if (s.replication === undefined) return;
      s.replication.io = 'No';
      s.replication.cursor = undefined;
    });
  }

  startReceiving(): Promise<void> {
    return this.#on('START SLAVE IO_THREAD', (s) => {
      if (s.replication?.io === 'No') {
        s.replication.io = 'Connecting';
      }
    });
  }

  async waitForRelayLog(timeoutMs: number): Promise<{ applied: boolean; state: string }> {
    const deadline = this.#fleet.clock.now() + timeoutMs;
    for (;;) {
      const st = await this.#on('SHOW ALL SLAVES STATUS', (s) =>
        s.replicaStatus(this.#fleet.heartbeatPeriodMs),
      );
      if (st === undefined || st.relayLogApplied)
        return { applied: true, state: st?.sqlState ?? '' };
      if (this.#fleet.clock.now() >= deadline) return { applied: false, state: st.sqlState };
      await this.#fleet.clock.sleep(POLL_MS);
    }
  }

  /** The simulated fleet has no tables (issue 13's simulator work is not done). */
  shardRows(): ShardRows {
    throw new Error(
      `${this.address}: the simulated fleet holds no rows (shard moves are not simulated)`,
    );
  }

  resetReplica(): Promise<void> {
    return this.#on('RESET SLAVE ALL', (s) => {
      s.replication = undefined;
    });
  }

  // The simulated fleet has no sharding: no named connections, and every
  // server writes in domain 0. These answer without the simulated latency,
  // so procedures that only look for a global link keep the timings (and
  // so the seeds' outcomes) they had before it existed.
  channelStatus(): Promise<ReplicaStatus | undefined> {
    return Promise.resolve(undefined);
  }

  replicateChannelFrom(channel: string): Promise<void> {
    return Promise.reject(new Error(`named connection ${channel}: not simulated`));
  }

  removeChannel(): Promise<boolean> {
    return Promise.resolve(false);
  }

  setChannelRunning(): Promise<boolean> {
    return Promise.resolve(false);
  }

  gtidDomainId(): Promise<number | undefined> {
    return Promise.resolve(0);
  }

  ensureGtidDomainId(): Promise<boolean> {
    return Promise.resolve(false);
  }

  replicateFrom(source: SourceAddress): Promise<void> {
    return this.#on('CHANGE MASTER TO', (s) => {
      s.replication = {
        source: `${source.host}:${source.port}`,
        io: 'Connecting',
        sql: true,
        ioErrno: 0,
        ioError: '',
        sqlErrno: 0,
        sqlError: '',
        relay: [],
        received: new Map(),
        heartbeats: 0,
        readEvents: 0,
        cursor: undefined,
        lastReceiveAt: this.#fleet.clock.now(),
      };
    });
  }
}

/** One Fabric node's (or the application's) connections to the fleet, as ServerPool offers them. */
export function simConnector(fleet: SimFleet, caller: Caller): ServerConnector {
  return {
    server: (address, expectedUuid) => new SimHandle(fleet, caller, address, expectedUuid),
    forget: () => Promise.resolve(),
  };
}

function infoOf(s: SimServer): ServerInfo {
  return {
    address: s.address,
    engine: 'mariadb',
    version: '10.11.19-MariaDB-sim',
    serverId: s.serverId,
  };
}

/** A stable identity per server, so a seed replays to the same uuids. */
function simUuid(serverId: number): string {
  return `00000000-0000-4000-8000-${serverId.toString(16).padStart(12, '0')}`;
}
