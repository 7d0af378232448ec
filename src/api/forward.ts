import type * as grpc from '@grpc/grpc-js';
import { FabricClient } from '../client/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { NodeApi } from './node-api.js';

/**
 * Clients for forwarding mutating calls from a follower to the leader,
 * one per leader address, reused across calls.
 */
export class LeaderClients {
  readonly #clients = new Map<string, FabricClient>();
  readonly #credentials: grpc.ChannelCredentials;

  constructor(credentials: grpc.ChannelCredentials) {
    this.#credentials = credentials;
  }

  for(address: string): FabricClient {
    let c = this.#clients.get(address);
    if (c === undefined) {
      c = new FabricClient(address, {
        credentials: this.#credentials,
        timeoutMs: 30_000,
        forwarded: true,
      });
      this.#clients.set(address, c);
    }
    return c;
  }

  close(): void {
    for (const c of this.#clients.values()) c.close();
    this.#clients.clear();
  }
}

/**
 * Runs a mutating call on the leader: here if this node leads, else
 * forwarded once to the leader. A call that was already forwarded and
 * still reached a non-leader (leadership moved meanwhile) is refused with
 * NOT_LEADER and the leader hint, rather than bounced around.
 */
export async function onLeader<T>(
  node: NodeApi,
  leaders: LeaderClients,
  forwarded: boolean,
  local: () => Promise<T>,
  remote: (client: FabricClient) => Promise<T>,
): Promise<T> {
  if (node.isLeader()) return local();
  const leader = node.leader();
  if (forwarded) {
    throw new FabricError(
      'NOT_LEADER',
      `node ${node.id} is not the leader; the leader is ${leader.id}`,
    );
  }
  return remote(leaders.for(leader.address));
}
