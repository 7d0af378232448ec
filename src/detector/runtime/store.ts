import type { Observation } from '../verdict/index.js';

/**
 * The latest observation per (node, server) this node knows: its own
 * probes, and on the leader every voter's reports. Bounded: only watched
 * servers and voting nodes are kept (retain), and an observation older
 * than `maxAgeMs` says nothing the judge would use.
 */
export class ObservationStore {
  readonly #byNode = new Map<string, Map<string, Observation>>();
  readonly #maxAgeMs: number;

  constructor(maxAgeMs: number) {
    this.#maxAgeMs = maxAgeMs;
  }

  /** Keeps `o` unless a newer observation of the same server by the same node is already here. */
  record(node: string, server: string, o: Observation): void {
    let m = this.#byNode.get(node);
    if (m === undefined) {
      m = new Map();
      this.#byNode.set(node, m);
    }
    const had = m.get(server);
    if (had === undefined || had.at <= o.at) m.set(server, o);
  }

  of(node: string): ReadonlyMap<string, Observation> {
    return this.#byNode.get(node) ?? new Map<string, Observation>();
  }

  /** node id → server uuid → observation (the judge's view). */
  all(): ReadonlyMap<string, ReadonlyMap<string, Observation>> {
    return this.#byNode;
  }

  /** Drops every node but `nodes`, every server but `servers`, and what is too old to matter. */
  retain(nodes: ReadonlySet<string>, servers: ReadonlySet<string>, now: number): void {
    for (const [node, m] of this.#byNode) {
      if (!nodes.has(node)) {
        this.#byNode.delete(node);
        continue;
      }
      for (const [server, o] of m)
        if (!servers.has(server) || now - o.at > this.#maxAgeMs) m.delete(server);
    }
  }
}
