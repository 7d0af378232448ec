import type * as grpc from '@grpc/grpc-js';
import type { Procedure as ProtoProcedure } from '../gen/fabric/v1/Procedure.js';
import type { Procedure } from '../fabric/index.js';
import { FABRIC_ERROR_CODES, FabricError } from '../util/fabric-error.js';
import type { FabricErrorCode } from '../util/fabric-error.js';
import { assignRequestId, waitMs } from './farm-validate.js';
import type { PeerChannels } from './forward.js';
import type { NodeApi } from './node-api.js';
import type { ProcedureApi } from './procedure-service.js';
import { toProto } from './procedure-service.js';
import { unary } from './unary.js';

/** The fields every mutating farm request carries. */
export interface MutationRequest {
  readonly request_id: string;
  readonly no_wait: boolean;
  readonly timeout_ms: number;
}

/** Every mutating farm RPC answers with its procedure. */
export interface ProcedureAnswer {
  procedure: ProtoProcedure;
}

/** One mutating RPC: the procedure it runs and its arguments (a follower forwards the call as is). */
export interface MutationSpec<Req extends MutationRequest> {
  readonly procedure: string;
  /** Checks the request's own fields (throws INVALID_ARGUMENT) and builds the procedure's JSON args. */
  args(request: Req): Record<string, string | boolean | number>;
  /**
   * Fields the answer carries beside the procedure, read from its result
   * (e.g. the id a create made); none by default. Called with every
   * answered procedure, DONE or still running (no_wait), so it must cope
   * with a missing result.
   */
  answer?(p: Procedure): Record<string, unknown>;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(FABRIC_ERROR_CODES);

/**
 * A FAILED procedure as the caller's error: the failing step's code when it
 * is one of ours (so GROUP_NOT_FOUND stays NOT_FOUND), else PROCEDURE_FAILED
 * with the step's own code (e.g. a MySQL error name) kept in the message.
 */
export function procedureFailure(p: Procedure): FabricError {
  const e = p.error;
  const known = e !== undefined && KNOWN_CODES.has(e.code);
  const code: FabricErrorCode = known ? (e.code as FabricErrorCode) : 'PROCEDURE_FAILED';
  const what =
    e === undefined ? 'no error recorded' : known ? e.message : `${e.code}: ${e.message}`;
  return new FabricError(
    code,
    `${p.name} failed at step ${e?.step ?? '?'}: ${what} (procedure ${p.id})`,
    { procedureId: p.id, step: e?.step ?? '' },
  );
}

/**
 * Submits a procedure and, when `wait` is given, waits for it to end: DONE
 * answers with it, FAILED as procedureFailure, still running at the
 * deadline as DEADLINE_EXCEEDED naming it so the caller can wait on.
 * Leader only (submit proposes).
 */
export async function runProcedure(
  api: ProcedureApi,
  name: string,
  args: unknown,
  requestId: string,
  wait: number | undefined,
): Promise<Procedure> {
  const id = await api.submit(name, args, requestId);
  const p = wait === undefined ? api.procedure(id) : await api.whenEnded(id, wait);
  if (p === undefined) {
    throw new FabricError(
      'PROCEDURE_NOT_FOUND',
      `procedure ${id} (${name}) is gone from the history (pruned already)`,
      { procedureId: id },
    );
  }
  if (wait === undefined || p.state === 'DONE') return p;
  if (p.state === 'FAILED') throw procedureFailure(p);
  throw new FabricError(
    'DEADLINE_EXCEEDED',
    `${p.name} is still ${p.state} after ${wait} ms at step ${p.current + 1} of ${p.steps.length} ` +
      `(procedure ${p.id}); wait for it with: fabric procedure wait ${p.id}`,
    { procedureId: p.id },
  );
}

/**
 * A mutating farm RPC: validates the request, then runs the procedure on
 * the leader — here, or forwarded once from a follower with the same
 * request id, so a retry anywhere is deduplicated by the model.
 */
export function mutation<Req extends MutationRequest>(
  node: NodeApi,
  procedures: ProcedureApi,
  peers: PeerChannels,
  spec: MutationSpec<Req>,
): grpc.handleUnaryCall<Req, ProcedureAnswer> {
  return unary<Req, ProcedureAnswer>(
    node,
    async ({ request, onLeader }) => {
      const requestId = assignRequestId(request);
      const timeoutMs = waitMs('timeout_ms', request.timeout_ms);
      const args = spec.args(request);
      return onLeader<ProcedureAnswer>(async () => {
        const wait = request.no_wait ? undefined : timeoutMs;
        const p = await runProcedure(procedures, spec.procedure, args, requestId, wait);
        return { procedure: toProto(p), ...spec.answer?.(p) };
      });
    },
    peers,
  );
}
