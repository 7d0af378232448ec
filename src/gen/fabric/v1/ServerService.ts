// Original file: proto/fabric/v1/server.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ServerServiceLookupUuidRequest as _fabric_v1_ServerServiceLookupUuidRequest, ServerServiceLookupUuidRequest__Output as _fabric_v1_ServerServiceLookupUuidRequest__Output } from '../../fabric/v1/ServerServiceLookupUuidRequest.js';
import type { ServerServiceLookupUuidResponse as _fabric_v1_ServerServiceLookupUuidResponse, ServerServiceLookupUuidResponse__Output as _fabric_v1_ServerServiceLookupUuidResponse__Output } from '../../fabric/v1/ServerServiceLookupUuidResponse.js';
import type { ServerServiceSetModeRequest as _fabric_v1_ServerServiceSetModeRequest, ServerServiceSetModeRequest__Output as _fabric_v1_ServerServiceSetModeRequest__Output } from '../../fabric/v1/ServerServiceSetModeRequest.js';
import type { ServerServiceSetModeResponse as _fabric_v1_ServerServiceSetModeResponse, ServerServiceSetModeResponse__Output as _fabric_v1_ServerServiceSetModeResponse__Output } from '../../fabric/v1/ServerServiceSetModeResponse.js';
import type { ServerServiceSetStatusRequest as _fabric_v1_ServerServiceSetStatusRequest, ServerServiceSetStatusRequest__Output as _fabric_v1_ServerServiceSetStatusRequest__Output } from '../../fabric/v1/ServerServiceSetStatusRequest.js';
import type { ServerServiceSetStatusResponse as _fabric_v1_ServerServiceSetStatusResponse, ServerServiceSetStatusResponse__Output as _fabric_v1_ServerServiceSetStatusResponse__Output } from '../../fabric/v1/ServerServiceSetStatusResponse.js';
import type { ServerServiceSetWeightRequest as _fabric_v1_ServerServiceSetWeightRequest, ServerServiceSetWeightRequest__Output as _fabric_v1_ServerServiceSetWeightRequest__Output } from '../../fabric/v1/ServerServiceSetWeightRequest.js';
import type { ServerServiceSetWeightResponse as _fabric_v1_ServerServiceSetWeightResponse, ServerServiceSetWeightResponse__Output as _fabric_v1_ServerServiceSetWeightResponse__Output } from '../../fabric/v1/ServerServiceSetWeightResponse.js';

export interface ServerServiceClient extends grpc.Client {
  LookupUuid(argument: _fabric_v1_ServerServiceLookupUuidRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceLookupUuidResponse__Output>): grpc.ClientUnaryCall;
  LookupUuid(argument: _fabric_v1_ServerServiceLookupUuidRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ServerServiceLookupUuidResponse__Output>): grpc.ClientUnaryCall;
  LookupUuid(argument: _fabric_v1_ServerServiceLookupUuidRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceLookupUuidResponse__Output>): grpc.ClientUnaryCall;
  LookupUuid(argument: _fabric_v1_ServerServiceLookupUuidRequest, callback: grpc.requestCallback<_fabric_v1_ServerServiceLookupUuidResponse__Output>): grpc.ClientUnaryCall;
  lookupUuid(argument: _fabric_v1_ServerServiceLookupUuidRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceLookupUuidResponse__Output>): grpc.ClientUnaryCall;
  lookupUuid(argument: _fabric_v1_ServerServiceLookupUuidRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ServerServiceLookupUuidResponse__Output>): grpc.ClientUnaryCall;
  lookupUuid(argument: _fabric_v1_ServerServiceLookupUuidRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceLookupUuidResponse__Output>): grpc.ClientUnaryCall;
  lookupUuid(argument: _fabric_v1_ServerServiceLookupUuidRequest, callback: grpc.requestCallback<_fabric_v1_ServerServiceLookupUuidResponse__Output>): grpc.ClientUnaryCall;
  
  SetMode(argument: _fabric_v1_ServerServiceSetModeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetModeResponse__Output>): grpc.ClientUnaryCall;
  SetMode(argument: _fabric_v1_ServerServiceSetModeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetModeResponse__Output>): grpc.ClientUnaryCall;
  SetMode(argument: _fabric_v1_ServerServiceSetModeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetModeResponse__Output>): grpc.ClientUnaryCall;
  SetMode(argument: _fabric_v1_ServerServiceSetModeRequest, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetModeResponse__Output>): grpc.ClientUnaryCall;
  setMode(argument: _fabric_v1_ServerServiceSetModeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetModeResponse__Output>): grpc.ClientUnaryCall;
  setMode(argument: _fabric_v1_ServerServiceSetModeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetModeResponse__Output>): grpc.ClientUnaryCall;
  setMode(argument: _fabric_v1_ServerServiceSetModeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetModeResponse__Output>): grpc.ClientUnaryCall;
  setMode(argument: _fabric_v1_ServerServiceSetModeRequest, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetModeResponse__Output>): grpc.ClientUnaryCall;
  
  SetStatus(argument: _fabric_v1_ServerServiceSetStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetStatusResponse__Output>): grpc.ClientUnaryCall;
  SetStatus(argument: _fabric_v1_ServerServiceSetStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetStatusResponse__Output>): grpc.ClientUnaryCall;
  SetStatus(argument: _fabric_v1_ServerServiceSetStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetStatusResponse__Output>): grpc.ClientUnaryCall;
  SetStatus(argument: _fabric_v1_ServerServiceSetStatusRequest, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetStatusResponse__Output>): grpc.ClientUnaryCall;
  setStatus(argument: _fabric_v1_ServerServiceSetStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetStatusResponse__Output>): grpc.ClientUnaryCall;
  setStatus(argument: _fabric_v1_ServerServiceSetStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetStatusResponse__Output>): grpc.ClientUnaryCall;
  setStatus(argument: _fabric_v1_ServerServiceSetStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetStatusResponse__Output>): grpc.ClientUnaryCall;
  setStatus(argument: _fabric_v1_ServerServiceSetStatusRequest, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetStatusResponse__Output>): grpc.ClientUnaryCall;
  
  SetWeight(argument: _fabric_v1_ServerServiceSetWeightRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetWeightResponse__Output>): grpc.ClientUnaryCall;
  SetWeight(argument: _fabric_v1_ServerServiceSetWeightRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetWeightResponse__Output>): grpc.ClientUnaryCall;
  SetWeight(argument: _fabric_v1_ServerServiceSetWeightRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetWeightResponse__Output>): grpc.ClientUnaryCall;
  SetWeight(argument: _fabric_v1_ServerServiceSetWeightRequest, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetWeightResponse__Output>): grpc.ClientUnaryCall;
  setWeight(argument: _fabric_v1_ServerServiceSetWeightRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetWeightResponse__Output>): grpc.ClientUnaryCall;
  setWeight(argument: _fabric_v1_ServerServiceSetWeightRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetWeightResponse__Output>): grpc.ClientUnaryCall;
  setWeight(argument: _fabric_v1_ServerServiceSetWeightRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetWeightResponse__Output>): grpc.ClientUnaryCall;
  setWeight(argument: _fabric_v1_ServerServiceSetWeightRequest, callback: grpc.requestCallback<_fabric_v1_ServerServiceSetWeightResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface ServerServiceHandlers extends grpc.UntypedServiceImplementation {
  LookupUuid: grpc.handleUnaryCall<_fabric_v1_ServerServiceLookupUuidRequest__Output, _fabric_v1_ServerServiceLookupUuidResponse>;
  
  SetMode: grpc.handleUnaryCall<_fabric_v1_ServerServiceSetModeRequest__Output, _fabric_v1_ServerServiceSetModeResponse>;
  
  SetStatus: grpc.handleUnaryCall<_fabric_v1_ServerServiceSetStatusRequest__Output, _fabric_v1_ServerServiceSetStatusResponse>;
  
  SetWeight: grpc.handleUnaryCall<_fabric_v1_ServerServiceSetWeightRequest__Output, _fabric_v1_ServerServiceSetWeightResponse>;
  
}

export interface ServerServiceDefinition extends grpc.ServiceDefinition {
  LookupUuid: MethodDefinition<_fabric_v1_ServerServiceLookupUuidRequest, _fabric_v1_ServerServiceLookupUuidResponse, _fabric_v1_ServerServiceLookupUuidRequest__Output, _fabric_v1_ServerServiceLookupUuidResponse__Output>
  SetMode: MethodDefinition<_fabric_v1_ServerServiceSetModeRequest, _fabric_v1_ServerServiceSetModeResponse, _fabric_v1_ServerServiceSetModeRequest__Output, _fabric_v1_ServerServiceSetModeResponse__Output>
  SetStatus: MethodDefinition<_fabric_v1_ServerServiceSetStatusRequest, _fabric_v1_ServerServiceSetStatusResponse, _fabric_v1_ServerServiceSetStatusRequest__Output, _fabric_v1_ServerServiceSetStatusResponse__Output>
  SetWeight: MethodDefinition<_fabric_v1_ServerServiceSetWeightRequest, _fabric_v1_ServerServiceSetWeightResponse, _fabric_v1_ServerServiceSetWeightRequest__Output, _fabric_v1_ServerServiceSetWeightResponse__Output>
}
