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
import { fromServiceError } from './errors.js';
import { fabricProtos } from './proto.js';

export interface ClientOptions {
  /** Default deadline of each call in ms. */
  readonly timeoutMs?: number;
  readonly credentials?: grpc.ChannelCredentials;
  /** Marks calls as forwarded by a follower, so a confused receiver does not forward them again. */
  readonly forwarded?: boolean;
}

/** Metadata key set on calls a follower forwards to the leader. */
export const FORWARDED_METADATA = 'fabric-forwarded';

type Callback<T> = (err: grpc.ServiceError | null, value?: T) => void;

/**
 * A typed client of one Fabric node. Any node accepts every call (followers
 * forward to the leader), so one address is enough; errors arrive as
 * FabricCallError with the server's stable code.
 */
export class FabricClient {
  readonly address: string;
  readonly #cluster: ClusterServiceClient;
  readonly #kv: KvServiceClient;
  readonly #procedures: ProcedureServiceClient;
  readonly #timeoutMs: number;
  readonly #metadata: grpc.Metadata;

  constructor(address: string, opts: ClientOptions = {}) {
    this.address = address;
    const protos = fabricProtos();
    const creds = opts.credentials ?? grpc.credentials.createInsecure();
    const channelOpts = { 'grpc.max_receive_message_length': 64 * 1024 * 1024 };
    this.#cluster = new protos.cluster.ClusterService(address, creds, channelOpts);
    this.#procedures = new protos.procedure.ProcedureService(address, creds, {
      ...channelOpts,
      channelOverride: this.#cluster.getChannel(),
    });
    this.#kv = new protos.kv.KvService(address, creds, {
      ...channelOpts,
      channelOverride: this.#cluster.getChannel(),
    });
    this.#timeoutMs = opts.timeoutMs ?? 10_000;
    this.#metadata = new grpc.Metadata();
    if (opts.forwarded === true) this.#metadata.set(FORWARDED_METADATA, '1');
  }

  #call<T>(
    fn: (md: grpc.Metadata, opts: grpc.CallOptions, cb: Callback<T>) => void,
    timeoutMs?: number,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      fn(
        this.#metadata,
        { deadline: Date.now() + (timeoutMs ?? this.#timeoutMs) },
        (err, value) => {
          if (err !== null) reject(fromServiceError(err));
          else resolve(value as T);
        },
      );
    });
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
    this.#cluster.close();
    this.#kv.close();
    this.#procedures.close();
  }
}
