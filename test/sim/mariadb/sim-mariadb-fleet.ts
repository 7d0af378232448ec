import type { ServerConnector } from '../../../src/executor/farm/farm-deps.js';
import type { ServerHandle } from '../../../src/mysql/index.js';
import { FabricError } from '../../../src/util/fabric-error.js';
import { SimMariadbServer } from './sim-mariadb-server.js';
import { SimServerHandle } from './sim-server-handle.js';

/** Transactions an IO or SQL thread moves per fleet step. */
const BATCH = 4;

/**
 * A simulated MariaDB farm behind the interface the farm procedures use
 * (ServerConnector, src/executor/farm/farm-deps.ts): servers with binlogs
 * and GTIDs per domain, replication threads that fetch and apply, read_only,
 * crashes, and links fabric-ha's probes or a replica's IO thread cannot
 * cross. Deterministic: nothing moves except in step(), which the
 * simulator calls between events.
 */
export class SimMariadbFleet implements ServerConnector {
  readonly #servers = new Map<string, SimMariadbServer>();
  /** Addresses fabric-ha cannot reach (its probes and steps fail; the server may be fine). */
  readonly #cutFromFabric = new Set<string>();
  /** "replica->source" links a replica's IO thread cannot cross. */
  readonly #cutLinks = new Set<string>();
  #nextUuid = 1;

  add(address: string, serverId: number): SimMariadbServer {
    const s = new SimMariadbServer(address, serverId);
    this.#servers.set(address, s);
    return s;
  }

  get(address: string): SimMariadbServer {
    const s = this.#servers.get(address);
    if (s === undefined)
      throw new FabricError('SERVER_UNREACHABLE', `no server listens at ${address}`, { address });
    return s;
  }

  servers(): readonly SimMariadbServer[] {
    return [...this.#servers.values()];
  }

  server(address: string, expectedUuid?: string): ServerHandle {
    return new SimServerHandle(this, address, expectedUuid);
  }

  forget(): Promise<void> {
    return Promise.resolve();
  }

  newUuid(): string {
    return `00000000-0000-4000-8000-${String(this.#nextUuid++).padStart(12, '0')}`;
  }

  /** The server fabric-ha would reach at `address`, or SERVER_UNREACHABLE. */
  reach(address: string): SimMariadbServer {
    const s = this.get(address);
    if (!s.up || this.#cutFromFabric.has(address))
      throw new FabricError('SERVER_UNREACHABLE', `cannot connect to ${address}`, { address });
    return s;
  }

  cutFromFabric(address: string, cut: boolean): void {
    if (cut) this.#cutFromFabric.add(address);
    else this.#cutFromFabric.delete(address);
  }

  cutLink(replica: string, source: string, cut: boolean): void {
    const key = `${replica}->${source}`;
    if (cut) this.#cutLinks.add(key);
    else this.#cutLinks.delete(key);
  }

  /** Servers that would accept a client write now. */
  writable(addresses?: readonly string[]): SimMariadbServer[] {
    const pick = addresses === undefined ? this.servers() : addresses.map((a) => this.get(a));
    return pick.filter((s) => s.up && !s.readOnly);
  }

  /** One round of replication: every IO thread fetches, every SQL thread applies. */
  step(): void {
    for (const s of this.#servers.values()) this.#fetch(s);
    for (const s of this.#servers.values()) s.applyRelay(BATCH);
  }

  /**
   * The IO thread, with GTID auto-positioning: the source sends what follows
   * the replica's position in each domain. A replica holding a GTID the
   * source lacks (it was primary on a branch that lost, or the source is
   * behind it) is refused with error 1236, as MariaDB's gtid_strict_mode does.
   */
  #fetch(r: SimMariadbServer): void {
    if (!r.up || !r.ioRunning || r.source === undefined) return;
    const src = this.#servers.get(r.source);
    if (src?.up !== true || this.#cutLinks.has(`${r.address}->${r.source}`)) {
      r.ioFailure = { errno: 2003, error: `Can't connect to server on '${r.source}'` };
      return;
    }
    const diverged = r.binlog.find((g) => !src.has(g));
    if (diverged !== undefined) {
      r.ioFailure = {
        errno: 1236,
        error: `Error: connecting slave requested to start from GTID ${diverged.domain}-${diverged.serverId}-${diverged.seq}, which is not in the master's binlog`,
      };
      r.ioRunning = false;
      return;
    }
    r.ioFailure = undefined;
    let n = 0;
    for (const g of src.binlog) {
      if (n >= BATCH) break;
      if (r.holds(g)) continue;
      r.relay.push(g);
      n++;
    }
  }
}
