// Original file: proto/fabric/v1/cluster.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddNodeRequest as _fabric_v1_AddNodeRequest, AddNodeRequest__Output as _fabric_v1_AddNodeRequest__Output } from '../../fabric/v1/AddNodeRequest.js';
import type { AddNodeResponse as _fabric_v1_AddNodeResponse, AddNodeResponse__Output as _fabric_v1_AddNodeResponse__Output } from '../../fabric/v1/AddNodeResponse.js';
import type { RemoveNodeRequest as _fabric_v1_RemoveNodeRequest, RemoveNodeRequest__Output as _fabric_v1_RemoveNodeRequest__Output } from '../../fabric/v1/RemoveNodeRequest.js';
import type { RemoveNodeResponse as _fabric_v1_RemoveNodeResponse, RemoveNodeResponse__Output as _fabric_v1_RemoveNodeResponse__Output } from '../../fabric/v1/RemoveNodeResponse.js';
import type { StatusRequest as _fabric_v1_StatusRequest, StatusRequest__Output as _fabric_v1_StatusRequest__Output } from '../../fabric/v1/StatusRequest.js';
import type { StatusResponse as _fabric_v1_StatusResponse, StatusResponse__Output as _fabric_v1_StatusResponse__Output } from '../../fabric/v1/StatusResponse.js';
import type { TransferLeadershipRequest as _fabric_v1_TransferLeadershipRequest, TransferLeadershipRequest__Output as _fabric_v1_TransferLeadershipRequest__Output } from '../../fabric/v1/TransferLeadershipRequest.js';
import type { TransferLeadershipResponse as _fabric_v1_TransferLeadershipResponse, TransferLeadershipResponse__Output as _fabric_v1_TransferLeadershipResponse__Output } from '../../fabric/v1/TransferLeadershipResponse.js';

export interface ClusterServiceClient extends grpc.Client {
  AddNode(argument: _fabric_v1_AddNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_AddNodeResponse__Output>): grpc.ClientUnaryCall;
  AddNode(argument: _fabric_v1_AddNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_AddNodeResponse__Output>): grpc.ClientUnaryCall;
  AddNode(argument: _fabric_v1_AddNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_AddNodeResponse__Output>): grpc.ClientUnaryCall;
  AddNode(argument: _fabric_v1_AddNodeRequest, callback: grpc.requestCallback<_fabric_v1_AddNodeResponse__Output>): grpc.ClientUnaryCall;
  addNode(argument: _fabric_v1_AddNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_AddNodeResponse__Output>): grpc.ClientUnaryCall;
  addNode(argument: _fabric_v1_AddNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_AddNodeResponse__Output>): grpc.ClientUnaryCall;
  addNode(argument: _fabric_v1_AddNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_AddNodeResponse__Output>): grpc.ClientUnaryCall;
  addNode(argument: _fabric_v1_AddNodeRequest, callback: grpc.requestCallback<_fabric_v1_AddNodeResponse__Output>): grpc.ClientUnaryCall;
  
  RemoveNode(argument: _fabric_v1_RemoveNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  RemoveNode(argument: _fabric_v1_RemoveNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  RemoveNode(argument: _fabric_v1_RemoveNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  RemoveNode(argument: _fabric_v1_RemoveNodeRequest, callback: grpc.requestCallback<_fabric_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  removeNode(argument: _fabric_v1_RemoveNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  removeNode(argument: _fabric_v1_RemoveNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  removeNode(argument: _fabric_v1_RemoveNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  removeNode(argument: _fabric_v1_RemoveNodeRequest, callback: grpc.requestCallback<_fabric_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  
  Status(argument: _fabric_v1_StatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  Status(argument: _fabric_v1_StatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  Status(argument: _fabric_v1_StatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  Status(argument: _fabric_v1_StatusRequest, callback: grpc.requestCallback<_fabric_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  status(argument: _fabric_v1_StatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  status(argument: _fabric_v1_StatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  status(argument: _fabric_v1_StatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  status(argument: _fabric_v1_StatusRequest, callback: grpc.requestCallback<_fabric_v1_StatusResponse__Output>): grpc.ClientUnaryCall;
  
  TransferLeadership(argument: _fabric_v1_TransferLeadershipRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  TransferLeadership(argument: _fabric_v1_TransferLeadershipRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  TransferLeadership(argument: _fabric_v1_TransferLeadershipRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  TransferLeadership(argument: _fabric_v1_TransferLeadershipRequest, callback: grpc.requestCallback<_fabric_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  transferLeadership(argument: _fabric_v1_TransferLeadershipRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  transferLeadership(argument: _fabric_v1_TransferLeadershipRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  transferLeadership(argument: _fabric_v1_TransferLeadershipRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  transferLeadership(argument: _fabric_v1_TransferLeadershipRequest, callback: grpc.requestCallback<_fabric_v1_TransferLeadershipResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface ClusterServiceHandlers extends grpc.UntypedServiceImplementation {
  AddNode: grpc.handleUnaryCall<_fabric_v1_AddNodeRequest__Output, _fabric_v1_AddNodeResponse>;
  
  RemoveNode: grpc.handleUnaryCall<_fabric_v1_RemoveNodeRequest__Output, _fabric_v1_RemoveNodeResponse>;
  
  Status: grpc.handleUnaryCall<_fabric_v1_StatusRequest__Output, _fabric_v1_StatusResponse>;
  
  TransferLeadership: grpc.handleUnaryCall<_fabric_v1_TransferLeadershipRequest__Output, _fabric_v1_TransferLeadershipResponse>;
  
}

export interface ClusterServiceDefinition extends grpc.ServiceDefinition {
  AddNode: MethodDefinition<_fabric_v1_AddNodeRequest, _fabric_v1_AddNodeResponse, _fabric_v1_AddNodeRequest__Output, _fabric_v1_AddNodeResponse__Output>
  RemoveNode: MethodDefinition<_fabric_v1_RemoveNodeRequest, _fabric_v1_RemoveNodeResponse, _fabric_v1_RemoveNodeRequest__Output, _fabric_v1_RemoveNodeResponse__Output>
  Status: MethodDefinition<_fabric_v1_StatusRequest, _fabric_v1_StatusResponse, _fabric_v1_StatusRequest__Output, _fabric_v1_StatusResponse__Output>
  TransferLeadership: MethodDefinition<_fabric_v1_TransferLeadershipRequest, _fabric_v1_TransferLeadershipResponse, _fabric_v1_TransferLeadershipRequest__Output, _fabric_v1_TransferLeadershipResponse__Output>
}
