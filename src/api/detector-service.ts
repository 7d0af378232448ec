import type * as grpc from '@grpc/grpc-js';
import type { DetectorApi } from '../detector/runtime/detector-api.js';
import type { IoState, ReportedObservation } from '../detector/verdict/index.js';
import type { DetectorServiceHandlers } from '../gen/fabric/v1/DetectorService.js';
import type { DetectorServiceProbeRequest__Output } from '../gen/fabric/v1/DetectorServiceProbeRequest.js';
import type { DetectorServiceProbeResponse } from '../gen/fabric/v1/DetectorServiceProbeResponse.js';
import type { DetectorServiceReportRequest__Output } from '../gen/fabric/v1/DetectorServiceReportRequest.js';
import type { DetectorServiceReportResponse } from '../gen/fabric/v1/DetectorServiceReportResponse.js';
import type { ReplicaIoState__Output } from '../gen/fabric/v1/ReplicaIoState.js';
import type {
  ServerObservation,
  ServerObservation__Output,
} from '../gen/fabric/v1/ServerObservation.js';
import { FabricError } from '../util/fabric-error.js';
import type { NodeApi } from './node-api.js';
import { unary } from './unary.js';
import { requireNodeId } from './validate.js';

/** No farm has more servers; a larger message is malformed, not big. */
const MAX_OBSERVATIONS = 10_000;

/**
 * fabric.v1.DetectorService: internal traffic of the failure detector.
 * Neither call is forwarded: a report that reaches a non-leader is simply
 * not kept (the sender finds the new leader next round).
 */
export function detectorServiceHandlers(
  node: NodeApi,
  detector: DetectorApi,
): DetectorServiceHandlers {
  return {
    Report: unary<DetectorServiceReportRequest__Output, DetectorServiceReportResponse>(
      node,
      ({ request }) => {
        requireNodeId('node_id', request.node_id);
        requireCount('observations', request.observations.length);
        const accepted = detector.receiveReport(
          request.node_id,
          request.observations.map(observationFromProto),
        );
        return Promise.resolve({ accepted });
      },
    ),
    Probe: unary<DetectorServiceProbeRequest__Output, DetectorServiceProbeResponse>(
      node,
      async ({ request }) => {
        requireCount('server_uuids', request.server_uuids.length);
        const observations = await detector.probeNow(request.server_uuids);
        return { node_id: node.id, observations: observations.map(observationToProto) };
      },
    ),
  } satisfies grpc.UntypedServiceImplementation;
}

function requireCount(field: string, n: number): void {
  if (n > MAX_OBSERVATIONS)
    throw new FabricError('INVALID_ARGUMENT', `${field}: at most ${MAX_OBSERVATIONS}, got ${n}`, {
      field,
    });
}

const IO_TO_PROTO: Readonly<Record<IoState, ReplicaIoState__Output>> = {
  Yes: 'REPLICA_IO_STATE_YES',
  No: 'REPLICA_IO_STATE_NO',
  Connecting: 'REPLICA_IO_STATE_CONNECTING',
};

function ioFromProto(v: ReplicaIoState__Output): IoState {
  if (v === 'REPLICA_IO_STATE_NO') return 'No';
  if (v === 'REPLICA_IO_STATE_CONNECTING') return 'Connecting';
  // UNSPECIFIED counts as running: an unknown state may hold a failover
  // back (the replication rule needs every IO thread down), never cause one.
  return 'Yes';
}

export function observationToProto(o: ReportedObservation): ServerObservation {
  const r = o.replica;
  return {
    server_uuid: o.server,
    ok: o.ok,
    age_ms: Math.max(0, Math.min(Math.round(o.ageMs), 0xffffffff)),
    error: o.error,
    replica:
      r === undefined
        ? null
        : {
            source: r.source,
            io_running: IO_TO_PROTO[r.ioRunning],
            sql_running: r.sqlRunning,
            lag_seconds: r.lagSeconds ?? -1,
            io_error: r.ioError,
            sql_error: r.sqlError,
            receipt_age_ms: r.receiptAgeMs ?? -1,
            heartbeat_period_ms: r.heartbeatPeriodMs ?? -1,
          },
  };
}

export function observationFromProto(o: ServerObservation__Output): ReportedObservation {
  const r = o.replica;
  return {
    server: o.server_uuid,
    ok: o.ok,
    ageMs: o.age_ms,
    error: o.error,
    replica:
      r === null
        ? undefined
        : {
            source: r.source,
            ioRunning: ioFromProto(r.io_running),
            sqlRunning: r.sql_running,
            lagSeconds: r.lag_seconds < 0 ? null : r.lag_seconds,
            ioError: r.io_error,
            sqlError: r.sql_error,
            // An older node sends neither: unknown, which counts as a
            // replica that may still receive (it can hold a failover back,
            // never cause one).
            receiptAgeMs: nonNegative(r.receipt_age_ms),
            heartbeatPeriodMs: nonNegative(r.heartbeat_period_ms),
          },
  };
}

/** An int64 field where -1 (any negative) means unknown. */
function nonNegative(v: number): number | null {
  return Number.isFinite(v) && v >= 0 ? v : null;
}
