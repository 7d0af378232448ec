import * as grpc from '@grpc/grpc-js';
import type { ClusterServiceClient } from '../gen/fabric/v1/ClusterService.js';
import type { KvServiceClient } from '../gen/fabric/v1/KvService.js';
import type { ProcedureServiceClient } from '../gen/fabric/v1/ProcedureService.js';
import type { ProcedureServiceGetResponse__Output } from '../gen/fabric/v1/ProcedureServiceGetResponse.js';
import type { ProcedureServiceListRequest } from '../gen/fabric/v1/ProcedureServiceListRequest.js';
import type { ProcedureServiceListResponse__Output } from '../gen/fabric/v1/ProcedureServiceListResponse.js';
import type { ProcedureServiceSubmitResponse__Output } from '../gen/fabric/v1/ProcedureServiceSubmitResponse.js';
import type { ProcedureServiceWaitResponse__Output } from '../gen/fabric/v1/ProcedureServiceWaitResponse.js';
import type { AddNodeResponse__Output } from '../gen/fabric/v1/AddNodeResponse.js';
import type { GetResponse__Output } from '../gen/fabric/v1/GetResponse.js';
import type { PutResponse__Output } from '../gen/fabric/v1/PutResponse.js';
import type { RemoveNodeResponse__Output } from '../gen/fabric/v1/RemoveNodeResponse.js';
import type { StatusResponse__Output } from '../gen/fabric/v1/StatusResponse.js';
import type { TransferLeadershipResponse__Output } from '../gen/fabric/v1/TransferLeadershipResponse.js';
import { GroupClient } from './group-client.js';
import { fabricProtos } from '../wire/proto.js';
import { ServerClient } from './server-client.js';
import { ShardingClient } from './sharding-client.js';
import { ThreatClient } from './threat-client.js';
import { TopologyClient } from './topology-client.js';
import type { TopologyWatch } from './topology-watch.js';
import type { TopologyListener, WatchErrorListener, WatchOptions } from './topology-watch.js';
import { UnaryCaller } from './unary-caller.js';
import type { UnaryCall } from './unary-caller.js';
import { CHANNEL_OPTIONS, FORWARDED_METADATA } from '../wire/index.js';

export interface ClientOptions {
  /** Default deadline of each call in ms. */
  readonly timeoutMs?: number;
  readonly credentials?: grpc.ChannelCredentials;
  /** Marks calls as forwarded by a follower, so a confused receiver does not forward them again. */
  readonly forwarded?: boolean;
}

export { FORWARDED_METADATA };

const HEALTH_CHECK_PATH = '/grpc.health.v1.Health/Check';
/** HealthCheckResponse{status: SERVING}: field 1, varint 1. */
const HEALTH_SERVING = Buffer.from([0x08, 0x01]);

/**
 * A typed client of one Fabric node. Any node accepts every call (followers
 * forward to the leader), so one address is enough; errors arrive as
 * FabricCallError with the server's stable code.
 */
export class FabricClient {
  readonly address: string;
  /** GroupService: create, destroy, add, remove, promote, demote, lookups, health. */
  readonly groups: GroupClient;
  /** ServerService: set status, weight and mode; look up a server's uuid. */
  readonly servers: ServerClient;
  /** ShardingService: shard maps, sharded tables, shards, and key lookups. */
  readonly sharding: ShardingClient;
  /** TopologyService: dump, lookupServers, watch. */
  readonly topology: TopologyClient;
  /** ThreatService: report a client's suspicion (reportError) or certainty (reportFailure). */
  readonly threats: ThreatClient;
  readonly #cluster: ClusterServiceClient;
  readonly #kv: KvServiceClient;
  readonly #procedures: ProcedureServiceClient;
  readonly #stubs: readonly grpc.Client[];
  readonly #caller: UnaryCaller;

  constructor(address: string, opts: ClientOptions = {}) {
    this.address = address;
    const protos = fabricProtos();
    const creds = opts.credentials ?? grpc.credentials.createInsecure();
    this.#cluster = new protos.cluster.ClusterService(address, creds, CHANNEL_OPTIONS);
    // Every service shares the one channel (one connection per node).
    const shared = { ...CHANNEL_OPTIONS, channelOverride: this.#cluster.getChannel() };
    this.#procedures = new protos.procedure.ProcedureService(address, creds, shared);
    this.#kv = new protos.kv.KvService(address, creds, shared);
    const groups = new protos.group.GroupService(address, creds, shared);
    const servers = new protos.server.ServerService(address, creds, shared);
    const topology = new protos.topology.TopologyService(address, creds, shared);
    const threats = new protos.threat.ThreatService(address, creds, shared);
    const sharding = new protos.sharding.ShardingService(address, creds, shared);
    this.#stubs = [
      this.#cluster,
      this.#procedures,
      this.#kv,
      groups,
      servers,
      topology,
      threats,
      sharding,
    ];
    const metadata = new grpc.Metadata();
    if (opts.forwarded === true) metadata.set(FORWARDED_METADATA, '1');
    this.#caller = new UnaryCaller(metadata, opts.timeoutMs ?? 10_000);
    this.groups = new GroupClient(groups, this.#caller);
    this.servers = new ServerClient(servers, this.#caller);
    this.sharding = new ShardingClient(sharding, this.#caller);
    this.topology = new TopologyClient(topology, this.#caller);
    this.threats = new ThreatClient(threats, this.#caller);
  }

  #call<T>(fn: UnaryCall<T>, timeoutMs?: number): Promise<T> {
    return this.#caller.call(fn, timeoutMs);
  }

  /** See TopologyClient.watch. */
  watchTopology(
    fromEpoch: number,
    onTopology: TopologyListener,
    onError?: WatchErrorListener,
    opts?: WatchOptions & { readonly allowStale?: boolean },
  ): TopologyWatch {
    return this.topology.watch(fromEpoch, onTopology, onError, opts);
  }

  /**
   * Whether this node answers the standard health check (grpc.health.v1)
   * as SERVING; rejects with the transport's error when nothing answers.
   * Cheap on both sides: no proto, no Raft, no peer.
   */
  ping(timeoutMs: number): Promise<boolean> {
    return this.#call<Buffer>(
      (md, o, cb) =>
        this.#cluster.makeUnaryRequest(
          HEALTH_CHECK_PATH,
          () => Buffer.alloc(0),
          (b: Buffer) => b,
          {},
          md,
          o,
          cb,
        ),
      timeoutMs,
    ).then((b) => b.equals(HEALTH_SERVING));
  }

  status(): Promise<StatusResponse__Output> {
    return this.#call((md, o, cb) => this.#cluster.Status({}, md, o, cb));
  }

  addNode(nodeId: string, address: string, timeoutMs = 30_000): Promise<AddNodeResponse__Output> {
    return this.#call(
      (md, o, cb) =>
        this.#cluster.AddNode({ node_id: nodeId, address, timeout_ms: timeoutMs }, md, o, cb),
      timeoutMs + 5_000,
    );
  }

  removeNode(nodeId: string): Promise<RemoveNodeResponse__Output> {
    return this.#call((md, o, cb) => this.#cluster.RemoveNode({ node_id: nodeId }, md, o, cb));
  }

  transferLeadership(target = ''): Promise<TransferLeadershipResponse__Output> {
    return this.#call((md, o, cb) =>
      this.#cluster.TransferLeadership({ target_node_id: target }, md, o, cb),
    );
  }

  put(
    key: string,
    value: string,
    requestId: string,
    timeoutMs?: number,
  ): Promise<PutResponse__Output> {
    return this.#call(
      (md, o, cb) => this.#kv.Put({ key, value, request_id: requestId }, md, o, cb),
      timeoutMs,
    );
  }

  get(key: string, allowStale = false, timeoutMs?: number): Promise<GetResponse__Output> {
    return this.#call(
      (md, o, cb) => this.#kv.Get({ key, allow_stale: allowStale }, md, o, cb),
      timeoutMs,
    );
  }

  procedure(id: string, allowStale = false): Promise<ProcedureServiceGetResponse__Output> {
    return this.#call((md, o, cb) =>
      this.#procedures.Get({ id, allow_stale: allowStale }, md, o, cb),
    );
  }

  procedures(
    filter: ProcedureServiceListRequest = {},
  ): Promise<ProcedureServiceListResponse__Output> {
    return this.#call((md, o, cb) => this.#procedures.List(filter, md, o, cb));
  }

  waitProcedure(id: string, timeoutMs = 30_000): Promise<ProcedureServiceWaitResponse__Output> {
    return this.#call(
      (md, o, cb) => this.#procedures.Wait({ id, timeout_ms: timeoutMs }, md, o, cb),
      timeoutMs + 5_000,
    );
  }

  submitProcedure(
    name: string,
    args: unknown,
    requestId: string,
    wait: boolean,
    timeoutMs = 30_000,
  ): Promise<ProcedureServiceSubmitResponse__Output> {
    return this.#call(
      (md, o, cb) =>
        this.#procedures.Submit(
          {
            name,
            args_json: JSON.stringify(args),
            request_id: requestId,
            wait,
            timeout_ms: timeoutMs,
          },
          md,
          o,
          cb,
        ),
      timeoutMs + 5_000,
    );
  }

  close(): void {
    this.topology.closeWatches();
    for (const stub of this.#stubs) stub.close();
  }
}
