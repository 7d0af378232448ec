import type { IdSource } from '../../src/node/id-source.js';
import type { PeerSender } from '../../src/node/peer-sender.js';
import { RaftDriver } from '../../src/node/raft-driver.js';
import type { StateMachine } from '../../src/node/state-machine.js';
import type { Entry, InitialState, Message, NodeId } from '../../src/raft/index.js';
import { silentLogger } from '../../src/util/logger.js';
import type { Checker } from './checker.js';
import { HashChainMachine } from './hash-chain-machine.js';
import type { SimOptions } from './options.js';
import { SimLog } from './sim-log.js';
import type { SimClock } from './sim-scheduler.js';
import { MS_PER_TICK, SimScheduler } from './sim-scheduler.js';

/** One logger for every node: a pino instance per incarnation costs more than the node. */
const SILENT = silentLogger();

/** What a simulated node needs from its simulator. */
export interface SimWorld extends SimClock {
  /** The network: the simulator delivers (or loses) the message. */
  send(m: Message): void;
  /** Ticks the next disk write takes. */
  diskDelay(): number;
  /** Called after the node applied `e` (client bookkeeping, retiring removed nodes). */
  onApplied(n: SimNode, e: Entry): void;
  /** The application state machine of a new incarnation (none: the hash chain alone). */
  stateMachine?(n: SimNode): StateMachine;
}

/**
 * One simulated Fabric node: the production Raft driver (src/node/raft-driver.ts)
 * bound to a simulated disk, the simulator's network and event queue, and
 * seeded ids. A crash drops the incarnation (driver, timers, the in-flight
 * write) and keeps only the disk.
 */
export class SimNode {
  readonly id: NodeId;
  readonly log: SimLog;
  driver: RaftDriver | undefined;
  /** Bumped on every crash, so events of a dead incarnation are recognised. */
  incarnation = 0;
  /** Shut down for good (removed from the cluster). */
  retired = false;
  /** Its disk lost synced writes and it refuses to start (SimOptions.detectLoss). */
  refused = false;
  /** What the driver reported through onFatal, which also throws (the seed fails). */
  fatal: Error | undefined;
  #machine = new HashChainMachine();
  #sched: SimScheduler | undefined;
  readonly #opts: SimOptions;
  readonly #rngSeed: number;
  readonly #checker: Checker;
  readonly #world: SimWorld;
  #nextRead = 1;

  constructor(
    id: NodeId,
    init: InitialState,
    opts: SimOptions,
    rngSeed: number,
    checker: Checker,
    world: SimWorld,
  ) {
    this.id = id;
    this.#opts = opts;
    this.#rngSeed = rngSeed;
    this.#checker = checker;
    this.#world = world;
    this.log = new SimLog(id, init, checker);
    this.#start();
  }

  get alive(): boolean {
    return this.driver !== undefined;
  }

  get disk(): SimLog['disk'] {
    return this.log.disk;
  }

  /** The applied prefix: index and hash chain. */
  get applied(): HashChainMachine['chain'] {
    return this.#machine.chain;
  }

  #start(): void {
    const sched = new SimScheduler(this.#world);
    this.#sched = sched;
    this.#machine = new HashChainMachine(this.#world.stateMachine?.(this));
    const o = this.#opts;
    const driver = new RaftDriver({
      id: this.id,
      clusterId: 'sim',
      raft: {
        tickMs: MS_PER_TICK,
        electionTicks: o.electionTick,
        heartbeatTicks: o.heartbeatTick,
        preVote: o.preVote,
        checkQuorum: o.checkQuorum,
        maxInflightMsgs: o.maxInflightMsgs,
        maxSizePerMsg: o.maxSizePerMsg,
        snapshotThreshold: o.snapshotEvery,
        snapshotKeepEntries: o.keepEntries,
      },
      initial: this.log.disk.load(),
      stateMachine: this.#machine,
      logger: SILENT,
      ports: {
        log: this.log.port(sched, () => this.#world.diskDelay()),
        peers: this.#peers(sched),
        scheduler: sched,
        ids: this.#ids(),
        onFatal: (err) => {
          this.fatal = err;
          throw err;
        },
        onApplied: (e) => {
          this.#onApplied(e);
        },
      },
      testing: { commitPreviousTermByCount: o.brokenFigure8 },
    });
    this.driver = driver;
    driver.run();
  }

  #peers(sched: SimScheduler): PeerSender {
    return {
      send: (msgs) => {
        // A dead incarnation sends nothing (it may still be unwinding its last apply).
        if (sched.alive) for (const m of msgs) this.#world.send(m);
      },
      setPeer: () => undefined,
      removePeer: () => undefined,
      close: () => Promise.resolve(),
    };
  }

  #ids(): IdSource {
    const seed = this.#rngSeed + this.incarnation * 7919;
    const prefix = `${this.id}.${this.incarnation}`;
    return {
      nextId: () => `${prefix}.r${this.#nextRead++}`,
      rngSeed: () => seed,
    };
  }

  #onApplied(e: Entry): void {
    this.#checker.onApply(this.id, this.#machine.chain.index + 1, e);
    this.#machine.observe(e);
    this.#world.onApplied(this, e);
  }

  /** One step of the simulator's clock: the driver's tick timer fires. */
  tick(): void {
    this.#sched?.tick();
  }

  /** Loses the in-flight write, and with a lossy disk up to `loseSynced` synced ones too. */
  crash(loseSynced = 0): void {
    this.#sched?.kill();
    this.#sched = undefined;
    this.driver = undefined;
    this.incarnation++;
    if (loseSynced > 0 && this.log.loseLastWrites(loseSynced) > 0)
      this.refused = this.#opts.detectLoss;
  }

  restart(): void {
    if (this.refused || this.alive) return;
    this.#start();
  }
}
