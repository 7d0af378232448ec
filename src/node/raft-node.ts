import { bootstrapState, emptyState } from '../raft/index.js';
import type { Message, NodeId } from '../raft/index.js';
import { LogStore } from '../storage/index.js';
import type { FaultInjector } from '../transport/index.js';
import { PeerTransport } from '../transport/index.js';
import type { Logger } from '../util/logger.js';
import { encodeAddress } from './address-context.js';
import type { DriverConfig as NodeConfig } from './driver-config.js';
import type { DurableLog } from './durable-log.js';
import { failStop } from './fail-stop.js';
import { cryptoIds } from './id-source.js';
import { RaftDriver } from './raft-driver.js';
import type { DriverRaftSettings } from './raft-driver.js';
import { realScheduler } from './scheduler.js';
import type { StateMachine } from './state-machine.js';
import { transportSecurity } from './transport-security.js';

export type { ProposalResult } from './raft-driver.js';

export interface RaftNodeOptions {
  readonly config: NodeConfig;
  readonly logger: Logger;
  readonly stateMachine: StateMachine;
  /** A fresh node that an existing cluster will add (fabric node start --join). */
  readonly joining: boolean;
  readonly faults?: FaultInjector;
  /**
   * A failed write or a broken invariant leaves the node unable to keep its
   * promises: the default logs and exits the process (fail-stop.ts).
   */
  readonly onFatal?: (err: Error) => void;
}

/** What a transport delivers, routed to the driver once it exists. */
interface Inbox {
  driver: RaftDriver | undefined;
}

/**
 * The production binding of the Raft driver (raft-driver.ts): the LevelDB
 * log, the gRPC peer transport, Node's timers and node:crypto. The
 * simulator (test/sim) binds deterministic ones to the same driver.
 */
export class RaftNode extends RaftDriver {
  readonly config: NodeConfig;
  readonly transport: PeerTransport;

  private constructor(
    opts: RaftNodeOptions,
    store: LogStore,
    transport: PeerTransport,
    inbox: Inbox,
  ) {
    const log = opts.logger.child({ component: 'raft-node', nodeId: opts.config.node.id });
    super({
      id: opts.config.node.id,
      clusterId: opts.config.cluster.id,
      raft: driverSettings(opts.config),
      initial: store.initialState,
      stateMachine: opts.stateMachine,
      logger: opts.logger,
      ports: {
        log: levelLog(store),
        peers: transport,
        scheduler: realScheduler,
        ids: cryptoIds,
        onFatal: opts.onFatal ?? failStop(log),
      },
    });
    this.config = opts.config;
    this.transport = transport;
    inbox.driver = this;
  }

  /** Opens the data dir, restores the state machine and builds the core; call run() after binding the server. */
  static async open(opts: RaftNodeOptions): Promise<RaftNode> {
    const cfg = opts.config;
    const log = opts.logger.child({ component: 'raft-node', nodeId: cfg.node.id });
    const store = await LogStore.open({
      dataDir: cfg.node.dataDir,
      identity: { clusterId: cfg.cluster.id, nodeId: cfg.node.id },
      logger: opts.logger,
      initialize: () =>
        opts.joining
          ? emptyState()
          : bootstrapState(
              cfg.cluster.members.map((m) => m.id),
              new Map(cfg.cluster.members.map((m) => [m.id, encodeAddress(m.address)])),
            ),
    });
    const inbox: Inbox = { driver: undefined };
    const node = new RaftNode(opts, store, peerTransport(opts, inbox), inbox);
    const init = store.initialState;
    log.info(
      {
        created: store.created,
        snapshotIndex: init.snapshot?.metadata.index ?? 0,
        entries: init.entries.length,
        term: init.hardState.term,
      },
      'opened data dir',
    );
    return node;
  }
}

function driverSettings(cfg: NodeConfig): DriverRaftSettings {
  const r = cfg.raft;
  return {
    tickMs: r.tickMs,
    electionTicks: r.electionTicks,
    heartbeatTicks: r.heartbeatTicks,
    preVote: r.preVote,
    checkQuorum: r.checkQuorum,
    maxInflightMsgs: r.maxInflightMsgs,
    maxInflightBytes: r.maxInflightBytes,
    maxSizePerMsg: r.maxSizePerMsg,
    snapshotThreshold: r.snapshotThreshold,
    snapshotKeepEntries: r.snapshotKeepEntries,
  };
}

/** The transport is built before the driver it feeds: messages go through the inbox. */
function peerTransport(opts: RaftNodeOptions, inbox: Inbox): PeerTransport {
  const id: NodeId = opts.config.node.id;
  return new PeerTransport({
    nodeId: id,
    clusterId: opts.config.cluster.id,
    security: transportSecurity(opts.config),
    logger: opts.logger.child({ component: 'transport', nodeId: id }),
    handler: {
      onMessage: (m: Message) => {
        inbox.driver?.step(m);
      },
      onUnreachable: (peer) => {
        inbox.driver?.reportUnreachable(peer);
      },
      onSnapshotStatus: (peer, ok) => {
        inbox.driver?.reportSnapshot(peer, ok);
      },
    },
    ...(opts.faults === undefined ? {} : { faults: opts.faults }),
  });
}

/** LevelDB behind the driver's callback port; its promises settle in the callbacks. */
function levelLog(store: LogStore): DurableLog {
  return {
    persist: (rd, done) => {
      store.persist(rd).then(
        () => {
          done();
        },
        (e: unknown) => {
          done(e instanceof Error ? e : new Error(String(e)));
        },
      );
    },
    saveSnapshot: (snap, compactTo, done) => {
      store.saveSnapshot(snap, compactTo).then(
        () => {
          done();
        },
        (e: unknown) => {
          done(e instanceof Error ? e : new Error(String(e)));
        },
      );
    },
    close: () => store.close(),
  };
}
