import { randomUUID } from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import type { Procedure__Output } from '../gen/fabric/v1/Procedure.js';
import { FabricError } from '../util/fabric-error.js';
import type { Callback, UnaryCaller } from './unary-caller.js';

/** How long a mutating call waits for its procedure unless told (the server's default too). */
export const DEFAULT_WAIT_MS = 30_000;
/** Extra deadline beyond the wait, so the server's own answer (DONE, FAILED or still running) arrives first. */
const ANSWER_SLACK_MS = 5_000;

/** Options every mutating call takes. */
export interface MutationOptions {
  /** Idempotency key: a retry with the same id returns the same procedure (default: a new UUID). */
  readonly requestId?: string;
  /** Answer at once with the running procedure instead of waiting for it to end. */
  readonly noWait?: boolean;
  /** How long the server waits for the procedure (default 30000 ms). */
  readonly timeoutMs?: number;
}

/** Options of read calls. */
export interface ReadOptions {
  /** Serve from the answering node without a ReadIndex round (may be stale). */
  readonly allowStale?: boolean;
  /** Call deadline (default: the client's). */
  readonly timeoutMs?: number;
}

/** The fields every mutating request carries. */
export interface MutationFields {
  readonly request_id: string;
  readonly no_wait: boolean;
  readonly timeout_ms: number;
}

/** A mutating call's answer, whatever the RPC. */
export interface ProcedureAnswer {
  readonly procedure: Procedure__Output | null;
}

/** How a mutating call issues its RPC with the common fields filled in. */
export type MutationCall = (
  f: MutationFields,
  md: grpc.Metadata,
  opts: grpc.CallOptions,
  cb: Callback<ProcedureAnswer>,
) => void;

/**
 * Runs a mutating call: fills in the request id (a new UUID unless given,
 * so the same options object retried is safe only with an explicit id),
 * no_wait and the wait, sets the deadline past the wait so the server's
 * own answer arrives first, and unwraps the procedure.
 */
export async function mutate(
  caller: UnaryCaller,
  o: MutationOptions,
  fn: MutationCall,
): Promise<Procedure__Output> {
  return (await mutateAnswer<ProcedureAnswer>(caller, o, fn)).procedure;
}

/**
 * mutate for RPCs whose answer carries more than the procedure (the id a
 * create made): the whole answer, its procedure checked present.
 */
export function mutateAnswer<A extends ProcedureAnswer>(
  caller: UnaryCaller,
  o: MutationOptions,
  fn: (f: MutationFields, md: grpc.Metadata, opts: grpc.CallOptions, cb: Callback<A>) => void,
): Promise<A & { readonly procedure: Procedure__Output }> {
  const f: MutationFields = {
    request_id: o.requestId ?? randomUUID(),
    no_wait: o.noWait === true,
    timeout_ms: o.timeoutMs ?? DEFAULT_WAIT_MS,
  };
  return caller
    .call<A>(
      (md, opts, cb) => {
        fn(f, md, opts, cb);
      },
      f.no_wait ? caller.timeoutMs : f.timeout_ms + ANSWER_SLACK_MS,
    )
    .then((r) => {
      const procedure = r.procedure;
      if (procedure === null)
        throw new FabricError('INTERNAL', 'the server answered without a procedure');
      return { ...r, procedure };
    });
}
