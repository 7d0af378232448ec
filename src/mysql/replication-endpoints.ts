import { joinAddress, splitAddress } from './address.js';
import type { ReplicaStatus } from './types.js';

/**
 * Farm addresses ↔ the addresses replicas connect to
 * ([servers.replication_endpoints]). Fabric may reach a server over a
 * management network while replicas reach it over another (or through
 * different proxies): CHANGE MASTER gets the replication address, and
 * every status read back names the source by its farm address again, so
 * nothing above src/mysql ever sees the second spelling.
 */
export class ReplicationEndpoints {
  readonly #toReplication: ReadonlyMap<string, string>;
  readonly #toFarm: ReadonlyMap<string, string>;

  constructor(map: ReadonlyMap<string, string> = new Map()) {
    this.#toReplication = map;
    this.#toFarm = new Map([...map].map(([farm, repl]) => [repl, farm]));
  }

  /** Where replicas connect to reach the server known to the farm as `farmAddress`. */
  forReplicas(farmAddress: string): string {
    return this.#toReplication.get(farmAddress) ?? farmAddress;
  }

  /** The status with its source spelled as the farm knows it. */
  asFarm(status: ReplicaStatus | undefined): ReplicaStatus | undefined {
    if (status === undefined || this.#toFarm.size === 0) return status;
    const farm = this.#toFarm.get(joinAddress(status.sourceHost, status.sourcePort));
    if (farm === undefined) return status;
    const { host, port } = splitAddress(farm);
    return { ...status, sourceHost: host, sourcePort: port };
  }
}
