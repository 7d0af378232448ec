import { FabricClient } from '../client/index.js';
import type * as grpc from '@grpc/grpc-js';

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
