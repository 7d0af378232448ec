// Original file: proto/fabric/v1/detector.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DetectorServiceProbeRequest as _fabric_v1_DetectorServiceProbeRequest, DetectorServiceProbeRequest__Output as _fabric_v1_DetectorServiceProbeRequest__Output } from '../../fabric/v1/DetectorServiceProbeRequest.js';
import type { DetectorServiceProbeResponse as _fabric_v1_DetectorServiceProbeResponse, DetectorServiceProbeResponse__Output as _fabric_v1_DetectorServiceProbeResponse__Output } from '../../fabric/v1/DetectorServiceProbeResponse.js';
import type { DetectorServiceReportRequest as _fabric_v1_DetectorServiceReportRequest, DetectorServiceReportRequest__Output as _fabric_v1_DetectorServiceReportRequest__Output } from '../../fabric/v1/DetectorServiceReportRequest.js';
import type { DetectorServiceReportResponse as _fabric_v1_DetectorServiceReportResponse, DetectorServiceReportResponse__Output as _fabric_v1_DetectorServiceReportResponse__Output } from '../../fabric/v1/DetectorServiceReportResponse.js';

export interface DetectorServiceClient extends grpc.Client {
  Probe(argument: _fabric_v1_DetectorServiceProbeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_DetectorServiceProbeResponse__Output>): grpc.ClientUnaryCall;
  Probe(argument: _fabric_v1_DetectorServiceProbeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_DetectorServiceProbeResponse__Output>): grpc.ClientUnaryCall;
  Probe(argument: _fabric_v1_DetectorServiceProbeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_DetectorServiceProbeResponse__Output>): grpc.ClientUnaryCall;
  Probe(argument: _fabric_v1_DetectorServiceProbeRequest, callback: grpc.requestCallback<_fabric_v1_DetectorServiceProbeResponse__Output>): grpc.ClientUnaryCall;
  probe(argument: _fabric_v1_DetectorServiceProbeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_DetectorServiceProbeResponse__Output>): grpc.ClientUnaryCall;
  probe(argument: _fabric_v1_DetectorServiceProbeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_DetectorServiceProbeResponse__Output>): grpc.ClientUnaryCall;
  probe(argument: _fabric_v1_DetectorServiceProbeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_DetectorServiceProbeResponse__Output>): grpc.ClientUnaryCall;
  probe(argument: _fabric_v1_DetectorServiceProbeRequest, callback: grpc.requestCallback<_fabric_v1_DetectorServiceProbeResponse__Output>): grpc.ClientUnaryCall;
  
  Report(argument: _fabric_v1_DetectorServiceReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_DetectorServiceReportResponse__Output>): grpc.ClientUnaryCall;
  Report(argument: _fabric_v1_DetectorServiceReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_DetectorServiceReportResponse__Output>): grpc.ClientUnaryCall;
  Report(argument: _fabric_v1_DetectorServiceReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_DetectorServiceReportResponse__Output>): grpc.ClientUnaryCall;
  Report(argument: _fabric_v1_DetectorServiceReportRequest, callback: grpc.requestCallback<_fabric_v1_DetectorServiceReportResponse__Output>): grpc.ClientUnaryCall;
  report(argument: _fabric_v1_DetectorServiceReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_DetectorServiceReportResponse__Output>): grpc.ClientUnaryCall;
  report(argument: _fabric_v1_DetectorServiceReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_DetectorServiceReportResponse__Output>): grpc.ClientUnaryCall;
  report(argument: _fabric_v1_DetectorServiceReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_DetectorServiceReportResponse__Output>): grpc.ClientUnaryCall;
  report(argument: _fabric_v1_DetectorServiceReportRequest, callback: grpc.requestCallback<_fabric_v1_DetectorServiceReportResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface DetectorServiceHandlers extends grpc.UntypedServiceImplementation {
  Probe: grpc.handleUnaryCall<_fabric_v1_DetectorServiceProbeRequest__Output, _fabric_v1_DetectorServiceProbeResponse>;
  
  Report: grpc.handleUnaryCall<_fabric_v1_DetectorServiceReportRequest__Output, _fabric_v1_DetectorServiceReportResponse>;
  
}

export interface DetectorServiceDefinition extends grpc.ServiceDefinition {
  Probe: MethodDefinition<_fabric_v1_DetectorServiceProbeRequest, _fabric_v1_DetectorServiceProbeResponse, _fabric_v1_DetectorServiceProbeRequest__Output, _fabric_v1_DetectorServiceProbeResponse__Output>
  Report: MethodDefinition<_fabric_v1_DetectorServiceReportRequest, _fabric_v1_DetectorServiceReportResponse, _fabric_v1_DetectorServiceReportRequest__Output, _fabric_v1_DetectorServiceReportResponse__Output>
}
