import type * as grpc from '@grpc/grpc-js';
import { fromServiceError } from '../wire/errors.js';

/** A grpc-js unary callback. */
export type Callback<T> = (err: grpc.ServiceError | null, value?: T) => void;

/** How a typed client issues one unary call on its stub. */
export type UnaryCall<T> = (md: grpc.Metadata, opts: grpc.CallOptions, cb: Callback<T>) => void;

/**
 * Issues unary calls with one client's metadata and default deadline, and
 * turns gRPC errors back into the server's typed errors. Shared by every
 * service client of a FabricClient, so all of them behave alike.
 */
export class UnaryCaller {
  readonly metadata: grpc.Metadata;
  readonly timeoutMs: number;

  constructor(metadata: grpc.Metadata, timeoutMs: number) {
    this.metadata = metadata;
    this.timeoutMs = timeoutMs;
  }

  call<T>(fn: UnaryCall<T>, timeoutMs?: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      fn(this.metadata, { deadline: Date.now() + (timeoutMs ?? this.timeoutMs) }, (err, value) => {
        if (err !== null) reject(fromServiceError(err));
        else resolve(value as T);
      });
    });
  }
}
