// Original file: proto/fabric/v1/topology.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { TopologyServiceDumpRequest as _fabric_v1_TopologyServiceDumpRequest, TopologyServiceDumpRequest__Output as _fabric_v1_TopologyServiceDumpRequest__Output } from '../../fabric/v1/TopologyServiceDumpRequest.js';
import type { TopologyServiceDumpResponse as _fabric_v1_TopologyServiceDumpResponse, TopologyServiceDumpResponse__Output as _fabric_v1_TopologyServiceDumpResponse__Output } from '../../fabric/v1/TopologyServiceDumpResponse.js';
import type { TopologyServiceLookupServersRequest as _fabric_v1_TopologyServiceLookupServersRequest, TopologyServiceLookupServersRequest__Output as _fabric_v1_TopologyServiceLookupServersRequest__Output } from '../../fabric/v1/TopologyServiceLookupServersRequest.js';
import type { TopologyServiceLookupServersResponse as _fabric_v1_TopologyServiceLookupServersResponse, TopologyServiceLookupServersResponse__Output as _fabric_v1_TopologyServiceLookupServersResponse__Output } from '../../fabric/v1/TopologyServiceLookupServersResponse.js';
import type { TopologyServiceWatchRequest as _fabric_v1_TopologyServiceWatchRequest, TopologyServiceWatchRequest__Output as _fabric_v1_TopologyServiceWatchRequest__Output } from '../../fabric/v1/TopologyServiceWatchRequest.js';
import type { TopologyServiceWatchResponse as _fabric_v1_TopologyServiceWatchResponse, TopologyServiceWatchResponse__Output as _fabric_v1_TopologyServiceWatchResponse__Output } from '../../fabric/v1/TopologyServiceWatchResponse.js';

export interface TopologyServiceClient extends grpc.Client {
  Dump(argument: _fabric_v1_TopologyServiceDumpRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_TopologyServiceDumpResponse__Output>): grpc.ClientUnaryCall;
  Dump(argument: _fabric_v1_TopologyServiceDumpRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_TopologyServiceDumpResponse__Output>): grpc.ClientUnaryCall;
  Dump(argument: _fabric_v1_TopologyServiceDumpRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_TopologyServiceDumpResponse__Output>): grpc.ClientUnaryCall;
  Dump(argument: _fabric_v1_TopologyServiceDumpRequest, callback: grpc.requestCallback<_fabric_v1_TopologyServiceDumpResponse__Output>): grpc.ClientUnaryCall;
  dump(argument: _fabric_v1_TopologyServiceDumpRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_TopologyServiceDumpResponse__Output>): grpc.ClientUnaryCall;
  dump(argument: _fabric_v1_TopologyServiceDumpRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_TopologyServiceDumpResponse__Output>): grpc.ClientUnaryCall;
  dump(argument: _fabric_v1_TopologyServiceDumpRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_TopologyServiceDumpResponse__Output>): grpc.ClientUnaryCall;
  dump(argument: _fabric_v1_TopologyServiceDumpRequest, callback: grpc.requestCallback<_fabric_v1_TopologyServiceDumpResponse__Output>): grpc.ClientUnaryCall;
  
  LookupServers(argument: _fabric_v1_TopologyServiceLookupServersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_TopologyServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  LookupServers(argument: _fabric_v1_TopologyServiceLookupServersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_TopologyServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  LookupServers(argument: _fabric_v1_TopologyServiceLookupServersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_TopologyServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  LookupServers(argument: _fabric_v1_TopologyServiceLookupServersRequest, callback: grpc.requestCallback<_fabric_v1_TopologyServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  lookupServers(argument: _fabric_v1_TopologyServiceLookupServersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_TopologyServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  lookupServers(argument: _fabric_v1_TopologyServiceLookupServersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_TopologyServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  lookupServers(argument: _fabric_v1_TopologyServiceLookupServersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_TopologyServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  lookupServers(argument: _fabric_v1_TopologyServiceLookupServersRequest, callback: grpc.requestCallback<_fabric_v1_TopologyServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  
  Watch(argument: _fabric_v1_TopologyServiceWatchRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_fabric_v1_TopologyServiceWatchResponse__Output>;
  Watch(argument: _fabric_v1_TopologyServiceWatchRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_fabric_v1_TopologyServiceWatchResponse__Output>;
  watch(argument: _fabric_v1_TopologyServiceWatchRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_fabric_v1_TopologyServiceWatchResponse__Output>;
  watch(argument: _fabric_v1_TopologyServiceWatchRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_fabric_v1_TopologyServiceWatchResponse__Output>;
  
}

export interface TopologyServiceHandlers extends grpc.UntypedServiceImplementation {
  Dump: grpc.handleUnaryCall<_fabric_v1_TopologyServiceDumpRequest__Output, _fabric_v1_TopologyServiceDumpResponse>;
  
  LookupServers: grpc.handleUnaryCall<_fabric_v1_TopologyServiceLookupServersRequest__Output, _fabric_v1_TopologyServiceLookupServersResponse>;
  
  Watch: grpc.handleServerStreamingCall<_fabric_v1_TopologyServiceWatchRequest__Output, _fabric_v1_TopologyServiceWatchResponse>;
  
}

export interface TopologyServiceDefinition extends grpc.ServiceDefinition {
  Dump: MethodDefinition<_fabric_v1_TopologyServiceDumpRequest, _fabric_v1_TopologyServiceDumpResponse, _fabric_v1_TopologyServiceDumpRequest__Output, _fabric_v1_TopologyServiceDumpResponse__Output>
  LookupServers: MethodDefinition<_fabric_v1_TopologyServiceLookupServersRequest, _fabric_v1_TopologyServiceLookupServersResponse, _fabric_v1_TopologyServiceLookupServersRequest__Output, _fabric_v1_TopologyServiceLookupServersResponse__Output>
  Watch: MethodDefinition<_fabric_v1_TopologyServiceWatchRequest, _fabric_v1_TopologyServiceWatchResponse, _fabric_v1_TopologyServiceWatchRequest__Output, _fabric_v1_TopologyServiceWatchResponse__Output>
}
