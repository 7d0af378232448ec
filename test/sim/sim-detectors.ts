import type { FailureDetectorConfig } from '../../src/detector/runtime/config.js';
import { FailureDetector } from '../../src/detector/runtime/failure-detector.js';
import type { DetectorPeers } from '../../src/detector/runtime/peers.js';
import type { FabricModel } from '../../src/fabric/index.js';
import type { RaftDriver } from '../../src/node/raft-driver.js';
import type { NodeId } from '../../src/raft/index.js';
import { silentLogger } from '../../src/util/logger.js';
import { simAfter } from './fleet/sim-clock.js';
import type { SimClock } from './fleet/sim-clock.js';
import type { SimFleet } from './fleet/sim-fleet.js';
import { simConnector } from './fleet/sim-handle.js';

/** One simulated Fabric node as its failure detector sees it (this incarnation). */
export interface DetectorSite {
  readonly id: NodeId;
  /** The node's driver while this incarnation runs; undefined once it crashed. */
  driver(): RaftDriver | undefined;
  readonly model: FabricModel;
  /** The API's submit path on this node (it must lead). */
  submit(name: string, args: unknown, requestId: string): Promise<string>;
}

export interface SimDetectorsOptions {
  readonly fleet: SimFleet;
  readonly clock: SimClock;
  readonly config: FailureDetectorConfig;
  /** Whether a message from one node reaches another now (alive, same side of a partition). */
  readonly reachable: (from: NodeId, to: NodeId) => boolean;
}

/**
 * The production failure detector on every simulated node: its probes go to
 * the simulated fleet through the node's own links, its reports and
 * immediate-probe requests to the other nodes' detectors (when the network
 * lets them through), its probe timeouts and clock are the seed's, and its
 * verdicts become procedures through the node's driver. A node starts a
 * round each detection interval once its last one ended, as the real loop.
 */
export class SimDetectors {
  readonly #o: SimDetectorsOptions;
  readonly #sites = new Map<NodeId, { site: DetectorSite; detector: FailureDetector }>();
  readonly #busy = new Set<NodeId>();
  #lastRoundAt = Number.NEGATIVE_INFINITY;

  constructor(o: SimDetectorsOptions) {
    this.#o = o;
  }

  /** (Re)creates a node's detector: a restarted node starts with an empty one. */
  attach(site: DetectorSite): void {
    void this.#sites.get(site.id)?.detector.stop();
    this.#busy.delete(site.id);
    this.#sites.set(site.id, { site, detector: this.#detector(site) });
  }

  /** Starts due rounds. Call every simulated step. */
  tick(): void {
    const now = this.#o.clock.now();
    if (now - this.#lastRoundAt < this.#o.config.detectionIntervalMs) return;
    this.#lastRoundAt = now;
    for (const [id, { site, detector }] of this.#sites) {
      if (this.#busy.has(id) || site.driver() === undefined) continue;
      this.#busy.add(id);
      void detector
        .round()
        .catch(() => undefined)
        .finally(() => this.#busy.delete(id));
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.#sites.values()].map((s) => s.detector.stop()));
  }

  #detector(site: DetectorSite): FailureDetector {
    const { clock } = this.#o;
    return new FailureDetector({
      config: this.#o.config,
      node: {
        id: site.id,
        leaderTerm: () => site.driver()?.leaderTerm(),
        voters: () => site.driver()?.status().conf.voters ?? [],
        leaderAddress: () => {
          const leader = site.driver()?.basicStatus().leader;
          return leader === undefined || leader === '' || leader === site.id ? undefined : leader;
        },
        addressOf: (id) => id,
      },
      fabric: {
        model: site.model,
        servers: simConnector(this.#o.fleet, site.id),
        submit: (name, args, requestId) => site.submit(name, args, requestId),
      },
      peers: this.#peers(site.id),
      logger: silentLogger(),
      clock: { now: () => clock.now(), after: (ms, fn) => simAfter(clock, ms, fn) },
      raceTimeout: (op, ms, onTimeout) => Promise.race([op, clock.sleep(ms).then(onTimeout)]),
    });
  }

  /** Another node's detector, reached over the simulated network (node ids are the addresses). */
  #peers(from: NodeId): DetectorPeers {
    const at = (to: string): FailureDetector | undefined => {
      const s = this.#sites.get(to);
      if (s?.site.driver() === undefined || !this.#o.reachable(from, to)) {
        return undefined;
      }
      return s.detector;
    };
    const unreachable = (to: string): Error =>
      new Error(`${to}: unreachable from ${from} (simulated)`);
    return {
      report: async (address, nodeId, observations) => {
        await this.#o.clock.sleep(1);
        const d = at(address);
        if (d === undefined) throw unreachable(address);
        return d.receiveReport(nodeId, observations);
      },
      probe: async (address, uuids) => {
        await this.#o.clock.sleep(1);
        const d = at(address);
        if (d === undefined) throw unreachable(address);
        return { nodeId: address, observations: await d.probeNow(uuids) };
      },
    };
  }
}
