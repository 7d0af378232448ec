import { LOSSLESS_SEMI_SYNC_TIMEOUT_MS } from '../../src/executor/farm/index.js';
import { managedProcedures } from '../../src/executor/managed-procedures.js';
import type { FarmDeps, Fencer, UnsafeVariants } from '../../src/executor/farm/index.js';
import { ProcedureRegistry } from '../../src/executor/procedure-definition.js';
import { buildSubmission } from '../../src/executor/submission.js';
import type { Submission } from '../../src/executor/submission.js';
import type { FabricModel, JsonValue } from '../../src/fabric/index.js';
import type { RaftDriver } from '../../src/node/raft-driver.js';
import { SeededRng } from '../../src/raft/index.js';
import { SafetyViolation } from './checker.js';
import { ClusterWorld, clusterOptions } from './cluster-world.js';
import { EndedOnce } from './ended-once.js';
import { commitFabric } from './sim-fabric-runtime.js';
import type { FabricRuntime } from './sim-fabric-runtime.js';
import type { FailureDetectorConfig } from '../../src/detector/runtime/config.js';
import { SimFleet } from './fleet/sim-fleet.js';
import { SimDetectors } from './sim-detectors.js';
import type { SimNode } from './sim-node.js';
import { simConnector } from './fleet/sim-handle.js';
import type { SimServer } from './fleet/sim-server.js';
import { fnv } from './hash.js';
import { ModelAtIndex } from './model-at-index.js';
import { MS_PER_TICK } from './sim-scheduler.js';

const GROUP = 'g1';
const DATABASES = ['db1:3306', 'db2:3306', 'db3:3306', 'db4:3306'];
/** Every this many applied indexes the whole model is compared across nodes. */
const MODEL_CHECK_EVERY = 10;
/** Operator requests per seed: the history (and each model snapshot) stays small. */
const MAX_OPS = 16;

/** One operator request of the workload, submitted (and resubmitted) with one request id. */
interface Request {
  readonly requestId: string;
  readonly name: string;
  readonly args: JsonValue;
  /** The fault the request answers, undone once it ended. */
  readonly heal?: () => void;
}

export interface FarmSimOptions {
  /**
   * [ha] fence: 'command' powers the old primary off (STONITH); 'none'
   * cannot reach it; 'semi-sync' makes every server a semi-sync replica, so
   * promoted primaries wait for an acknowledgement without falling back, and
   * then no acknowledged write may be lost by a failover.
   */
  readonly fence: 'command' | 'none' | 'semi-sync';
  /** A deliberately broken variant of the farm procedures the checker must catch. */
  readonly unsafe?: UnsafeVariants;
  /** The deliberately broken judge: the leader's own probes alone declare a server dead. */
  readonly unsafeLeaderOnly?: boolean;
}

/** What happens to the primary: the detector must fail over the first two, never the last two. */
const PRIMARY_FAULTS = ['crash', 'hang', 'cut-leader', 'cut-fabric'] as const;
type PrimaryFaultKind = (typeof PRIMARY_FAULTS)[number];

interface PrimaryFault {
  readonly kind: PrimaryFaultKind;
  readonly address: string;
  readonly until: number;
  readonly heal: () => void;
}

/** The detector's settings in simulated time (a tick is MS_PER_TICK ms). */
const DETECTOR: FailureDetectorConfig = {
  detectionIntervalMs: 10 * MS_PER_TICK,
  detections: 3,
  probeTimeoutMs: 5 * MS_PER_TICK,
  observationWindowMs: 40 * MS_PER_TICK,
  failoverCooldownS: 0,
  lagThresholdS: 5,
  failoverWithoutReplicaEvidence: false,
  reportErrorWindowS: 60,
  reportErrorThreshold: 3,
  reportErrorClients: 2,
};

/**
 * How long after a primary's trouble ended a failover of it is still the
 * detector's answer to that trouble (its observations age out by then).
 */
const VERDICT_SLACK_MS = 2 * DETECTOR.observationWindowMs + 4 * DETECTOR.detectionIntervalMs;

export interface FarmSimResult {
  readonly ok: boolean;
  readonly failure?: string;
  readonly stats: {
    ended: number;
    failed: number;
    switchovers: number;
    failovers: number;
    primaryFaults: number;
    /** Seeds whose dead primary had no SECONDARY or SPARE left to promote. */
    noCandidate: number;
    crashes: number;
    clientWrites: number;
  };
}

/**
 * The whole-system simulator: Fabric nodes running the production Raft
 * driver, the Fabric model, the Executor with the real farm procedures
 * (src/executor/farm) and the real failure detector, against a simulated
 * MariaDB fleet. An operator creates a group, adds servers, promotes one,
 * activates it, then switches over now and then; meanwhile the primary
 * crashes, hangs, or is cut from the Fabric leader or from every Fabric node
 * (its replicas still reach it), Fabric leaders crash or are partitioned,
 * and applications write to whichever server is writable. Checked after
 * every event: Raft safety, the model identical on every node at the same
 * applied index, every procedure ends exactly once, at most one writable
 * server in the group, and no failover of a primary that was healthy (no
 * crash or hang within the verdict's reach); after healing, a writable
 * primary that every secondary replicates from (liveness).
 */
export class FarmSim {
  readonly #fence: FarmSimOptions['fence'];
  readonly #unsafe: UnsafeVariants;
  readonly #rng: SeededRng;
  readonly #cluster: ClusterWorld;
  /** The fleet runs on the simulator's clock: its statements and waits are events of the seed. */
  readonly #fleet = new SimFleet({
    clock: {
      now: () => this.#cluster.nowMs(),
      sleep: (ms) => this.#cluster.sleep(ms),
    },
    latencyMs: MS_PER_TICK,
    heartbeatPeriodMs: 5 * MS_PER_TICK,
  });
  readonly #detectors: SimDetectors;
  #fault: PrimaryFault | undefined;
  /** Server address → when its last crash or hang ended (Infinity while it lasts). */
  readonly #troubleEnd = new Map<string, number>();
  readonly #failoversSeen = new Set<string>();
  readonly #endedOnce = new EndedOnce();
  readonly #modelAt = new ModelAtIndex(MODEL_CHECK_EVERY);
  #current: Request | undefined;
  #lastSubmit = -1_000;
  /** The operator pauses between requests, so faults land before, during and after them. */
  #nextOpAt = 0;
  #ops = 0;
  readonly #stats = {
    ended: 0,
    failed: 0,
    switchovers: 0,
    failovers: 0,
    primaryFaults: 0,
    noCandidate: 0,
    clientWrites: 0,
  };

  constructor(seed: number, steps: number, opts: FarmSimOptions = { fence: 'command' }) {
    this.#fence = opts.fence;
    this.#unsafe = opts.unsafe ?? {};
    const o = clusterOptions(seed, steps, 3);
    this.#rng = new SeededRng(seed ^ 0xfa2b);
    for (const a of DATABASES) this.#fleet.add(a).semiSyncReplica = opts.fence === 'semi-sync';
    this.#detectors = new SimDetectors({
      fleet: this.#fleet,
      clock: { now: () => this.#cluster.nowMs(), sleep: (ms) => this.#cluster.sleep(ms) },
      config: {
        ...DETECTOR,
        ...(opts.unsafeLeaderOnly === true ? { unsafeLeaderOnly: true } : {}),
      },
      reachable: (from, to) => this.#cluster.reaches(from, to),
    });
    this.#cluster = new ClusterWorld(o, this.#rng, {
      registry: (model, n) => this.#registry(model, n),
      maxAttempts: 30,
      onApply: (node, index, model, answer) => {
        this.#modelAt.check(node, index, model, answer);
      },
    });
  }

  run(steps: number): Promise<FarmSimResult> {
    return this.#cluster.run(steps, {
      beforeTick: () => {
        if (!this.#cluster.healing) this.#cluster.faults();
        this.#primaryFaults();
        this.#operator();
        this.#clients();
        this.#fleet.step();
        this.#detectors.tick();
      },
      checkNode: (_n, rt) => {
        this.#endedOnce.check(rt.model);
      },
      checkAll: () => {
        this.#checkFencing();
        this.#checkFailovers();
      },
      unconverged: () => {
        const why = this.#unconverged();
        return why === undefined ? undefined : `after healing, ${why}`;
      },
      result: (failure) => {
        void this.#detectors.stop();
        const done = [...this.#failoversSeen].length;
        const stats = { ...this.#stats, failovers: done, crashes: this.#cluster.crashes };
        return failure === undefined ? { ok: true, stats } : { ok: false, failure, stats };
      },
    });
  }

  /** The real farm procedures, reaching the fleet as this node, and this incarnation's detector. */
  #registry(model: FabricModel, n: SimNode): ProcedureRegistry {
    const deps: FarmDeps = {
      model,
      servers: simConnector(this.#fleet, n.id),
      switchoverTimeoutMs: 2_000,
      failoverCooldownMs: 0,
      finalProbeTimeoutMs: 5,
      fencer: this.#fencer(),
      unsafe: this.#unsafe,
    };
    const registry = new ProcedureRegistry();
    for (const def of managedProcedures(deps)) registry.register(def);
    const inc = n.incarnation;
    const driver = (): RaftDriver | undefined => (n.incarnation === inc ? n.driver : undefined);
    this.#detectors.attach({
      id: n.id,
      driver,
      model,
      submit: (name, args, requestId) =>
        this.#detectorSubmit(driver(), registry, model, {
          name,
          args,
          requestId,
        }),
    });
    return registry;
  }

  /** The detector's submissions take the API's path on the node that judged. */
  async #detectorSubmit(
    driver: RaftDriver | undefined,
    registry: ProcedureRegistry,
    model: FabricModel,
    r: { name: string; args: unknown; requestId: string },
  ): Promise<string> {
    if (driver === undefined) throw new Error('node down');
    const s = buildSubmission(registry, model, {
      ...r,
      procedureId: `d-${r.requestId}-${this.#cluster.now}`,
      at: this.#cluster.nowMs(),
      term: driver.basicStatus().term,
    });
    if (s.kind === 'known') return s.procedureId;
    const out = await commitFabric(driver, s.command);
    if (!out.ok) throw new Error(`${r.name} refused: ${out.message}`);
    return s.command.type === 'submit' ? s.command.procedureId : '';
  }

  /**
   * Now and then something happens to the primary for a while: a crash, a
   * hang, a cut between it and the Fabric leader, or between it and every
   * Fabric node (its replicas still reach it). The heal phase ends them all.
   */
  #primaryFaults(): void {
    const f = this.#fault;
    if (f !== undefined) {
      if (!this.#cluster.healing && this.#cluster.now < f.until) return;
      // A crashed primary stays down until it has been failed over: one that
      // restarts first comes back read-only (read_only=ON in its option file)
      // and nothing makes it writable again (a known gap, README).
      if (f.kind === 'crash' && this.#modelPrimary() !== 'elsewhere') return;
      f.heal();
      this.#fault = undefined;
      return;
    }
    // Between operator requests: a switchover caught by its primary's crash
    // retries its steps for minutes while it holds the group's lock, and the
    // failover waits behind it (a known gap, README).
    if (this.#cluster.healing || this.#current !== undefined || this.#rng.float() >= 0.01) return;
    const model = this.#cluster.runtime(this.#cluster.leader()?.id ?? '')?.model;
    const g = model?.group(GROUP);
    const primary = g?.primary === null || g === undefined ? undefined : model?.server(g.primary);
    const leader = this.#cluster.leader()?.id;
    if (primary === undefined || leader === undefined || g?.status !== 'ACTIVE') return;
    const kind = PRIMARY_FAULTS[this.#rng.int(PRIMARY_FAULTS.length)] ?? 'crash';
    const address = primary.address;
    const db = this.#fleet.server(address);
    if (db === undefined) return;
    this.#stats.primaryFaults++;
    const until = this.#cluster.now + 50 + this.#rng.int(250);
    const trouble = (): void => {
      this.#troubleEnd.set(address, Number.POSITIVE_INFINITY);
    };
    const troubleOver = (): void => {
      this.#troubleEnd.set(address, this.#cluster.nowMs());
    };
    if (kind === 'crash') {
      trouble();
      db.crash();
      this.#fault = {
        kind,
        address,
        until,
        heal: () => {
          if (db.power === 'crashed') db.restart();
          troubleOver();
        },
      };
    } else if (kind === 'hang') {
      trouble();
      db.power = 'hung';
      this.#fault = {
        kind,
        address,
        until,
        heal: () => {
          if (db.power === 'hung') db.power = 'up';
          troubleOver();
        },
      };
    } else if (kind === 'cut-leader') {
      this.#fleet.cut(leader, address);
      this.#fault = {
        kind,
        address,
        until,
        heal: () => {
          this.#fleet.heal(leader, address);
        },
      };
    } else {
      this.#cutFromFabric(address, true);
      this.#fault = {
        kind,
        address,
        until,
        heal: () => {
          this.#cutFromFabric(address, false);
        },
      };
    }
  }

  /**
   * Whether the crashed primary has been failed over: 'elsewhere' once the
   * leader's model has another primary; 'unknown' while there is no leader.
   */
  #modelPrimary(): 'elsewhere' | 'unknown' | 'still' {
    const model = this.#cluster.runtime(this.#cluster.leader()?.id ?? '')?.model;
    if (model === undefined) return 'unknown';
    const uuid = model.group(GROUP)?.primary;
    const address = uuid === undefined || uuid === null ? undefined : model.server(uuid)?.address;
    return address !== undefined && address !== this.#fault?.address ? 'elsewhere' : 'still';
  }

  /**
   * Detector safety: a failover is the answer to a primary that crashed or
   * hung, recently enough for the verdict to rest on it; a primary that was
   * only cut from the Fabric leader, or from Fabric while its replicas still
   * reached it, is never failed over.
   */
  #checkFailovers(): void {
    for (const rt of this.#cluster.runtimes()) {
      for (const p of rt.model.procedures({ name: 'group.failover' })) {
        if (this.#failoversSeen.has(p.id)) continue;
        this.#failoversSeen.add(p.id);
        const uuid = (p.args as { server?: unknown } | null)?.server;
        const address = typeof uuid === 'string' ? rt.model.server(uuid)?.address : undefined;
        const end = address === undefined ? undefined : this.#troubleEnd.get(address);
        if (end === undefined || p.submittedAt > end + VERDICT_SLACK_MS)
          throw new SafetyViolation(
            `Detector: ${p.id} fails over ${address ?? String(uuid)}, which had no crash or hang ` +
              (end === undefined ? 'ever' : `since ${end} ms (failover at ${p.submittedAt} ms)`),
          );
      }
    }
  }

  /** STONITH for fence = 'command': the operator's program powers the server off. */
  #fencer(): Fencer {
    if (this.#fence === 'none' || this.#fence === 'semi-sync')
      return { mode: this.#fence, fence: () => Promise.resolve('') };
    return {
      mode: 'command',
      fence: (target) => {
        this.#fleet.server(target.address)?.crash();
        return Promise.resolve(`powered off ${target.address}`);
      },
    };
  }

  /** The operator's next request, given the farm as the leader's model shows it. */
  #nextRequest(model: FabricModel): Request | undefined {
    const no = this.#ops++;
    const req = (name: string, args: JsonValue, heal?: () => void): Request => ({
      requestId: `op-${no}`,
      name,
      args,
      ...(heal === undefined ? {} : { heal }),
    });
    if (no === 0) return req('group.create', { group: GROUP });
    if (no <= DATABASES.length)
      return req('group.add', { group: GROUP, address: DATABASES[no - 1] ?? '' });
    if (no === DATABASES.length + 1) return req('group.promote', { group: GROUP });
    if (no === DATABASES.length + 2) return req('group.activate', { group: GROUP });
    // Switchovers wait while the primary is in trouble: the detector acts then.
    if (
      this.#fault !== undefined ||
      model.servers({ groupId: GROUP, status: 'SECONDARY' }).length < 1
    )
      return undefined;
    this.#stats.switchovers++;
    return req('group.promote', { group: GROUP });
  }

  /** Submits (or resubmits, same request id) the current request at the leader. */
  #operator(): void {
    const leader = this.#cluster.leader();
    const driver = leader?.driver;
    const rt = leader === undefined ? undefined : this.#cluster.runtime(leader.id);
    if (driver === undefined || rt === undefined) return;
    const cur = this.#current;
    if (cur !== undefined) {
      const id = rt.model.procedureIdForRequest(cur.requestId);
      const p = id === undefined ? undefined : rt.model.procedure(id);
      if (p === undefined) {
        if (this.#cluster.now - this.#lastSubmit >= 30) this.#submit(driver, rt, cur);
        return;
      }
      if (p.state !== 'DONE' && p.state !== 'FAILED') return;
      this.#stats.ended++;
      if (p.state === 'FAILED') this.#stats.failed++;
      cur.heal?.();
      this.#current = undefined;
      this.#nextOpAt = this.#cluster.now + 10 + this.#rng.int(40);
    }
    if (this.#cluster.healing || this.#ops >= MAX_OPS || this.#cluster.now < this.#nextOpAt) return;
    this.#current = this.#nextRequest(rt.model);
    if (this.#current === undefined) this.#ops--;
    if (this.#current !== undefined) this.#submit(driver, rt, this.#current);
  }

  /** The API's submit path (src/executor/submission.ts), proposed through this node's driver. */
  #submit(driver: RaftDriver, rt: FabricRuntime, r: Request): void {
    this.#lastSubmit = this.#cluster.now;
    let s: Submission;
    try {
      s = buildSubmission(rt.registry, rt.model, {
        name: r.name,
        args: r.args,
        requestId: r.requestId,
        procedureId: `p-${r.requestId}-${this.#cluster.now}`,
        at: this.#cluster.now * MS_PER_TICK,
        term: driver.basicStatus().term,
      });
    } catch {
      // Refused at admission, as the API would answer: the operator moves on.
      this.#current = undefined;
      r.heal?.();
      return;
    }
    if (s.kind === 'submit') commitFabric(driver, s.command).catch(() => undefined);
  }

  /**
   * Why the system has not settled yet (undefined once it has): the last
   * request ended, every node applied the same log into the same model, the
   * model's primary is the one writable server, and every SECONDARY
   * replicates from it and has all it has (or is marked STOPPED).
   */
  #unconverged(): string | undefined {
    if (this.#current !== undefined)
      return `request ${this.#current.requestId} (${this.#current.name}) has not ended`;
    const nodes = [...this.#cluster.nodes.values()];
    const applied = new Set(nodes.map((n) => n.driver?.applied ?? -1));
    if (applied.size !== 1 || applied.has(-1)) return `nodes applied ${[...applied].join(', ')}`;
    const models = nodes.map((n) => this.#cluster.runtime(n.id)?.model);
    const snaps = new Set(models.map((m) => fnv(2166136261, m?.snapshot() ?? new Uint8Array(0))));
    if (snaps.size !== 1) return 'the nodes hold different models';
    const model = models[0];
    const g = model?.group(GROUP);
    if (model === undefined || g === undefined || g.primary === null) return 'no primary';
    const primary = model.server(g.primary);
    if (primary === undefined) return 'the primary is not a server';
    // With every other server FAULTY there is nothing to promote: the group
    // stays without a writable primary until an operator returns one
    // (MySQL Fabric alike); the liveness promise needs a candidate.
    const candidates = model
      .servers({ groupId: GROUP })
      .filter((s) => s.status === 'SECONDARY' || s.status === 'SPARE');
    if (this.#fleet.server(primary.address)?.power === 'crashed' && candidates.length === 0) {
      this.#stats.noCandidate++;
      return undefined;
    }
    const writable = this.#writable().map((s) => s.address);
    if (writable.join() !== primary.address)
      return `writable: [${writable.join(', ')}], model primary ${primary.address}`;
    const lost = this.#lostWrites(primary.address);
    if (lost !== undefined) throw new SafetyViolation(lost);
    const pos = this.#fleet.server(primary.address)?.log.currentPos();
    for (const s of model.servers({ groupId: GROUP, status: 'SECONDARY' })) {
      const db = this.#fleet.server(s.address);
      const rep = db?.replication;
      // One that was down while a promotion re-pointed the group replicates
      // from nobody: the detector must have marked it STOPPED (connectors
      // stop reading from it; health shows it). It is not re-pointed by itself.
      if (rep === undefined && s.replication === 'STOPPED') continue;
      if (rep?.source !== primary.address || rep.io !== 'Yes' || db?.log.currentPos() !== pos)
        return `${s.address} replicates from ${rep?.source ?? 'nobody'} at ${db?.log.currentPos() ?? '?'}, primary at ${pos ?? '?'}`;
    }
    return undefined;
  }

  /** Applications write to every server that takes writes (not while the system settles). */
  #clients(): void {
    if (this.#cluster.healing) return;
    for (const s of this.#writable()) {
      void this.#fleet.write(s.address, `w${this.#cluster.now}`).then((o) => {
        if (o === 'acked') this.#stats.clientWrites++;
      });
    }
  }

  /**
   * Lossless semi-sync: every write a primary acknowledged after a replica
   * had it must be on the primary the group ends with, whatever failed over.
   */
  #lostWrites(primary: string): string | undefined {
    if (this.#fence !== 'semi-sync') return undefined;
    const db = this.#fleet.server(primary);
    const lost = this.#fleet.acknowledged.filter(
      (w) => w.replicated && db?.log.has(w.gtid) !== true,
    );
    if (lost.length === 0) return undefined;
    const first = lost[0];
    return `Durability: ${lost.length} writes acknowledged under semi-sync are not on the primary ${primary} (first: ${first?.key ?? ''} on ${first?.address ?? ''})`;
  }

  /** Up servers whose read_only is off: what takes the applications' writes. */
  #writable(): SimServer[] {
    return this.#fleet.servers().filter((s) => s.power === 'up' && !s.readOnly);
  }

  /** The link from every Fabric node to a server breaks (or heals); applications still reach it. */
  #cutFromFabric(address: string, cut: boolean): void {
    for (const id of this.#cluster.nodes.keys()) {
      if (cut) this.#fleet.cut(id, address);
      else this.#fleet.heal(id, address);
    }
  }

  /**
   * Whether a writable server would acknowledge a commit now: a lossless
   * semi-sync source with no semi-sync replica receiving from it blocks
   * every commit instead (that is how fence = semi-sync fences).
   */
  #acknowledges(s: SimServer): boolean {
    if (!s.semiSyncSource || s.semiSyncTimeoutMs < LOSSLESS_SEMI_SYNC_TIMEOUT_MS) return true;
    return this.#fleet
      .servers()
      .some(
        (r) =>
          r.power === 'up' &&
          r.semiSyncReplica &&
          r.replication?.source === s.address &&
          r.replication.io === 'Yes',
      );
  }

  /** Fencing: at most one server of the group takes (acknowledges) writes. */
  #checkFencing(): void {
    const writable = this.#writable().filter((s) => this.#acknowledges(s));
    if (writable.length > 1)
      throw new SafetyViolation(
        `Fencing: ${writable.map((s) => s.address).join(' and ')} of group ${GROUP} both take writes`,
      );
  }
}
