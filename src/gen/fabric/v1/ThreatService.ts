// Original file: proto/fabric/v1/threat.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ThreatServiceReportErrorRequest as _fabric_v1_ThreatServiceReportErrorRequest, ThreatServiceReportErrorRequest__Output as _fabric_v1_ThreatServiceReportErrorRequest__Output } from '../../fabric/v1/ThreatServiceReportErrorRequest.js';
import type { ThreatServiceReportErrorResponse as _fabric_v1_ThreatServiceReportErrorResponse, ThreatServiceReportErrorResponse__Output as _fabric_v1_ThreatServiceReportErrorResponse__Output } from '../../fabric/v1/ThreatServiceReportErrorResponse.js';
import type { ThreatServiceReportFailureRequest as _fabric_v1_ThreatServiceReportFailureRequest, ThreatServiceReportFailureRequest__Output as _fabric_v1_ThreatServiceReportFailureRequest__Output } from '../../fabric/v1/ThreatServiceReportFailureRequest.js';
import type { ThreatServiceReportFailureResponse as _fabric_v1_ThreatServiceReportFailureResponse, ThreatServiceReportFailureResponse__Output as _fabric_v1_ThreatServiceReportFailureResponse__Output } from '../../fabric/v1/ThreatServiceReportFailureResponse.js';

export interface ThreatServiceClient extends grpc.Client {
  ReportError(argument: _fabric_v1_ThreatServiceReportErrorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportErrorResponse__Output>): grpc.ClientUnaryCall;
  ReportError(argument: _fabric_v1_ThreatServiceReportErrorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportErrorResponse__Output>): grpc.ClientUnaryCall;
  ReportError(argument: _fabric_v1_ThreatServiceReportErrorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportErrorResponse__Output>): grpc.ClientUnaryCall;
  ReportError(argument: _fabric_v1_ThreatServiceReportErrorRequest, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportErrorResponse__Output>): grpc.ClientUnaryCall;
  reportError(argument: _fabric_v1_ThreatServiceReportErrorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportErrorResponse__Output>): grpc.ClientUnaryCall;
  reportError(argument: _fabric_v1_ThreatServiceReportErrorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportErrorResponse__Output>): grpc.ClientUnaryCall;
  reportError(argument: _fabric_v1_ThreatServiceReportErrorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportErrorResponse__Output>): grpc.ClientUnaryCall;
  reportError(argument: _fabric_v1_ThreatServiceReportErrorRequest, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportErrorResponse__Output>): grpc.ClientUnaryCall;
  
  ReportFailure(argument: _fabric_v1_ThreatServiceReportFailureRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportFailureResponse__Output>): grpc.ClientUnaryCall;
  ReportFailure(argument: _fabric_v1_ThreatServiceReportFailureRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportFailureResponse__Output>): grpc.ClientUnaryCall;
  ReportFailure(argument: _fabric_v1_ThreatServiceReportFailureRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportFailureResponse__Output>): grpc.ClientUnaryCall;
  ReportFailure(argument: _fabric_v1_ThreatServiceReportFailureRequest, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportFailureResponse__Output>): grpc.ClientUnaryCall;
  reportFailure(argument: _fabric_v1_ThreatServiceReportFailureRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportFailureResponse__Output>): grpc.ClientUnaryCall;
  reportFailure(argument: _fabric_v1_ThreatServiceReportFailureRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportFailureResponse__Output>): grpc.ClientUnaryCall;
  reportFailure(argument: _fabric_v1_ThreatServiceReportFailureRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportFailureResponse__Output>): grpc.ClientUnaryCall;
  reportFailure(argument: _fabric_v1_ThreatServiceReportFailureRequest, callback: grpc.requestCallback<_fabric_v1_ThreatServiceReportFailureResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface ThreatServiceHandlers extends grpc.UntypedServiceImplementation {
  ReportError: grpc.handleUnaryCall<_fabric_v1_ThreatServiceReportErrorRequest__Output, _fabric_v1_ThreatServiceReportErrorResponse>;
  
  ReportFailure: grpc.handleUnaryCall<_fabric_v1_ThreatServiceReportFailureRequest__Output, _fabric_v1_ThreatServiceReportFailureResponse>;
  
}

export interface ThreatServiceDefinition extends grpc.ServiceDefinition {
  ReportError: MethodDefinition<_fabric_v1_ThreatServiceReportErrorRequest, _fabric_v1_ThreatServiceReportErrorResponse, _fabric_v1_ThreatServiceReportErrorRequest__Output, _fabric_v1_ThreatServiceReportErrorResponse__Output>
  ReportFailure: MethodDefinition<_fabric_v1_ThreatServiceReportFailureRequest, _fabric_v1_ThreatServiceReportFailureResponse, _fabric_v1_ThreatServiceReportFailureRequest__Output, _fabric_v1_ThreatServiceReportFailureResponse__Output>
}
