/**
 * How a receiver refuses a whole stream or snapshot (foreign cluster, wrong
 * recipient), and how the sender reads a failed call back as a FabricError.
 * The refusal is FAILED_PRECONDITION with the fabric error code in trailing
 * metadata, so it is told apart from a network failure without parsing text.
 */
import * as grpc from '@grpc/grpc-js';

import type { NodeId } from '../raft/index.js';
import { FabricError } from '../util/fabric-error.js';

export const ERROR_CODE_KEY = 'fabric-error-code';

export function rejection(reason: string): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  metadata.set(ERROR_CODE_KEY, 'PEER_REJECTED');
  return { code: grpc.status.FAILED_PRECONDITION, details: `PEER_REJECTED: ${reason}`, metadata };
}

/** PEER_REJECTED when the peer refused us, PEER_UNREACHABLE for anything else. */
export function peerError(
  peer: NodeId,
  address: string,
  s: Partial<grpc.StatusObject>,
): FabricError {
  const rejected = s.metadata?.get(ERROR_CODE_KEY)[0] === 'PEER_REJECTED';
  const details = { peer, address, grpcCode: s.code ?? -1 };
  return rejected
    ? new FabricError(
        'PEER_REJECTED',
        `peer ${peer} at ${address} refused us: ${s.details ?? ''}`,
        details,
      )
    : new FabricError(
        'PEER_UNREACHABLE',
        `peer ${peer} at ${address} unreachable: ${s.details ?? 'stream ended'}`,
        details,
      );
}
