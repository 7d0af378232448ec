// Original file: proto/fabric/v1/kv.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetRequest as _fabric_v1_GetRequest, GetRequest__Output as _fabric_v1_GetRequest__Output } from '../../fabric/v1/GetRequest.js';
import type { GetResponse as _fabric_v1_GetResponse, GetResponse__Output as _fabric_v1_GetResponse__Output } from '../../fabric/v1/GetResponse.js';
import type { PutRequest as _fabric_v1_PutRequest, PutRequest__Output as _fabric_v1_PutRequest__Output } from '../../fabric/v1/PutRequest.js';
import type { PutResponse as _fabric_v1_PutResponse, PutResponse__Output as _fabric_v1_PutResponse__Output } from '../../fabric/v1/PutResponse.js';

export interface KvServiceClient extends grpc.Client {
  Get(argument: _fabric_v1_GetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _fabric_v1_GetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _fabric_v1_GetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  Get(argument: _fabric_v1_GetRequest, callback: grpc.requestCallback<_fabric_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _fabric_v1_GetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _fabric_v1_GetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _fabric_v1_GetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  get(argument: _fabric_v1_GetRequest, callback: grpc.requestCallback<_fabric_v1_GetResponse__Output>): grpc.ClientUnaryCall;
  
  Put(argument: _fabric_v1_PutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  Put(argument: _fabric_v1_PutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  Put(argument: _fabric_v1_PutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  Put(argument: _fabric_v1_PutRequest, callback: grpc.requestCallback<_fabric_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  put(argument: _fabric_v1_PutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  put(argument: _fabric_v1_PutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  put(argument: _fabric_v1_PutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  put(argument: _fabric_v1_PutRequest, callback: grpc.requestCallback<_fabric_v1_PutResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface KvServiceHandlers extends grpc.UntypedServiceImplementation {
  Get: grpc.handleUnaryCall<_fabric_v1_GetRequest__Output, _fabric_v1_GetResponse>;
  
  Put: grpc.handleUnaryCall<_fabric_v1_PutRequest__Output, _fabric_v1_PutResponse>;
  
}

export interface KvServiceDefinition extends grpc.ServiceDefinition {
  Get: MethodDefinition<_fabric_v1_GetRequest, _fabric_v1_GetResponse, _fabric_v1_GetRequest__Output, _fabric_v1_GetResponse__Output>
  Put: MethodDefinition<_fabric_v1_PutRequest, _fabric_v1_PutResponse, _fabric_v1_PutRequest__Output, _fabric_v1_PutResponse__Output>
}
