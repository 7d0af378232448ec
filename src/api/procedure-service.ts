import type * as grpc from '@grpc/grpc-js';
import type { Procedure as ProtoProcedure } from '../gen/fabric/v1/Procedure.js';
import type { ProcedureServiceHandlers } from '../gen/fabric/v1/ProcedureService.js';
import type { ProcedureServiceGetRequest__Output } from '../gen/fabric/v1/ProcedureServiceGetRequest.js';
import type { ProcedureServiceGetResponse } from '../gen/fabric/v1/ProcedureServiceGetResponse.js';
import type { ProcedureServiceListRequest__Output } from '../gen/fabric/v1/ProcedureServiceListRequest.js';
import type { ProcedureServiceListResponse } from '../gen/fabric/v1/ProcedureServiceListResponse.js';
import type { ProcedureServiceSubmitRequest__Output } from '../gen/fabric/v1/ProcedureServiceSubmitRequest.js';
import type { ProcedureServiceSubmitResponse } from '../gen/fabric/v1/ProcedureServiceSubmitResponse.js';
import type { ProcedureServiceWaitRequest__Output } from '../gen/fabric/v1/ProcedureServiceWaitRequest.js';
import type { ProcedureServiceWaitResponse } from '../gen/fabric/v1/ProcedureServiceWaitResponse.js';
import type { ProcedureState__Output } from '../gen/fabric/v1/ProcedureState.js';
import type { Procedure, ProcedureState as ModelState } from '../fabric/index.js';
import { FabricError } from '../util/fabric-error.js';
import type { PeerChannels } from './forward.js';
import type { NodeApi } from './node-api.js';
import { unary } from './unary.js';
import { assignRequestId } from './farm-validate.js';
import { requireLength } from './validate.js';

/** What ProcedureService needs from a node running the Fabric model. */
export interface ProcedureApi {
  procedure(id: string): Procedure | undefined;
  procedures(): readonly Procedure[];
  /** Leader only: proposes a submit; resolves with the procedure id (the original one for a known request id). */
  submit(name: string, args: unknown, requestId: string): Promise<string>;
  /** Resolves when the procedure is DONE or FAILED on this node, or after timeoutMs with its current state. */
  whenEnded(id: string, timeoutMs: number): Promise<Procedure | undefined>;
  /** Registered procedure names. */
  names(): readonly string[];
}

const TO_PROTO: Readonly<Record<ModelState, ProcedureState__Output>> = {
  QUEUED: 'PROCEDURE_STATE_QUEUED',
  RUNNING: 'PROCEDURE_STATE_RUNNING',
  DONE: 'PROCEDURE_STATE_DONE',
  FAILED: 'PROCEDURE_STATE_FAILED',
};

const json = (v: unknown): string => (v === undefined ? '' : JSON.stringify(v));

export function toProto(p: Procedure): ProtoProcedure {
  return {
    id: p.id,
    name: p.name,
    request_id: p.requestId,
    args_json: json(p.args),
    lock_keys: [...p.lockKeys],
    state: TO_PROTO[p.state],
    steps: p.steps.map((s) => ({
      name: s.name,
      state: s.state,
      attempts: s.attempts,
      started_at_ms: s.startedAt ?? 0,
      finished_at_ms: s.finishedAt ?? 0,
      term: s.term ?? 0,
      output_json: json(s.output),
      ...(s.error === undefined
        ? {}
        : { error: { code: s.error.code, message: s.error.message, cause: s.error.cause ?? '' } }),
      ...(s.progress === undefined
        ? {}
        : {
            progress: {
              progress_json: json(s.progress.value),
              attempt: s.progress.attempt,
              at_ms: s.progress.at,
            },
          }),
    })),
    current_step: p.current,
    submitted_at_ms: p.submittedAt,
    finished_at_ms: p.finishedAt ?? 0,
    result_json: json(p.result),
    ...(p.error === undefined
      ? {}
      : {
          error: { code: p.error.code, message: p.error.message, cause: p.error.cause ?? '' },
          failed_step: p.error.step,
        }),
  };
}

function notFound(id: string): FabricError {
  return new FabricError(
    'PROCEDURE_NOT_FOUND',
    `procedure ${id} does not exist (it may have been pruned from the history)`,
    { id },
  );
}

/** fabric.v1.ProcedureService over a node; Submit is forwarded to the leader. */
export function procedureServiceHandlers(
  node: NodeApi,
  api: ProcedureApi,
  peers: PeerChannels,
): ProcedureServiceHandlers {
  const read = async (stale: boolean): Promise<void> => {
    if (!stale) await node.linearizableRead(5_000);
  };
  return {
    Get: unary<ProcedureServiceGetRequest__Output, ProcedureServiceGetResponse>(
      node,
      async ({ request }) => {
        requireLength('id', request.id, 1, 64);
        await read(request.allow_stale);
        const p = api.procedure(request.id);
        if (p === undefined) throw notFound(request.id);
        return { procedure: toProto(p) };
      },
    ),
    List: unary<ProcedureServiceListRequest__Output, ProcedureServiceListResponse>(
      node,
      async ({ request }) => {
        await read(request.allow_stale);
        const states = new Set(request.states);
        const limit = request.limit > 0 ? request.limit : 100;
        const list = api
          .procedures()
          .filter((p) => states.size === 0 || states.has(TO_PROTO[p.state]))
          .filter((p) => request.lock_key === '' || p.lockKeys.includes(request.lock_key))
          .filter((p) => request.since_ms === 0 || p.submittedAt >= request.since_ms)
          .filter((p) => request.until_ms === 0 || p.submittedAt < request.until_ms)
          .sort((a, b) => b.submittedAt - a.submittedAt || (a.id < b.id ? 1 : -1))
          .slice(0, limit);
        return { procedures: list.map(toProto) };
      },
    ),
    Wait: unary<ProcedureServiceWaitRequest__Output, ProcedureServiceWaitResponse>(
      node,
      async ({ request }) => {
        requireLength('id', request.id, 1, 64);
        const timeoutMs = request.timeout_ms > 0 ? request.timeout_ms : 30_000;
        await read(false);
        if (api.procedure(request.id) === undefined) throw notFound(request.id);
        const p = await api.whenEnded(request.id, timeoutMs);
        if (p === undefined) throw notFound(request.id);
        if (p.state !== 'DONE' && p.state !== 'FAILED') {
          throw new FabricError(
            'DEADLINE_EXCEEDED',
            `procedure ${request.id} is still ${p.state} after ${timeoutMs} ms (step ${p.current + 1} of ${p.steps.length})`,
          );
        }
        return { procedure: toProto(p) };
      },
    ),
    Submit: unary<ProcedureServiceSubmitRequest__Output, ProcedureServiceSubmitResponse>(
      node,
      async ({ request, onLeader }) => {
        const requestId = assignRequestId(request);
        if (!api.names().includes(request.name)) {
          throw new FabricError(
            'INVALID_ARGUMENT',
            `no procedure named ${JSON.stringify(request.name)}; registered: ${api.names().join(', ')}`,
            { field: 'name' },
          );
        }
        let args: unknown;
        try {
          args = request.args_json === '' ? {} : JSON.parse(request.args_json);
        } catch {
          throw new FabricError('INVALID_ARGUMENT', 'args_json is not valid JSON', {
            field: 'args_json',
          });
        }
        const timeoutMs = request.timeout_ms > 0 ? request.timeout_ms : 30_000;
        return onLeader<ProcedureServiceSubmitResponse>(async () => {
          const id = await api.submit(request.name, args, requestId);
          const p = request.wait ? await api.whenEnded(id, timeoutMs) : api.procedure(id);
          if (p === undefined) throw notFound(id);
          return { procedure: toProto(p) };
        });
      },
      peers,
    ),
  } satisfies grpc.UntypedServiceImplementation;
}
