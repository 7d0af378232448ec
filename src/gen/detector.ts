import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { DetectorServiceClient as _fabric_v1_DetectorServiceClient, DetectorServiceDefinition as _fabric_v1_DetectorServiceDefinition } from './fabric/v1/DetectorService.js';
import type { DetectorServiceProbeRequest as _fabric_v1_DetectorServiceProbeRequest, DetectorServiceProbeRequest__Output as _fabric_v1_DetectorServiceProbeRequest__Output } from './fabric/v1/DetectorServiceProbeRequest.js';
import type { DetectorServiceProbeResponse as _fabric_v1_DetectorServiceProbeResponse, DetectorServiceProbeResponse__Output as _fabric_v1_DetectorServiceProbeResponse__Output } from './fabric/v1/DetectorServiceProbeResponse.js';
import type { DetectorServiceReportRequest as _fabric_v1_DetectorServiceReportRequest, DetectorServiceReportRequest__Output as _fabric_v1_DetectorServiceReportRequest__Output } from './fabric/v1/DetectorServiceReportRequest.js';
import type { DetectorServiceReportResponse as _fabric_v1_DetectorServiceReportResponse, DetectorServiceReportResponse__Output as _fabric_v1_DetectorServiceReportResponse__Output } from './fabric/v1/DetectorServiceReportResponse.js';
import type { ReplicaObservation as _fabric_v1_ReplicaObservation, ReplicaObservation__Output as _fabric_v1_ReplicaObservation__Output } from './fabric/v1/ReplicaObservation.js';
import type { ServerObservation as _fabric_v1_ServerObservation, ServerObservation__Output as _fabric_v1_ServerObservation__Output } from './fabric/v1/ServerObservation.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  fabric: {
    v1: {
      DetectorService: SubtypeConstructor<typeof grpc.Client, _fabric_v1_DetectorServiceClient> & { service: _fabric_v1_DetectorServiceDefinition }
      DetectorServiceProbeRequest: MessageTypeDefinition<_fabric_v1_DetectorServiceProbeRequest, _fabric_v1_DetectorServiceProbeRequest__Output>
      DetectorServiceProbeResponse: MessageTypeDefinition<_fabric_v1_DetectorServiceProbeResponse, _fabric_v1_DetectorServiceProbeResponse__Output>
      DetectorServiceReportRequest: MessageTypeDefinition<_fabric_v1_DetectorServiceReportRequest, _fabric_v1_DetectorServiceReportRequest__Output>
      DetectorServiceReportResponse: MessageTypeDefinition<_fabric_v1_DetectorServiceReportResponse, _fabric_v1_DetectorServiceReportResponse__Output>
      ReplicaIoState: EnumTypeDefinition
      ReplicaObservation: MessageTypeDefinition<_fabric_v1_ReplicaObservation, _fabric_v1_ReplicaObservation__Output>
      ServerObservation: MessageTypeDefinition<_fabric_v1_ServerObservation, _fabric_v1_ServerObservation__Output>
    }
  }
}

