// Original file: proto/fabric/v1/procedure.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ProcedureServiceGetRequest as _fabric_v1_ProcedureServiceGetRequest, ProcedureServiceGetRequest__Output as _fabric_v1_ProcedureServiceGetRequest__Output } from '../../fabric/v1/ProcedureServiceGetRequest.js';
import type { ProcedureServiceGetResponse as _fabric_v1_ProcedureServiceGetResponse, ProcedureServiceGetResponse__Output as _fabric_v1_ProcedureServiceGetResponse__Output } from '../../fabric/v1/ProcedureServiceGetResponse.js';
import type { ProcedureServiceListRequest as _fabric_v1_ProcedureServiceListRequest, ProcedureServiceListRequest__Output as _fabric_v1_ProcedureServiceListRequest__Output } from '../../fabric/v1/ProcedureServiceListRequest.js';
import type { ProcedureServiceListResponse as _fabric_v1_ProcedureServiceListResponse, ProcedureServiceListResponse__Output as _fabric_v1_ProcedureServiceListResponse__Output } from '../../fabric/v1/ProcedureServiceListResponse.js';
import type { ProcedureServiceSubmitRequest as _fabric_v1_ProcedureServiceSubmitRequest, ProcedureServiceSubmitRequest__Output as _fabric_v1_ProcedureServiceSubmitRequest__Output } from '../../fabric/v1/ProcedureServiceSubmitRequest.js';
import type { ProcedureServiceSubmitResponse as _fabric_v1_ProcedureServiceSubmitResponse, ProcedureServiceSubmitResponse__Output as _fabric_v1_ProcedureServiceSubmitResponse__Output } from '../../fabric/v1/ProcedureServiceSubmitResponse.js';
import type { ProcedureServiceWaitRequest as _fabric_v1_ProcedureServiceWaitRequest, ProcedureServiceWaitRequest__Output as _fabric_v1_ProcedureServiceWaitRequest__Output } from '../../fabric/v1/ProcedureServiceWaitRequest.js';
import type { ProcedureServiceWaitResponse as _fabric_v1_ProcedureServiceWaitResponse, ProcedureServiceWaitResponse__Output as _fabric_v1_ProcedureServiceWaitResponse__Output } from '../../fabric/v1/ProcedureServiceWaitResponse.js';

export interface ProcedureServiceClient extends grpc.Client {
  Get(argument: _fabric_v1_ProcedureServiceGetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceGetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _fabric_v1_ProcedureServiceGetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceGetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _fabric_v1_ProcedureServiceGetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceGetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _fabric_v1_ProcedureServiceGetRequest, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceGetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _fabric_v1_ProcedureServiceGetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceGetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _fabric_v1_ProcedureServiceGetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceGetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _fabric_v1_ProcedureServiceGetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceGetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _fabric_v1_ProcedureServiceGetRequest, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceGetResponse__Output>): grpc.ClientUnaryCall;
  
  List(argument: _fabric_v1_ProcedureServiceListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceListResponse__Output>): grpc.ClientUnaryCall;
  List(argument: _fabric_v1_ProcedureServiceListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceListResponse__Output>): grpc.ClientUnaryCall;
  List(argument: _fabric_v1_ProcedureServiceListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceListResponse__Output>): grpc.ClientUnaryCall;
  List(argument: _fabric_v1_ProcedureServiceListRequest, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceListResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _fabric_v1_ProcedureServiceListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceListResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _fabric_v1_ProcedureServiceListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceListResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _fabric_v1_ProcedureServiceListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceListResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _fabric_v1_ProcedureServiceListRequest, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceListResponse__Output>): grpc.ClientUnaryCall;
  
  Submit(argument: _fabric_v1_ProcedureServiceSubmitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceSubmitResponse__Output>): grpc.ClientUnaryCall;
  Submit(argument: _fabric_v1_ProcedureServiceSubmitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceSubmitResponse__Output>): grpc.ClientUnaryCall;
  Submit(argument: _fabric_v1_ProcedureServiceSubmitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceSubmitResponse__Output>): grpc.ClientUnaryCall;
  Submit(argument: _fabric_v1_ProcedureServiceSubmitRequest, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceSubmitResponse__Output>): grpc.ClientUnaryCall;
  submit(argument: _fabric_v1_ProcedureServiceSubmitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceSubmitResponse__Output>): grpc.ClientUnaryCall;
  submit(argument: _fabric_v1_ProcedureServiceSubmitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceSubmitResponse__Output>): grpc.ClientUnaryCall;
  submit(argument: _fabric_v1_ProcedureServiceSubmitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceSubmitResponse__Output>): grpc.ClientUnaryCall;
  submit(argument: _fabric_v1_ProcedureServiceSubmitRequest, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceSubmitResponse__Output>): grpc.ClientUnaryCall;
  
  Wait(argument: _fabric_v1_ProcedureServiceWaitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceWaitResponse__Output>): grpc.ClientUnaryCall;
  Wait(argument: _fabric_v1_ProcedureServiceWaitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceWaitResponse__Output>): grpc.ClientUnaryCall;
  Wait(argument: _fabric_v1_ProcedureServiceWaitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceWaitResponse__Output>): grpc.ClientUnaryCall;
  Wait(argument: _fabric_v1_ProcedureServiceWaitRequest, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceWaitResponse__Output>): grpc.ClientUnaryCall;
  wait(argument: _fabric_v1_ProcedureServiceWaitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceWaitResponse__Output>): grpc.ClientUnaryCall;
  wait(argument: _fabric_v1_ProcedureServiceWaitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceWaitResponse__Output>): grpc.ClientUnaryCall;
  wait(argument: _fabric_v1_ProcedureServiceWaitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceWaitResponse__Output>): grpc.ClientUnaryCall;
  wait(argument: _fabric_v1_ProcedureServiceWaitRequest, callback: grpc.requestCallback<_fabric_v1_ProcedureServiceWaitResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface ProcedureServiceHandlers extends grpc.UntypedServiceImplementation {
  Get: grpc.handleUnaryCall<_fabric_v1_ProcedureServiceGetRequest__Output, _fabric_v1_ProcedureServiceGetResponse>;
  
  List: grpc.handleUnaryCall<_fabric_v1_ProcedureServiceListRequest__Output, _fabric_v1_ProcedureServiceListResponse>;
  
  Submit: grpc.handleUnaryCall<_fabric_v1_ProcedureServiceSubmitRequest__Output, _fabric_v1_ProcedureServiceSubmitResponse>;
  
  Wait: grpc.handleUnaryCall<_fabric_v1_ProcedureServiceWaitRequest__Output, _fabric_v1_ProcedureServiceWaitResponse>;
  
}

export interface ProcedureServiceDefinition extends grpc.ServiceDefinition {
  Get: MethodDefinition<_fabric_v1_ProcedureServiceGetRequest, _fabric_v1_ProcedureServiceGetResponse, _fabric_v1_ProcedureServiceGetRequest__Output, _fabric_v1_ProcedureServiceGetResponse__Output>
  List: MethodDefinition<_fabric_v1_ProcedureServiceListRequest, _fabric_v1_ProcedureServiceListResponse, _fabric_v1_ProcedureServiceListRequest__Output, _fabric_v1_ProcedureServiceListResponse__Output>
  Submit: MethodDefinition<_fabric_v1_ProcedureServiceSubmitRequest, _fabric_v1_ProcedureServiceSubmitResponse, _fabric_v1_ProcedureServiceSubmitRequest__Output, _fabric_v1_ProcedureServiceSubmitResponse__Output>
  Wait: MethodDefinition<_fabric_v1_ProcedureServiceWaitRequest, _fabric_v1_ProcedureServiceWaitResponse, _fabric_v1_ProcedureServiceWaitRequest__Output, _fabric_v1_ProcedureServiceWaitResponse__Output>
}
