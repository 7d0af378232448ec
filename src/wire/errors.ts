import * as grpc from '@grpc/grpc-js';
import { FABRIC_ERROR_CODES, FabricError } from '../util/fabric-error.js';
import type { FabricErrorCode } from '../util/fabric-error.js';
import { ERROR_METADATA } from './metadata.js';

const KNOWN: ReadonlySet<string> = new Set(FABRIC_ERROR_CODES);

/** A failed call, as the typed error the server raised (or UNAVAILABLE/INTERNAL for transport failures). */
export class FabricCallError extends FabricError {
  readonly grpcCode: grpc.status;
  readonly leaderId: string;
  readonly leaderAddress: string;
  constructor(
    code: FabricErrorCode,
    message: string,
    grpcCode: grpc.status,
    leaderId: string,
    leaderAddress: string,
  ) {
    super(code, message, leaderId === '' ? {} : { leaderId, leaderAddress });
    this.name = 'FabricCallError';
    this.grpcCode = grpcCode;
    this.leaderId = leaderId;
    this.leaderAddress = leaderAddress;
  }
}

export function fromServiceError(e: grpc.ServiceError): FabricCallError {
  const first = (key: string): string => {
    const v = e.metadata.get(key)[0];
    return typeof v === 'string' ? v : '';
  };
  const raw = first(ERROR_METADATA.code);
  const code: FabricErrorCode = KNOWN.has(raw)
    ? (raw as FabricErrorCode)
    : e.code === grpc.status.DEADLINE_EXCEEDED
      ? 'DEADLINE_EXCEEDED'
      : e.code === grpc.status.UNAVAILABLE
        ? 'PEER_UNREACHABLE'
        : 'INTERNAL';
  return new FabricCallError(
    code,
    e.details || e.message,
    e.code,
    first(ERROR_METADATA.leaderId),
    first(ERROR_METADATA.leaderAddress),
  );
}
