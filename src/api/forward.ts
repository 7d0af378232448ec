import * as grpc from '@grpc/grpc-js';
import { FabricError } from '../util/fabric-error.js';
import { CHANNEL_OPTIONS, FORWARDED_METADATA, fromServiceError } from '../wire/index.js';
import type { ServiceDefinitions } from '../wire/index.js';
import type { NodeApi } from './node-api.js';

/** A forwarded call whose client set no deadline still ends: long enough for any procedure wait. */
const FALLBACK_DEADLINE_MS = 5 * 60_000;

type AnyMethod = grpc.MethodDefinition<object, object>;

export interface PeerCallOptions {
  /** Marks the call as forwarded by a follower (the receiver then never forwards it again). */
  readonly forwarded: boolean;
  readonly deadline: grpc.Deadline;
}

/**
 * One channel per peer address, and a generic unary call by method path: a
 * follower re-sends the very request it received to the leader (serialised
 * with the method's own definition), so no service needs a hand-written
 * proto → client → proto translation per mutation.
 */
export class PeerChannels {
  readonly #clients = new Map<string, grpc.Client>();
  readonly #methods = new Map<string, AnyMethod>();
  readonly #credentials: grpc.ChannelCredentials;

  constructor(credentials: grpc.ChannelCredentials, services: ServiceDefinitions) {
    this.#credentials = credentials;
    for (const service of Object.values(services)) {
      for (const method of Object.values(service)) {
        this.#methods.set(method.path, method as AnyMethod);
      }
    }
  }

  /** Calls `path` on the node at `address`; errors come back as the peer's typed error. */
  call<Res>(address: string, path: string, request: unknown, opts: PeerCallOptions): Promise<Res> {
    const method = this.#methods.get(path);
    if (method === undefined || method.requestStream || method.responseStream) {
      return Promise.reject(new FabricError('INTERNAL', `cannot call ${path} on a peer`));
    }
    const metadata = new grpc.Metadata();
    if (opts.forwarded) metadata.set(FORWARDED_METADATA, '1');
    return new Promise<Res>((resolve, reject) => {
      this.#client(address).makeUnaryRequest(
        path,
        method.requestSerialize,
        method.responseDeserialize,
        request as object,
        metadata,
        { deadline: opts.deadline },
        (err, value) => {
          if (err !== null) reject(fromServiceError(err));
          else resolve(value as Res);
        },
      );
    });
  }

  close(): void {
    for (const c of this.#clients.values()) c.close();
    this.#clients.clear();
  }

  #client(address: string): grpc.Client {
    let c = this.#clients.get(address);
    if (c === undefined) {
      c = new grpc.Client(address, this.#credentials, CHANNEL_OPTIONS);
      this.#clients.set(address, c);
    }
    return c;
  }
}

/** The deadline a forwarded call inherits: the client's own, or a generous fallback. */
export function inheritedDeadline(deadline: grpc.Deadline): grpc.Deadline {
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? deadline : Date.now() + FALLBACK_DEADLINE_MS;
}

/** The call being served, as much of it as forwarding needs. */
export interface ServedCall {
  readonly path: string;
  readonly request: unknown;
  readonly deadline: grpc.Deadline;
  readonly forwarded: boolean;
}

/**
 * Runs a mutating call on the leader: here if this node leads, else the same
 * request is forwarded once to the leader. A call that was already forwarded
 * and still reached a non-leader (leadership moved meanwhile) is refused with
 * NOT_LEADER and the leader hint, rather than bounced around.
 */
export async function onLeader<T>(
  node: NodeApi,
  peers: PeerChannels | undefined,
  call: ServedCall,
  local: () => Promise<T>,
): Promise<T> {
  if (node.isLeader()) return local();
  const leader = node.leader();
  if (call.forwarded || peers === undefined) {
    throw new FabricError(
      'NOT_LEADER',
      `node ${node.id} is not the leader; the leader is ${leader.id}`,
    );
  }
  return peers.call<T>(leader.address, call.path, call.request, {
    forwarded: true,
    deadline: inheritedDeadline(call.deadline),
  });
}
