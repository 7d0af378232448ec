import { joinAddress, splitAddress } from '../../../src/mysql/index.js';
import { compareMariadbPositions } from '../../../src/mysql/mariadb-gtid.js';
import type {
  ConfigProblem,
  ReplicaStatus,
  SemiSyncSettings,
  ServerHandle,
  ServerInfo,
  ServerProbe,
  SourceAddress,
} from '../../../src/mysql/index.js';
import { FabricError } from '../../../src/util/fabric-error.js';
import type { SimMariadbFleet } from './sim-mariadb-fleet.js';
import type { SimMariadbServer } from './sim-mariadb-server.js';

/**
 * A farm procedure's connection to one simulated server (ServerHandle).
 * Every call reaches the server first: down, or cut off from fabric-ha,
 * it fails with SERVER_UNREACHABLE; a different server at the address
 * fails with SERVER_IDENTITY_CHANGED, as the real pool's check does.
 * Answers settle at once: waits (waitForGtids, waitForRelayLog) report the
 * state now, since time moves only between the simulator's events.
 */
export class SimServerHandle implements ServerHandle {
  readonly address: string;
  readonly #fleet: SimMariadbFleet;
  readonly #expectedUuid: string | undefined;

  constructor(fleet: SimMariadbFleet, address: string, expectedUuid?: string) {
    this.#fleet = fleet;
    this.address = address;
    this.#expectedUuid = expectedUuid;
  }

  #on<T>(fn: (s: SimMariadbServer) => T): Promise<T> {
    try {
      const s = this.#fleet.reach(this.address);
      if (this.#expectedUuid !== undefined && s.uuid !== this.#expectedUuid)
        throw new FabricError(
          'SERVER_IDENTITY_CHANGED',
          `the server at ${this.address} is not ${this.#expectedUuid}`,
          { address: this.address },
        );
      return Promise.resolve(fn(s));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  #info(s: SimMariadbServer): ServerInfo {
    return {
      address: s.address,
      engine: 'mariadb',
      version: '10.11.6-MariaDB-sim',
      serverId: s.serverId,
    };
  }

  info(): Promise<ServerInfo> {
    return this.#on((s) => this.#info(s));
  }

  identity(create: boolean): Promise<string | undefined> {
    return this.#on((s) => {
      if (s.uuid === undefined && create) s.uuid = this.#fleet.newUuid();
      return s.uuid;
    });
  }

  checkRequirements(): Promise<ConfigProblem[]> {
    return this.#on(() => []);
  }

  probe(): Promise<ServerProbe> {
    return this.#on((s) => ({
      info: this.#info(s),
      uuid: s.uuid,
      readOnly: s.readOnly,
      gtidExecuted: s.currentPos(),
      replica: replicaStatus(s),
    }));
  }

  gtidExecuted(): Promise<string> {
    return this.#on((s) => s.currentPos());
  }

  gtidHistory(): Promise<string> {
    return this.#on((s) => s.binlogState());
  }

  replicaStatus(): Promise<ReplicaStatus | undefined> {
    return this.#on(replicaStatus);
  }

  isReadOnly(): Promise<boolean> {
    return this.#on((s) => s.readOnly);
  }

  setReadOnly(on: boolean): Promise<void> {
    return this.#on((s) => {
      s.readOnly = on;
    });
  }

  /** Commits are instantaneous here: none is ever half-way through. */
  drainCommits(): Promise<void> {
    return this.#on(() => undefined);
  }

  semiSync(): Promise<SemiSyncSettings> {
    return this.#on((s) => s.semiSync);
  }

  setSemiSyncSource(on: boolean): Promise<void> {
    return this.#on((s) => {
      s.semiSync = { ...s.semiSync, source: on };
    });
  }

  setSemiSyncTimeout(timeoutMs: number): Promise<void> {
    return this.#on((s) => {
      s.semiSync = { ...s.semiSync, timeoutMs };
    });
  }

  killClientConnections(): Promise<number> {
    return this.#on(() => 0);
  }

  waitForGtids(gtids: string): Promise<boolean> {
    return this.#on((s) => compareMariadbPositions(s.currentPos(), gtids).aIncludesB);
  }

  stopReplica(): Promise<void> {
    return this.#on((s) => {
      s.ioRunning = false;
      s.sqlRunning = false;
    });
  }

  stopReceiving(): Promise<void> {
    return this.#on((s) => {
      s.ioRunning = false;
    });
  }

  startReceiving(): Promise<void> {
    return this.#on((s) => {
      if (s.source !== undefined) s.ioRunning = true;
    });
  }

  waitForRelayLog(): Promise<{ applied: boolean; state: string }> {
    return this.#on((s) => {
      const applied = s.source === undefined || !s.sqlRunning || s.relay.length === 0;
      return {
        applied,
        state: applied ? 'Slave has read all relay log' : 'Reading event from the relay log',
      };
    });
  }

  resetReplica(): Promise<void> {
    return this.#on((s) => {
      s.source = undefined;
      s.relay = [];
      s.ioRunning = false;
      s.sqlRunning = false;
      s.ioFailure = undefined;
    });
  }

  /** CHANGE MASTER (relay logs are purged) + START SLAVE with GTID auto-positioning. */
  replicateFrom(source: SourceAddress): Promise<void> {
    return this.#on((s) => {
      s.source = joinAddress(source.host, source.port);
      s.relay = [];
      s.ioRunning = true;
      s.sqlRunning = true;
      s.ioFailure = undefined;
    });
  }
}

function replicaStatus(s: SimMariadbServer): ReplicaStatus | undefined {
  if (s.source === undefined) return undefined;
  const src = splitAddress(s.source);
  const io = s.ioRunning ? (s.ioFailure === undefined ? 'Yes' : 'Connecting') : 'No';
  return {
    sourceHost: src.host,
    sourcePort: src.port,
    ioRunning: io,
    sqlRunning: s.sqlRunning,
    ioErrno: s.ioFailure?.errno ?? 0,
    ioError: s.ioFailure?.error ?? '',
    sqlErrno: 0,
    sqlError: '',
    secondsBehind: s.sqlRunning ? 0 : null,
    receivedGtids: s.receivedPos(),
    receivedHeartbeats: null,
    heartbeatPeriodMs: null,
    readPosition: `sim-bin.000001:${s.binlog.length + s.relay.length}`,
    relayLogApplied: !s.sqlRunning || s.relay.length === 0,
    sqlState: s.sqlRunning
      ? s.relay.length === 0
        ? 'Slave has read all relay log; waiting for more updates'
        : 'Reading event from the relay log'
      : '',
  };
}
