import type { Scheduler, Timer } from '../../node/scheduler.js';
import type { DetectorApi } from './detector-api.js';
import type { ErrorTally, RoundVerdict, ThreatApi, ThreatReport } from './detector-api.js';
import { judge, replicationStates, ThreatWindow } from '../verdict/index.js';
import type {
  Decision,
  JudgeInput,
  ReplicationHealth,
  ReportedObservation,
} from '../verdict/index.js';
import { failoverCooldownEnd } from '../../executor/farm/index.js';
import type { FabricModel, Server } from '../../fabric/index.js';
import type { Logger } from '../../util/logger.js';
import type { FailureDetectorConfig } from './config.js';
import { DecisionActions } from './actions.js';
import type { ActOutcome, ProcedureSubmitter, Trigger } from './actions.js';
import { fenceFaulty } from './fence.js';
import type { DetectorPeers } from './peers.js';
import { ServerProber } from './prober.js';
import { ReachabilitySync } from './reachability.js';
import { ReplicationSync } from './replication.js';
import { ReplicationBoard } from './replication-board.js';
import type { ProbeResult, ProbeTargets, RaceTimeout } from './prober.js';
import { ObservationStore } from './store.js';
import { reportedServer, roundVerdict, unwatchedVerdict } from './threats.js';

/** What the detector needs of the Raft node. */
export interface DetectorNode {
  readonly id: string;
  /** The current term while this node leads; undefined otherwise. */
  leaderTerm(): number | undefined;
  /** The voting members now. */
  voters(): readonly string[];
  /** The leader's address when another node leads and its address is known. */
  leaderAddress(): string | undefined;
  addressOf(id: string): string | undefined;
}

/** What the detector needs of the Fabric runtime. */
export interface DetectorFabric extends ProcedureSubmitter {
  readonly model: FabricModel;
  readonly servers: ProbeTargets;
}

export interface FailureDetectorOptions {
  readonly config: FailureDetectorConfig;
  readonly node: DetectorNode;
  readonly fabric: DetectorFabric;
  readonly peers: DetectorPeers;
  readonly logger: Logger;
  /**
   * Time and the round timer: Node's (realScheduler) in a node process, the
   * seed's in the simulator. The detector reads no clock of its own.
   */
  readonly clock: Pick<Scheduler, 'now' | 'after'>;
  /** How a probe's timeout is timed (default: real timers; the simulator's clock under a seed). */
  readonly raceTimeout?: RaceTimeout;
}

/** FAULTY servers are probed (to fence one that returns) once every this many rounds. */
const FENCE_EVERY_ROUNDS = 5;
/** Beyond the probe timeout, how long the leader waits for another node's immediate probes. */
const PEER_SLACK_MS = 500;

/** What one immediate round found, per server uuid. */
interface Round {
  readonly own: ReadonlyMap<string, ProbeResult>;
  readonly decisions: readonly Decision[];
  readonly outcomes: ReadonlyMap<string, Promise<ActOutcome>>;
}

/**
 * The failure detector of one Fabric node (mysql-fabric.md §3, done
 * better). Every node probes every non-FAULTY server of every ACTIVE group
 * each detection interval, in parallel, with a hard timeout; followers
 * hand their observations to the leader; the leader judges
 * (src/detector/verdict) and submits group.failover or
 * server.mark-faulty when independent views agree. It also fences a FAULTY
 * server that comes back writable, and keeps every watched secondary's
 * replication state for health and topology.
 *
 * Nothing here blocks the event loop: probes and reports are asynchronous,
 * a round never waits for a submission, and rounds do not overlap.
 */
export class FailureDetector implements DetectorApi, ThreatApi {
  readonly #o: FailureDetectorOptions;
  readonly #now: () => number;
  readonly #log: Logger;
  readonly #prober: ServerProber;
  readonly #store: ObservationStore;
  readonly #actions: DecisionActions;
  readonly #threats: ThreatWindow;
  readonly #replicationSync: ReplicationSync;
  readonly #reachabilitySync: ReachabilitySync;
  readonly #board: ReplicationBoard;
  #timer: Timer | undefined;
  #current: Promise<void> | undefined;
  #stopped = false;
  #rounds = 0;
  #reporting = false;

  constructor(o: FailureDetectorOptions) {
    this.#o = o;
    this.#now = () => o.clock.now();
    this.#log = o.logger.child({ component: 'detector' });
    const c = o.config;
    this.#prober = new ServerProber(o.fabric.servers, c.probeTimeoutMs, this.#now, o.raceTimeout);
    this.#store = new ObservationStore(c.observationWindowMs * 4);
    this.#actions = new DecisionActions({
      model: o.fabric.model,
      procedures: o.fabric,
      log: this.#log,
      now: this.#now,
      intervalMs: c.detectionIntervalMs,
      lastSeen: (uuid) => this.#prober.lastSeen(uuid),
    });
    this.#replicationSync = new ReplicationSync({
      model: o.fabric.model,
      procedures: o.fabric,
      log: this.#log,
      now: this.#now,
      intervalMs: c.detectionIntervalMs,
      rounds: c.detections,
    });
    this.#reachabilitySync = new ReachabilitySync({
      model: o.fabric.model,
      procedures: o.fabric,
      log: this.#log,
      now: this.#now,
      intervalMs: c.detectionIntervalMs,
    });
    this.#board = new ReplicationBoard(
      this.#log,
      (uuid) => o.fabric.model.server(uuid)?.address ?? uuid,
    );
    this.#threats = new ThreatWindow({
      windowMs: c.reportErrorWindowS * 1000,
      threshold: c.reportErrorThreshold,
      clients: c.reportErrorClients,
    });
  }

  start(): void {
    this.#schedule(0);
  }

  /** Stops probing; resolves once the round in progress (bounded by the probe timeout) ends. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#timer?.cancel();
    await this.#current;
  }

  /**
   * Replication per watched SECONDARY/SPARE uuid, from the freshest answered
   * probe this node knows of (on the leader: any voter's). Unreachable
   * servers are absent.
   */
  replicationIssues(): ReadonlyMap<string, ReplicationHealth> {
    return this.#board.current;
  }

  /** Calls `listener` when some server's replication state changes; returns the unsubscribe. */
  onReplicationChange(listener: () => void): () => void {
    return this.#board.onChange(listener);
  }

  // DetectorApi

  receiveReport(nodeId: string, observations: readonly ReportedObservation[]): boolean {
    const { node, fabric } = this.#o;
    if (node.leaderTerm() === undefined || nodeId === node.id) return false;
    if (!node.voters().includes(nodeId)) return false;
    this.#record(nodeId, observations, (uuid) => fabric.model.server(uuid) !== undefined);
    return true;
  }

  async probeNow(serverUuids: readonly string[]): Promise<ReportedObservation[]> {
    const wanted = new Set(serverUuids);
    const servers = watchedServers(this.#o.fabric.model).filter((s) => wanted.has(s.uuid));
    const results = await Promise.all(servers.map((s) => this.#probeOwn(s)));
    const now = this.#now();
    return results.map((r) => reported(r, now));
  }

  // ThreatApi (leader; src/api forwards)

  async reportFailure(report: ThreatReport): Promise<RoundVerdict> {
    const s = reportedServer(this.#o.fabric.model, report.server);
    this.#log.info(
      { server: s.address, reporter: report.reporter, error: report.error },
      'report-failure: probing at once',
    );
    return this.#verdict(s, { kind: 'report-failure', ...reportOf(report), at: this.#now() });
  }

  async reportError(report: ThreatReport): Promise<ErrorTally> {
    const s = reportedServer(this.#o.fabric.model, report.server);
    const tally = this.#threats.record(s.uuid, report.reporter, this.#now());
    this.#log.debug({ server: s.address, reporter: report.reporter, ...tally }, 'report-error');
    if (!tally.triggered)
      return { reports: tally.reports, reporters: tally.reporters, round: undefined };
    this.#log.info(
      { server: s.address, reports: tally.reports, reporters: tally.reporters },
      'report-error: enough clients suspect the server; probing at once',
    );
    const trigger: Trigger = { kind: 'report-error', ...reportOf(report), at: this.#now() };
    const round = await this.#verdict(s, trigger);
    return { reports: tally.reports, reporters: tally.reporters, round };
  }

  async #verdict(s: Server, trigger: Trigger): Promise<RoundVerdict> {
    const model = this.#o.fabric.model;
    const unwatched = unwatchedVerdict(model, s);
    if (unwatched !== undefined) return unwatched;
    const round = await this.#immediateRound(s.groupId, trigger);
    return roundVerdict(s, {
      own: round.own.get(s.uuid),
      failures: this.#prober.failures().get(s.uuid),
      detections: this.#o.config.detections,
      decision: round.decisions.find((d) => d.server === s.uuid && d.kind !== 'replication-issue'),
      outcome: round.outcomes.get(s.uuid),
    });
  }

  /** Probes one group now, here and on every other voter, then judges the whole farm. */
  async #immediateRound(group: string, trigger: Trigger): Promise<Round> {
    const members = watchedServers(this.#o.fabric.model).filter((s) => s.groupId === group);
    const peers = this.#askPeers(members.map((s) => s.uuid));
    const results = await Promise.all(members.map((s) => this.#probeOwn(s)));
    await peers;
    const { decisions, outcomes } = this.#decide(trigger);
    return { own: new Map(results.map((r) => [r.uuid, r])), decisions, outcomes };
  }

  /** Other voters' immediate probes; a node that does not answer in time simply does not count. */
  async #askPeers(uuids: readonly string[]): Promise<void> {
    const { node, peers, config } = this.#o;
    const others = node.voters().filter((id) => id !== node.id);
    await Promise.all(
      others.map(async (id) => {
        const address = node.addressOf(id);
        if (address === undefined) return;
        try {
          const r = await peers.probe(address, uuids, config.probeTimeoutMs + PEER_SLACK_MS);
          if (r.nodeId === id) this.#record(id, r.observations, () => true);
        } catch (err) {
          this.#log.debug({ err, node: id }, 'no immediate probe from a peer');
        }
      }),
    );
  }

  // The loop.

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = this.#o.clock.after(delayMs, () => {
      this.#current = this.#loop();
    });
  }

  async #loop(): Promise<void> {
    const started = this.#now();
    try {
      await this.round();
    } catch (err) {
      this.#log.warn({ err }, 'failure detector round failed');
    }
    const elapsed = this.#now() - started;
    this.#schedule(Math.max(0, this.#o.config.detectionIntervalMs - elapsed));
  }

  /**
   * One detection round: probe, then judge (leader) or report (follower).
   * The loop runs one every detection interval; tests drive it directly.
   */
  async round(): Promise<void> {
    const model = this.#o.fabric.model;
    const leading = this.#o.node.leaderTerm() !== undefined;
    const watched = watchedServers(model);
    const fence = leading && this.#rounds++ % FENCE_EVERY_ROUNDS === 0 ? faultyServers(model) : [];
    await Promise.all([
      ...watched.map((s) => this.#probeOwn(s)),
      fenceFaulty(fence, this.#prober, this.#o.fabric.servers, this.#log),
    ]);
    if (this.#stopped) return;
    this.#housekeep(leading, watched);
    const decisions = leading ? this.#decide(undefined).decisions : [];
    if (!leading) this.#report();
    this.#publishReplication(leading);
    if (!leading) return;
    this.#replicationSync.sync(this.#board.current, this.#prober.failures());
    this.#reachabilitySync.sync(decisions, this.#prober.failures());
  }

  async #probeOwn(s: Server): Promise<ProbeResult> {
    const r = await this.#prober.probe(s);
    this.#store.record(this.#o.node.id, s.uuid, {
      ok: r.ok,
      at: r.at,
      error: r.error,
      replica: r.replica,
    });
    return r;
  }

  #housekeep(leading: boolean, watched: readonly Server[]): void {
    const { node } = this.#o;
    const uuids = new Set(watched.map((s) => s.uuid));
    this.#prober.retain(uuids);
    const nodes = new Set(leading ? [...node.voters(), node.id] : [node.id]);
    this.#store.retain(nodes, uuids, this.#now());
  }

  #decide(trigger: Trigger | undefined): {
    decisions: Decision[];
    outcomes: Map<string, Promise<ActOutcome>>;
  } {
    const decisions = judge(this.#judgeInput());
    return { decisions, outcomes: this.#actions.act(decisions, trigger) };
  }

  #judgeInput(): JudgeInput {
    const { node, fabric, config } = this.#o;
    const model = fabric.model;
    const groups = model.groups();
    const cooldownMs = config.failoverCooldownS * 1000;
    return {
      leaderId: node.id,
      farm: { groups, servers: model.servers() },
      leaderFailures: this.#prober.failures(),
      observations: this.#store.all(),
      voters: node.voters(),
      now: this.#now(),
      settings: config,
      cooldownEnds: new Map(
        groups
          .filter((g) => g.status === 'ACTIVE')
          .map((g) => [g.id, failoverCooldownEnd(model, g.id, cooldownMs)]),
      ),
    };
  }

  /** Follower: hands this round's observations to the leader, one report in flight at most. */
  #report(): void {
    const { node, peers, config } = this.#o;
    const address = node.leaderAddress();
    if (this.#reporting || address === undefined || !node.voters().includes(node.id)) return;
    const now = this.#now();
    const observations = [...this.#store.of(node.id)].map(([server, o]) =>
      reported({ uuid: server, ...o }, now),
    );
    this.#reporting = true;
    peers
      .report(address, node.id, observations, config.detectionIntervalMs * 2)
      .catch((err: unknown) => {
        this.#log.debug({ err, leader: address }, 'report to the leader failed');
      })
      .finally(() => {
        this.#reporting = false;
      });
  }

  #record(
    nodeId: string,
    observations: readonly ReportedObservation[],
    known: (uuid: string) => boolean,
  ): void {
    const now = this.#now();
    for (const o of observations) {
      if (!known(o.server)) continue;
      const at = now - Math.max(0, o.ageMs);
      this.#store.record(nodeId, o.server, { ok: o.ok, at, error: o.error, replica: o.replica });
    }
  }

  #publishReplication(leading: boolean): void {
    const { node, fabric, config } = this.#o;
    const states = replicationStates({
      farm: { groups: fabric.model.groups(), servers: fabric.model.servers() },
      observations: this.#store.all(),
      voters: leading ? node.voters() : [node.id],
      now: this.#now(),
      settings: config,
    });
    this.#board.publish(states, leading);
  }
}

/** Non-FAULTY servers of ACTIVE groups: what every node probes each round. */
export function watchedServers(model: FabricModel): Server[] {
  return activeServers(model).filter((s) => s.status !== 'FAULTY');
}

function faultyServers(model: FabricModel): Server[] {
  return activeServers(model).filter((s) => s.status === 'FAULTY');
}

function activeServers(model: FabricModel): Server[] {
  const active = new Set(
    model
      .groups()
      .filter((g) => g.status === 'ACTIVE')
      .map((g) => g.id),
  );
  return model.servers().filter((s) => active.has(s.groupId));
}

function reported(
  r: Pick<ProbeResult, 'uuid' | 'ok' | 'at' | 'error' | 'replica'>,
  now: number,
): ReportedObservation {
  return { server: r.uuid, ok: r.ok, ageMs: now - r.at, error: r.error, replica: r.replica };
}

function reportOf(r: ThreatReport): { reporter: string; error: string } {
  return { reporter: r.reporter, error: r.error };
}
