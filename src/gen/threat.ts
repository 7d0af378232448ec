import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ProbeRound as _fabric_v1_ProbeRound, ProbeRound__Output as _fabric_v1_ProbeRound__Output } from './fabric/v1/ProbeRound.js';
import type { ThreatServiceClient as _fabric_v1_ThreatServiceClient, ThreatServiceDefinition as _fabric_v1_ThreatServiceDefinition } from './fabric/v1/ThreatService.js';
import type { ThreatServiceReportErrorRequest as _fabric_v1_ThreatServiceReportErrorRequest, ThreatServiceReportErrorRequest__Output as _fabric_v1_ThreatServiceReportErrorRequest__Output } from './fabric/v1/ThreatServiceReportErrorRequest.js';
import type { ThreatServiceReportErrorResponse as _fabric_v1_ThreatServiceReportErrorResponse, ThreatServiceReportErrorResponse__Output as _fabric_v1_ThreatServiceReportErrorResponse__Output } from './fabric/v1/ThreatServiceReportErrorResponse.js';
import type { ThreatServiceReportFailureRequest as _fabric_v1_ThreatServiceReportFailureRequest, ThreatServiceReportFailureRequest__Output as _fabric_v1_ThreatServiceReportFailureRequest__Output } from './fabric/v1/ThreatServiceReportFailureRequest.js';
import type { ThreatServiceReportFailureResponse as _fabric_v1_ThreatServiceReportFailureResponse, ThreatServiceReportFailureResponse__Output as _fabric_v1_ThreatServiceReportFailureResponse__Output } from './fabric/v1/ThreatServiceReportFailureResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  fabric: {
    v1: {
      ProbeRound: MessageTypeDefinition<_fabric_v1_ProbeRound, _fabric_v1_ProbeRound__Output>
      ThreatService: SubtypeConstructor<typeof grpc.Client, _fabric_v1_ThreatServiceClient> & { service: _fabric_v1_ThreatServiceDefinition }
      ThreatServiceReportErrorRequest: MessageTypeDefinition<_fabric_v1_ThreatServiceReportErrorRequest, _fabric_v1_ThreatServiceReportErrorRequest__Output>
      ThreatServiceReportErrorResponse: MessageTypeDefinition<_fabric_v1_ThreatServiceReportErrorResponse, _fabric_v1_ThreatServiceReportErrorResponse__Output>
      ThreatServiceReportFailureRequest: MessageTypeDefinition<_fabric_v1_ThreatServiceReportFailureRequest, _fabric_v1_ThreatServiceReportFailureRequest__Output>
      ThreatServiceReportFailureResponse: MessageTypeDefinition<_fabric_v1_ThreatServiceReportFailureResponse, _fabric_v1_ThreatServiceReportFailureResponse__Output>
      ThreatVerdict: EnumTypeDefinition
    }
  }
}

