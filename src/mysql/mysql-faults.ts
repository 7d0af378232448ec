import { FabricError } from '../util/fabric-error.js';

/**
 * Test hook that cuts fabric-ha's link to chosen servers: while an address
 * is blocked, every operation of a ServerPool sharing this object fails
 * with SERVER_UNREACHABLE, as if the network between this process and that
 * server were down (the server itself keeps running and replicating). Lets
 * chaos tests cut only the leader's link to the primary.
 */
export class MysqlFaults {
  readonly #blocked = new Set<string>();

  block(address: string): void {
    this.#blocked.add(address);
  }

  unblock(address: string): void {
    this.#blocked.delete(address);
  }

  isBlocked(address: string): boolean {
    return this.#blocked.has(address);
  }
}

/** The error a blocked operation fails with. */
export function blockedError(address: string, what: string): FabricError {
  return new FabricError(
    'SERVER_UNREACHABLE',
    `cannot reach the server at ${address} during ${what}: the link is cut (MysqlFaults)`,
    { address, blocked: true },
  );
}
