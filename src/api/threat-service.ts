import type * as grpc from '@grpc/grpc-js';
import type { RoundVerdict, ThreatApi, ThreatReport } from '../detector/runtime/detector-api.js';
import type { ProbeRound } from '../gen/fabric/v1/ProbeRound.js';
import type { ThreatServiceHandlers } from '../gen/fabric/v1/ThreatService.js';
import type { ThreatServiceReportErrorRequest__Output } from '../gen/fabric/v1/ThreatServiceReportErrorRequest.js';
import type { ThreatServiceReportErrorResponse } from '../gen/fabric/v1/ThreatServiceReportErrorResponse.js';
import type { ThreatServiceReportFailureRequest__Output } from '../gen/fabric/v1/ThreatServiceReportFailureRequest.js';
import type { ThreatServiceReportFailureResponse } from '../gen/fabric/v1/ThreatServiceReportFailureResponse.js';
import { requireServerRef } from './farm-validate.js';
import type { PeerChannels } from './forward.js';
import type { NodeApi } from './node-api.js';
import { unary } from './unary.js';
import { requireLength } from './validate.js';

type ReportRequest = ThreatServiceReportErrorRequest__Output;

/**
 * fabric.v1.ThreatService. Any node accepts a report; followers forward it
 * to the leader, whose failure detector alone counts and probes.
 */
export function threatServiceHandlers(
  node: NodeApi,
  threats: ThreatApi,
  peers: PeerChannels,
): ThreatServiceHandlers {
  return {
    ReportError: unary<ThreatServiceReportErrorRequest__Output, ThreatServiceReportErrorResponse>(
      node,
      ({ request, onLeader }) => {
        const report = checked(request);
        return onLeader(async () => {
          const t = await threats.reportError(report);
          return {
            reports: t.reports,
            reporters: t.reporters,
            probed: t.round !== undefined,
            round: t.round === undefined ? null : roundToProto(t.round),
          };
        });
      },
      peers,
    ),
    ReportFailure: unary<
      ThreatServiceReportFailureRequest__Output,
      ThreatServiceReportFailureResponse
    >(
      node,
      ({ request, onLeader }) => {
        const report = checked(request);
        return onLeader(async () => ({ round: roundToProto(await threats.reportFailure(report)) }));
      },
      peers,
    ),
  } satisfies grpc.UntypedServiceImplementation;
}

function checked(r: ReportRequest): ThreatReport {
  requireServerRef('server', r.server);
  requireLength('reporter', r.reporter, 1, 128);
  requireLength('error', r.error, 0, 1024);
  return { server: r.server, reporter: r.reporter, error: r.error };
}

function roundToProto(r: RoundVerdict): ProbeRound {
  return {
    verdict: `THREAT_VERDICT_${r.verdict}`,
    server_uuid: r.serverUuid,
    address: r.address,
    detail: r.detail,
    evidence_json: r.evidence === undefined ? '' : JSON.stringify(r.evidence),
    procedure_id: r.procedureId,
  };
}
