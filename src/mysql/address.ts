import type { ReplicaStatus, SourceAddress } from './types.js';

/** "host:port" (IPv6 hosts in brackets) → the parts a client or CHANGE MASTER takes. */
export function splitAddress(address: string): SourceAddress {
  const colon = address.lastIndexOf(':');
  const host = address.slice(0, colon);
  return {
    host: host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host,
    port: Number(address.slice(colon + 1)),
  };
}

/** The inverse of splitAddress: the farm's spelling of a host and port. */
export function joinAddress(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Where a replica replicates from, spelled like the farm's server addresses ('' for none). */
export function replicaSource(r: ReplicaStatus | undefined): string {
  return r === undefined ? '' : joinAddress(r.sourceHost, r.sourcePort);
}
