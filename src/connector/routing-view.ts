import type { Server__Output } from '../gen/fabric/v1/Server.js';
import type { Topology__Output } from '../gen/fabric/v1/Topology.js';
import { ShardIndex } from './shard-index.js';

/**
 * One topology, indexed for routing: each group's servers, and the Fabric
 * nodes to dial. Immutable; the pool swaps in a new view for each newer
 * epoch, so a routing decision reads one consistent epoch.
 */
export class RoutingView {
  /** The topology epoch (moves by one per committed routing change). */
  readonly epoch: number;
  /** host:port of every Fabric node of the committed configuration, voters first. */
  readonly fabricNodes: readonly string[];
  /** The raw topology, as the Fabric node sent it. */
  readonly topology: Topology__Output;
  readonly #groups: ReadonlyMap<string, readonly Server__Output[]>;
  readonly #addresses: ReadonlySet<string>;
  #shards: ShardIndex | undefined;

  constructor(topology: Topology__Output) {
    this.topology = topology;
    this.epoch = topology.epoch;
    this.fabricNodes = topology.fabric_nodes.map((n) => n.address).filter((a) => a !== '');
    const groups = new Map<string, Server__Output[]>();
    for (const g of topology.groups) groups.set(g.id, []);
    for (const s of topology.servers) {
      const list = groups.get(s.group_id);
      if (list === undefined) groups.set(s.group_id, [s]);
      else list.push(s);
    }
    this.#groups = groups;
    this.#addresses = new Set(topology.servers.map((s) => s.address));
  }

  /** The group's servers, whatever their status; undefined for an unknown group. */
  serversOf(group: string): readonly Server__Output[] | undefined {
    return this.#groups.get(group);
  }

  /** The epoch's shard maps, tables and ENABLED shards (indexed on first use: most epochs of an HA-only farm never need it). */
  get shards(): ShardIndex {
    this.#shards ??= new ShardIndex(this.topology);
    return this.#shards;
  }

  /** Whether some group still lists a server at this address (any status). */
  has(address: string): boolean {
    return this.#addresses.has(address);
  }
}
