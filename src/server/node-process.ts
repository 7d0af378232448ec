import { realScheduler } from '../node/scheduler.js';
import * as grpc from '@grpc/grpc-js';
import { clusterServiceHandlers } from '../api/cluster-service.js';
import { detectorServiceHandlers } from '../api/detector-service.js';
import { PeerChannels } from '../api/forward.js';
import { kvServiceHandlers } from '../api/kv-service.js';
import { groupServiceHandlers } from '../api/group-service.js';
import { procedureServiceHandlers } from '../api/procedure-service.js';
import { serverServiceHandlers } from '../api/server-service.js';
import { shardingServiceHandlers } from '../api/sharding-service.js';
import { threatServiceHandlers } from '../api/threat-service.js';
import { topologyServiceHandlers } from '../api/topology-service.js';
import { addStandardServices } from '../api/standard-services.js';
import type { NodeApi } from '../api/node-api.js';
import { FabricClient, fabricProtos } from '../client/index.js';
import { KvStateMachine } from '../kv/kv-state-machine.js';
import { channelCredentials, peerServerOptions, serverCredentials } from '../transport/index.js';
import type { FaultInjector } from '../transport/index.js';
import type { MysqlFaults } from '../mysql/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { Logger } from '../util/logger.js';
import type { StatusResponse__Output } from '../gen/fabric/v1/StatusResponse.js';
import type { NodeConfig } from './config.js';
import { CompositeStateMachine, tagCommand } from '../node/composite-state-machine.js';
import type { StateMachinePart } from '../node/composite-state-machine.js';
import { grpcDetectorPeers } from '../api/detector-peers.js';
import { blockedServers } from '../detector/runtime/test-faults.js';
import { FabricRuntime } from './fabric-runtime.js';
import { FailureDetector } from '../detector/runtime/failure-detector.js';
import { refuseFreshVoter } from './join-check.js';
import { RaftNode } from '../node/raft-node.js';
import { RemovalWatch } from './removal-watch.js';
import { transportSecurity } from '../node/transport-security.js';

export interface StartOptions {
  readonly config: NodeConfig;
  readonly logger: Logger;
  /** Address of any member of an existing cluster to ask for admission (fresh data dir only). */
  readonly join?: string;
  readonly faults?: FaultInjector;
  /** Test-only: cut this node's connections to chosen managed servers. */
  readonly mysqlFaults?: MysqlFaults;
}

/** A running Fabric node: the Raft driver plus its gRPC server. */
export interface RunningNode {
  readonly config: NodeConfig;
  readonly node: RaftNode;
  readonly kv: KvStateMachine;
  readonly fabric: FabricRuntime;
  readonly detector: FailureDetector;
  /** Resolves with NODE_REMOVED once this node learns it is no longer a member. */
  readonly removed: Promise<FabricError>;
  stop(): Promise<void>;
}

/**
 * Starts a node: opens the data dir, serves the peer transport and the
 * client-facing services on one gRPC port, starts ticking, and, with
 * --join, asks the cluster to add this node.
 */
export async function startNode(opts: StartOptions): Promise<RunningNode> {
  const { config, logger } = opts;
  const kv = new KvStateMachine();
  const mysqlFaults = opts.mysqlFaults ?? testBlockedServers(config.testing.blockServers, logger);
  const fabric = new FabricRuntime(config, logger.child({ nodeId: config.node.id }), {
    ...(mysqlFaults === undefined ? {} : { mysqlFaults }),
  });
  const node = await RaftNode.open({
    config,
    logger,
    stateMachine: new CompositeStateMachine({ kv, fabric: fabric.stateMachine }),
    joining: opts.join !== undefined,
    ...(opts.faults === undefined ? {} : { faults: opts.faults }),
  });
  const security = transportSecurity(config);
  if (opts.join !== undefined) {
    await refuseFreshVoter(node, opts.join, channelCredentials(security), logger).catch(
      async (e: unknown) => {
        await node.stop();
        throw e;
      },
    );
  }
  const protos = fabricProtos();
  const leaders = new PeerChannels(channelCredentials(security), protos.services);
  // Peer batches and snapshot chunks need the transport's message size limits.
  const server = new grpc.Server(peerServerOptions());
  node.transport.register(server);
  server.addService(
    protos.cluster.ClusterService.service,
    clusterServiceHandlers(nodeApi(node, 'fabric'), leaders),
  );
  server.addService(
    protos.kv.KvService.service,
    kvServiceHandlers(nodeApi(node, 'kv'), kv, leaders),
  );
  server.addService(
    protos.procedure.ProcedureService.service,
    procedureServiceHandlers(nodeApi(node, 'fabric'), fabric, leaders),
  );
  const shutdown = new AbortController();
  const fabricApi = nodeApi(node, 'fabric');
  server.addService(
    protos.group.GroupService.service,
    groupServiceHandlers(fabricApi, fabric, fabric, leaders),
  );
  server.addService(
    protos.sharding.ShardingService.service,
    shardingServiceHandlers(fabricApi, fabric, fabric, leaders),
  );
  server.addService(
    protos.server.ServerService.service,
    serverServiceHandlers(fabricApi, fabric, fabric, leaders),
  );
  // Watch streams end on shutdown (UNAVAILABLE; clients resume elsewhere),
  // or tryShutdown would wait for them forever.
  server.addService(
    protos.topology.TopologyService.service,
    topologyServiceHandlers(fabricApi, fabric, { shutdown: shutdown.signal }),
  );
  fabric.attach(node);
  const detector = failureDetector(node, fabric, leaders, config, logger);
  server.addService(
    protos.detector.DetectorService.service,
    detectorServiceHandlers(fabricApi, detector),
  );
  server.addService(
    protos.threat.ThreatService.service,
    threatServiceHandlers(fabricApi, detector, leaders),
  );
  const standard = addStandardServices(server);
  await bind(server, config.node.listen, serverCredentials(security));
  node.run();
  const removalWatch = watchForRemoval(node, leaders, logger);
  detector.start();
  standard.setServing(true);
  logger.info(
    { nodeId: config.node.id, listen: config.node.listen, cluster: config.cluster.id },
    'node started',
  );
  if (opts.join !== undefined)
    await join(node, opts.join, config, channelCredentials(security), logger);
  return {
    config,
    node,
    kv,
    fabric,
    detector,
    removed: node.removed,
    stop: async () => {
      standard.setServing(false);
      removalWatch.stop();
      shutdown.abort();
      await detector.stop();
      await fabric.stop();
      await node.stop();
      leaders.close();
      await new Promise<void>((resolve) => {
        server.tryShutdown(() => {
          resolve();
        });
      });
    },
  };
}

/** The failure detector of this node, probing through the runtime's pool and reporting over gRPC. */
function failureDetector(
  node: RaftNode,
  fabric: FabricRuntime,
  leaders: PeerChannels,
  config: NodeConfig,
  logger: Logger,
): FailureDetector {
  return new FailureDetector({
    config: config.failureDetector,
    node: {
      id: node.id,
      leaderTerm: () => node.leaderTerm(),
      voters: () => node.status().conf.voters,
      leaderAddress: () => {
        const leader = node.status().leader;
        return leader === '' || leader === node.id ? undefined : node.addressOf(leader);
      },
      addressOf: (id) => node.addressOf(id),
    },
    fabric,
    peers: grpcDetectorPeers(leaders),
    logger: logger.child({ nodeId: config.node.id }),
    clock: realScheduler,
  });
}

/** How long a removal check waits for one peer's status. */
const STATUS_TIMEOUT_MS = 5_000;

/** A member removed while it was down finds out by asking the others (removal.ts). */
function watchForRemoval(node: RaftNode, leaders: PeerChannels, logger: Logger): RemovalWatch {
  const watch = new RemovalWatch({
    node: {
      ownView: () => node.ownView(),
      leaderKnown: () => node.status().leader !== '',
      peerAddresses: () => node.peerAddresses(),
    },
    status: (address) =>
      leaders.call<StatusResponse__Output>(
        address,
        '/fabric.v1.ClusterService/Status',
        {},
        {
          forwarded: false,
          deadline: Date.now() + STATUS_TIMEOUT_MS,
        },
      ),
    electionTimeoutMs: node.config.raft.electionTicks * node.config.raft.tickMs,
    logger: logger.child({ component: 'removal-watch', nodeId: node.id }),
    onRemoved: (removal) => {
      node.removedAt(removal);
    },
  });
  watch.start();
  node.onSelfRemoval(() => {
    watch.checkNow();
  });
  void node.removed.then(() => {
    watch.stop();
  });
  return watch;
}

/** Test-only links cut from startup ([testing] block_servers); said loudly in the log. */
function testBlockedServers(addresses: readonly string[], logger: Logger): MysqlFaults | undefined {
  const faults = blockedServers(addresses);
  if (faults !== undefined)
    logger.warn(
      { servers: addresses },
      '[testing] block_servers: TEST ONLY: links to these servers are cut',
    );
  return faults;
}

/** The services' view of the node; proposals are tagged for their state machine. */
function nodeApi(node: RaftNode, part: StateMachinePart): NodeApi {
  return {
    id: node.id,
    clusterId: node.config.cluster.id,
    status: () => node.status(),
    committedConf: () => node.committedConf(),
    refusal: () => node.refusal(),
    addressOf: (id) => node.addressOf(id),
    leader: () => node.leader(),
    isLeader: () => node.isLeader(),
    propose: (cmd, t) => node.propose(tagCommand(part, cmd), t),
    linearizableRead: (t) => node.linearizableRead(t),
    get applied() {
      return node.applied;
    },
    addLearner: (id, addr, t) => node.addLearner(id, addr, t),
    removeMember: (id, t) => node.removeMember(id, t),
    transferLeadership: (target, t) => node.transferLeadership(target, t),
  };
}

function bind(
  server: grpc.Server,
  address: string,
  creds: grpc.ServerCredentials,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, creds, (err, port) => {
      if (err !== null) {
        reject(
          new FabricError(
            'CONFIG_INVALID',
            `cannot listen on ${address}: ${err.message}`,
            { address },
            { cause: err },
          ),
        );
      } else resolve(port);
    });
  });
}

/** A fresh node asks an existing member to add it; the call is forwarded to the leader. */
async function join(
  node: RaftNode,
  via: string,
  config: NodeConfig,
  creds: grpc.ChannelCredentials,
  logger: Logger,
): Promise<void> {
  const st = node.status();
  if (st.conf.voters.includes(node.id) || st.conf.learners.includes(node.id)) {
    logger.info({ via }, 'already a member: --join ignored');
    return;
  }
  const client = new FabricClient(via, { credentials: creds, timeoutMs: 120_000 });
  try {
    const current = await client.status();
    refuseOthersAddress(current.members, node.id, config.node.advertise);
    for (const m of current.members)
      if (m.address !== '') node.learnPeerAddress(m.node_id, m.address);
    logger.info({ via, advertise: config.node.advertise }, 'asking the cluster to add this node');
    const watching = watchJoinProgress(client, node, config.node.advertise, logger);
    try {
      await client.addNode(node.id, config.node.advertise, 120_000);
    } finally {
      clearInterval(watching);
    }
    logger.info('joined the cluster as a voter');
  } finally {
    client.close();
  }
}

/** How often a join that has not finished says where it stands. */
const JOIN_REPORT_MS = 3_000;

/**
 * A join fails fast when this node would take another member's address:
 * the cluster would keep calling that member, and this node would wait
 * silently for ever.
 */
function refuseOthersAddress(
  members: readonly { node_id: string; address: string }[],
  self: string,
  advertise: string,
): void {
  const owner = members.find((m) => m.node_id !== self && m.address === advertise);
  if (owner !== undefined)
    throw new FabricError(
      'CONFIG_INVALID',
      `[node] advertise = "${advertise}" is the address of member ${owner.node_id}: the cluster would call ${owner.node_id} instead of this node; set [node] advertise (and listen) to this node's own host:port`,
      { owner: owner.node_id },
    );
}

/**
 * Every few seconds until the join ends, says why it has not yet: not a
 * member yet, or a learner that the leader has not reached (advertise
 * does not lead here), or one still catching up.
 */
function watchJoinProgress(
  client: FabricClient,
  node: RaftNode,
  advertise: string,
  logger: Logger,
): NodeJS.Timeout {
  const started = Date.now();
  const timer = setInterval(() => {
    // A learner hears of the leader (NONE is '') once the leader's messages reach it.
    const heard = node.status().leader !== '';
    const waited = Math.round((Date.now() - started) / 1000);
    void client.status().then(
      (st) => {
        const me = st.members.find((m) => m.node_id === node.id);
        const why =
          me === undefined
            ? 'the leader has not added this node yet'
            : !heard
              ? `the leader added this node as a learner at ${me.address} but nothing has reached it from the leader: check that [node] advertise ("${advertise}") reaches this node from the other members, and that listen binds it`
              : `catching up: this node's log is ${me.lag} entries behind the leader`;
        logger.warn({ waitedS: waited, advertise }, `join not finished after ${waited} s: ${why}`);
      },
      (e: unknown) => {
        logger.warn(
          { waitedS: waited, err: e },
          `join not finished after ${waited} s; the cluster does not answer either`,
        );
      },
    );
  }, JOIN_REPORT_MS);
  timer.unref();
  return timer;
}
