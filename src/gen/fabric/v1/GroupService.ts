// Original file: proto/fabric/v1/group.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GroupServiceActivateRequest as _fabric_v1_GroupServiceActivateRequest, GroupServiceActivateRequest__Output as _fabric_v1_GroupServiceActivateRequest__Output } from '../../fabric/v1/GroupServiceActivateRequest.js';
import type { GroupServiceActivateResponse as _fabric_v1_GroupServiceActivateResponse, GroupServiceActivateResponse__Output as _fabric_v1_GroupServiceActivateResponse__Output } from '../../fabric/v1/GroupServiceActivateResponse.js';
import type { GroupServiceAddRequest as _fabric_v1_GroupServiceAddRequest, GroupServiceAddRequest__Output as _fabric_v1_GroupServiceAddRequest__Output } from '../../fabric/v1/GroupServiceAddRequest.js';
import type { GroupServiceAddResponse as _fabric_v1_GroupServiceAddResponse, GroupServiceAddResponse__Output as _fabric_v1_GroupServiceAddResponse__Output } from '../../fabric/v1/GroupServiceAddResponse.js';
import type { GroupServiceCreateRequest as _fabric_v1_GroupServiceCreateRequest, GroupServiceCreateRequest__Output as _fabric_v1_GroupServiceCreateRequest__Output } from '../../fabric/v1/GroupServiceCreateRequest.js';
import type { GroupServiceCreateResponse as _fabric_v1_GroupServiceCreateResponse, GroupServiceCreateResponse__Output as _fabric_v1_GroupServiceCreateResponse__Output } from '../../fabric/v1/GroupServiceCreateResponse.js';
import type { GroupServiceDeactivateRequest as _fabric_v1_GroupServiceDeactivateRequest, GroupServiceDeactivateRequest__Output as _fabric_v1_GroupServiceDeactivateRequest__Output } from '../../fabric/v1/GroupServiceDeactivateRequest.js';
import type { GroupServiceDeactivateResponse as _fabric_v1_GroupServiceDeactivateResponse, GroupServiceDeactivateResponse__Output as _fabric_v1_GroupServiceDeactivateResponse__Output } from '../../fabric/v1/GroupServiceDeactivateResponse.js';
import type { GroupServiceDemoteRequest as _fabric_v1_GroupServiceDemoteRequest, GroupServiceDemoteRequest__Output as _fabric_v1_GroupServiceDemoteRequest__Output } from '../../fabric/v1/GroupServiceDemoteRequest.js';
import type { GroupServiceDemoteResponse as _fabric_v1_GroupServiceDemoteResponse, GroupServiceDemoteResponse__Output as _fabric_v1_GroupServiceDemoteResponse__Output } from '../../fabric/v1/GroupServiceDemoteResponse.js';
import type { GroupServiceDestroyRequest as _fabric_v1_GroupServiceDestroyRequest, GroupServiceDestroyRequest__Output as _fabric_v1_GroupServiceDestroyRequest__Output } from '../../fabric/v1/GroupServiceDestroyRequest.js';
import type { GroupServiceDestroyResponse as _fabric_v1_GroupServiceDestroyResponse, GroupServiceDestroyResponse__Output as _fabric_v1_GroupServiceDestroyResponse__Output } from '../../fabric/v1/GroupServiceDestroyResponse.js';
import type { GroupServiceHealthRequest as _fabric_v1_GroupServiceHealthRequest, GroupServiceHealthRequest__Output as _fabric_v1_GroupServiceHealthRequest__Output } from '../../fabric/v1/GroupServiceHealthRequest.js';
import type { GroupServiceHealthResponse as _fabric_v1_GroupServiceHealthResponse, GroupServiceHealthResponse__Output as _fabric_v1_GroupServiceHealthResponse__Output } from '../../fabric/v1/GroupServiceHealthResponse.js';
import type { GroupServiceLookupGroupsRequest as _fabric_v1_GroupServiceLookupGroupsRequest, GroupServiceLookupGroupsRequest__Output as _fabric_v1_GroupServiceLookupGroupsRequest__Output } from '../../fabric/v1/GroupServiceLookupGroupsRequest.js';
import type { GroupServiceLookupGroupsResponse as _fabric_v1_GroupServiceLookupGroupsResponse, GroupServiceLookupGroupsResponse__Output as _fabric_v1_GroupServiceLookupGroupsResponse__Output } from '../../fabric/v1/GroupServiceLookupGroupsResponse.js';
import type { GroupServiceLookupServersRequest as _fabric_v1_GroupServiceLookupServersRequest, GroupServiceLookupServersRequest__Output as _fabric_v1_GroupServiceLookupServersRequest__Output } from '../../fabric/v1/GroupServiceLookupServersRequest.js';
import type { GroupServiceLookupServersResponse as _fabric_v1_GroupServiceLookupServersResponse, GroupServiceLookupServersResponse__Output as _fabric_v1_GroupServiceLookupServersResponse__Output } from '../../fabric/v1/GroupServiceLookupServersResponse.js';
import type { GroupServicePromoteRequest as _fabric_v1_GroupServicePromoteRequest, GroupServicePromoteRequest__Output as _fabric_v1_GroupServicePromoteRequest__Output } from '../../fabric/v1/GroupServicePromoteRequest.js';
import type { GroupServicePromoteResponse as _fabric_v1_GroupServicePromoteResponse, GroupServicePromoteResponse__Output as _fabric_v1_GroupServicePromoteResponse__Output } from '../../fabric/v1/GroupServicePromoteResponse.js';
import type { GroupServiceRemoveRequest as _fabric_v1_GroupServiceRemoveRequest, GroupServiceRemoveRequest__Output as _fabric_v1_GroupServiceRemoveRequest__Output } from '../../fabric/v1/GroupServiceRemoveRequest.js';
import type { GroupServiceRemoveResponse as _fabric_v1_GroupServiceRemoveResponse, GroupServiceRemoveResponse__Output as _fabric_v1_GroupServiceRemoveResponse__Output } from '../../fabric/v1/GroupServiceRemoveResponse.js';
import type { GroupServiceSetDescriptionRequest as _fabric_v1_GroupServiceSetDescriptionRequest, GroupServiceSetDescriptionRequest__Output as _fabric_v1_GroupServiceSetDescriptionRequest__Output } from '../../fabric/v1/GroupServiceSetDescriptionRequest.js';
import type { GroupServiceSetDescriptionResponse as _fabric_v1_GroupServiceSetDescriptionResponse, GroupServiceSetDescriptionResponse__Output as _fabric_v1_GroupServiceSetDescriptionResponse__Output } from '../../fabric/v1/GroupServiceSetDescriptionResponse.js';

export interface GroupServiceClient extends grpc.Client {
  Activate(argument: _fabric_v1_GroupServiceActivateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceActivateResponse__Output>): grpc.ClientUnaryCall;
  Activate(argument: _fabric_v1_GroupServiceActivateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceActivateResponse__Output>): grpc.ClientUnaryCall;
  Activate(argument: _fabric_v1_GroupServiceActivateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceActivateResponse__Output>): grpc.ClientUnaryCall;
  Activate(argument: _fabric_v1_GroupServiceActivateRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceActivateResponse__Output>): grpc.ClientUnaryCall;
  activate(argument: _fabric_v1_GroupServiceActivateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceActivateResponse__Output>): grpc.ClientUnaryCall;
  activate(argument: _fabric_v1_GroupServiceActivateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceActivateResponse__Output>): grpc.ClientUnaryCall;
  activate(argument: _fabric_v1_GroupServiceActivateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceActivateResponse__Output>): grpc.ClientUnaryCall;
  activate(argument: _fabric_v1_GroupServiceActivateRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceActivateResponse__Output>): grpc.ClientUnaryCall;
  
  Add(argument: _fabric_v1_GroupServiceAddRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceAddResponse__Output>): grpc.ClientUnaryCall;
  Add(argument: _fabric_v1_GroupServiceAddRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceAddResponse__Output>): grpc.ClientUnaryCall;
  Add(argument: _fabric_v1_GroupServiceAddRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceAddResponse__Output>): grpc.ClientUnaryCall;
  Add(argument: _fabric_v1_GroupServiceAddRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceAddResponse__Output>): grpc.ClientUnaryCall;
  add(argument: _fabric_v1_GroupServiceAddRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceAddResponse__Output>): grpc.ClientUnaryCall;
  add(argument: _fabric_v1_GroupServiceAddRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceAddResponse__Output>): grpc.ClientUnaryCall;
  add(argument: _fabric_v1_GroupServiceAddRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceAddResponse__Output>): grpc.ClientUnaryCall;
  add(argument: _fabric_v1_GroupServiceAddRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceAddResponse__Output>): grpc.ClientUnaryCall;
  
  Create(argument: _fabric_v1_GroupServiceCreateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceCreateResponse__Output>): grpc.ClientUnaryCall;
  Create(argument: _fabric_v1_GroupServiceCreateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceCreateResponse__Output>): grpc.ClientUnaryCall;
  Create(argument: _fabric_v1_GroupServiceCreateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceCreateResponse__Output>): grpc.ClientUnaryCall;
  Create(argument: _fabric_v1_GroupServiceCreateRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceCreateResponse__Output>): grpc.ClientUnaryCall;
  create(argument: _fabric_v1_GroupServiceCreateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceCreateResponse__Output>): grpc.ClientUnaryCall;
  create(argument: _fabric_v1_GroupServiceCreateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceCreateResponse__Output>): grpc.ClientUnaryCall;
  create(argument: _fabric_v1_GroupServiceCreateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceCreateResponse__Output>): grpc.ClientUnaryCall;
  create(argument: _fabric_v1_GroupServiceCreateRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceCreateResponse__Output>): grpc.ClientUnaryCall;
  
  Deactivate(argument: _fabric_v1_GroupServiceDeactivateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceDeactivateResponse__Output>): grpc.ClientUnaryCall;
  Deactivate(argument: _fabric_v1_GroupServiceDeactivateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceDeactivateResponse__Output>): grpc.ClientUnaryCall;
  Deactivate(argument: _fabric_v1_GroupServiceDeactivateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceDeactivateResponse__Output>): grpc.ClientUnaryCall;
  Deactivate(argument: _fabric_v1_GroupServiceDeactivateRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceDeactivateResponse__Output>): grpc.ClientUnaryCall;
  deactivate(argument: _fabric_v1_GroupServiceDeactivateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceDeactivateResponse__Output>): grpc.ClientUnaryCall;
  deactivate(argument: _fabric_v1_GroupServiceDeactivateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceDeactivateResponse__Output>): grpc.ClientUnaryCall;
  deactivate(argument: _fabric_v1_GroupServiceDeactivateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceDeactivateResponse__Output>): grpc.ClientUnaryCall;
  deactivate(argument: _fabric_v1_GroupServiceDeactivateRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceDeactivateResponse__Output>): grpc.ClientUnaryCall;
  
  Demote(argument: _fabric_v1_GroupServiceDemoteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceDemoteResponse__Output>): grpc.ClientUnaryCall;
  Demote(argument: _fabric_v1_GroupServiceDemoteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceDemoteResponse__Output>): grpc.ClientUnaryCall;
  Demote(argument: _fabric_v1_GroupServiceDemoteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceDemoteResponse__Output>): grpc.ClientUnaryCall;
  Demote(argument: _fabric_v1_GroupServiceDemoteRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceDemoteResponse__Output>): grpc.ClientUnaryCall;
  demote(argument: _fabric_v1_GroupServiceDemoteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceDemoteResponse__Output>): grpc.ClientUnaryCall;
  demote(argument: _fabric_v1_GroupServiceDemoteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceDemoteResponse__Output>): grpc.ClientUnaryCall;
  demote(argument: _fabric_v1_GroupServiceDemoteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceDemoteResponse__Output>): grpc.ClientUnaryCall;
  demote(argument: _fabric_v1_GroupServiceDemoteRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceDemoteResponse__Output>): grpc.ClientUnaryCall;
  
  Destroy(argument: _fabric_v1_GroupServiceDestroyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceDestroyResponse__Output>): grpc.ClientUnaryCall;
  Destroy(argument: _fabric_v1_GroupServiceDestroyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceDestroyResponse__Output>): grpc.ClientUnaryCall;
  Destroy(argument: _fabric_v1_GroupServiceDestroyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceDestroyResponse__Output>): grpc.ClientUnaryCall;
  Destroy(argument: _fabric_v1_GroupServiceDestroyRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceDestroyResponse__Output>): grpc.ClientUnaryCall;
  destroy(argument: _fabric_v1_GroupServiceDestroyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceDestroyResponse__Output>): grpc.ClientUnaryCall;
  destroy(argument: _fabric_v1_GroupServiceDestroyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceDestroyResponse__Output>): grpc.ClientUnaryCall;
  destroy(argument: _fabric_v1_GroupServiceDestroyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceDestroyResponse__Output>): grpc.ClientUnaryCall;
  destroy(argument: _fabric_v1_GroupServiceDestroyRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceDestroyResponse__Output>): grpc.ClientUnaryCall;
  
  Health(argument: _fabric_v1_GroupServiceHealthRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceHealthResponse__Output>): grpc.ClientUnaryCall;
  Health(argument: _fabric_v1_GroupServiceHealthRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceHealthResponse__Output>): grpc.ClientUnaryCall;
  Health(argument: _fabric_v1_GroupServiceHealthRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceHealthResponse__Output>): grpc.ClientUnaryCall;
  Health(argument: _fabric_v1_GroupServiceHealthRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceHealthResponse__Output>): grpc.ClientUnaryCall;
  health(argument: _fabric_v1_GroupServiceHealthRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceHealthResponse__Output>): grpc.ClientUnaryCall;
  health(argument: _fabric_v1_GroupServiceHealthRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceHealthResponse__Output>): grpc.ClientUnaryCall;
  health(argument: _fabric_v1_GroupServiceHealthRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceHealthResponse__Output>): grpc.ClientUnaryCall;
  health(argument: _fabric_v1_GroupServiceHealthRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceHealthResponse__Output>): grpc.ClientUnaryCall;
  
  LookupGroups(argument: _fabric_v1_GroupServiceLookupGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupGroupsResponse__Output>): grpc.ClientUnaryCall;
  LookupGroups(argument: _fabric_v1_GroupServiceLookupGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupGroupsResponse__Output>): grpc.ClientUnaryCall;
  LookupGroups(argument: _fabric_v1_GroupServiceLookupGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupGroupsResponse__Output>): grpc.ClientUnaryCall;
  LookupGroups(argument: _fabric_v1_GroupServiceLookupGroupsRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupGroupsResponse__Output>): grpc.ClientUnaryCall;
  lookupGroups(argument: _fabric_v1_GroupServiceLookupGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupGroupsResponse__Output>): grpc.ClientUnaryCall;
  lookupGroups(argument: _fabric_v1_GroupServiceLookupGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupGroupsResponse__Output>): grpc.ClientUnaryCall;
  lookupGroups(argument: _fabric_v1_GroupServiceLookupGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupGroupsResponse__Output>): grpc.ClientUnaryCall;
  lookupGroups(argument: _fabric_v1_GroupServiceLookupGroupsRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  LookupServers(argument: _fabric_v1_GroupServiceLookupServersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  LookupServers(argument: _fabric_v1_GroupServiceLookupServersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  LookupServers(argument: _fabric_v1_GroupServiceLookupServersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  LookupServers(argument: _fabric_v1_GroupServiceLookupServersRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  lookupServers(argument: _fabric_v1_GroupServiceLookupServersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  lookupServers(argument: _fabric_v1_GroupServiceLookupServersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  lookupServers(argument: _fabric_v1_GroupServiceLookupServersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  lookupServers(argument: _fabric_v1_GroupServiceLookupServersRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  
  Promote(argument: _fabric_v1_GroupServicePromoteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServicePromoteResponse__Output>): grpc.ClientUnaryCall;
  Promote(argument: _fabric_v1_GroupServicePromoteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServicePromoteResponse__Output>): grpc.ClientUnaryCall;
  Promote(argument: _fabric_v1_GroupServicePromoteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServicePromoteResponse__Output>): grpc.ClientUnaryCall;
  Promote(argument: _fabric_v1_GroupServicePromoteRequest, callback: grpc.requestCallback<_fabric_v1_GroupServicePromoteResponse__Output>): grpc.ClientUnaryCall;
  promote(argument: _fabric_v1_GroupServicePromoteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServicePromoteResponse__Output>): grpc.ClientUnaryCall;
  promote(argument: _fabric_v1_GroupServicePromoteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServicePromoteResponse__Output>): grpc.ClientUnaryCall;
  promote(argument: _fabric_v1_GroupServicePromoteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServicePromoteResponse__Output>): grpc.ClientUnaryCall;
  promote(argument: _fabric_v1_GroupServicePromoteRequest, callback: grpc.requestCallback<_fabric_v1_GroupServicePromoteResponse__Output>): grpc.ClientUnaryCall;
  
  Remove(argument: _fabric_v1_GroupServiceRemoveRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceRemoveResponse__Output>): grpc.ClientUnaryCall;
  Remove(argument: _fabric_v1_GroupServiceRemoveRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceRemoveResponse__Output>): grpc.ClientUnaryCall;
  Remove(argument: _fabric_v1_GroupServiceRemoveRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceRemoveResponse__Output>): grpc.ClientUnaryCall;
  Remove(argument: _fabric_v1_GroupServiceRemoveRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceRemoveResponse__Output>): grpc.ClientUnaryCall;
  remove(argument: _fabric_v1_GroupServiceRemoveRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceRemoveResponse__Output>): grpc.ClientUnaryCall;
  remove(argument: _fabric_v1_GroupServiceRemoveRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceRemoveResponse__Output>): grpc.ClientUnaryCall;
  remove(argument: _fabric_v1_GroupServiceRemoveRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceRemoveResponse__Output>): grpc.ClientUnaryCall;
  remove(argument: _fabric_v1_GroupServiceRemoveRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceRemoveResponse__Output>): grpc.ClientUnaryCall;
  
  SetDescription(argument: _fabric_v1_GroupServiceSetDescriptionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceSetDescriptionResponse__Output>): grpc.ClientUnaryCall;
  SetDescription(argument: _fabric_v1_GroupServiceSetDescriptionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceSetDescriptionResponse__Output>): grpc.ClientUnaryCall;
  SetDescription(argument: _fabric_v1_GroupServiceSetDescriptionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceSetDescriptionResponse__Output>): grpc.ClientUnaryCall;
  SetDescription(argument: _fabric_v1_GroupServiceSetDescriptionRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceSetDescriptionResponse__Output>): grpc.ClientUnaryCall;
  setDescription(argument: _fabric_v1_GroupServiceSetDescriptionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceSetDescriptionResponse__Output>): grpc.ClientUnaryCall;
  setDescription(argument: _fabric_v1_GroupServiceSetDescriptionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_GroupServiceSetDescriptionResponse__Output>): grpc.ClientUnaryCall;
  setDescription(argument: _fabric_v1_GroupServiceSetDescriptionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_GroupServiceSetDescriptionResponse__Output>): grpc.ClientUnaryCall;
  setDescription(argument: _fabric_v1_GroupServiceSetDescriptionRequest, callback: grpc.requestCallback<_fabric_v1_GroupServiceSetDescriptionResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface GroupServiceHandlers extends grpc.UntypedServiceImplementation {
  Activate: grpc.handleUnaryCall<_fabric_v1_GroupServiceActivateRequest__Output, _fabric_v1_GroupServiceActivateResponse>;
  
  Add: grpc.handleUnaryCall<_fabric_v1_GroupServiceAddRequest__Output, _fabric_v1_GroupServiceAddResponse>;
  
  Create: grpc.handleUnaryCall<_fabric_v1_GroupServiceCreateRequest__Output, _fabric_v1_GroupServiceCreateResponse>;
  
  Deactivate: grpc.handleUnaryCall<_fabric_v1_GroupServiceDeactivateRequest__Output, _fabric_v1_GroupServiceDeactivateResponse>;
  
  Demote: grpc.handleUnaryCall<_fabric_v1_GroupServiceDemoteRequest__Output, _fabric_v1_GroupServiceDemoteResponse>;
  
  Destroy: grpc.handleUnaryCall<_fabric_v1_GroupServiceDestroyRequest__Output, _fabric_v1_GroupServiceDestroyResponse>;
  
  Health: grpc.handleUnaryCall<_fabric_v1_GroupServiceHealthRequest__Output, _fabric_v1_GroupServiceHealthResponse>;
  
  LookupGroups: grpc.handleUnaryCall<_fabric_v1_GroupServiceLookupGroupsRequest__Output, _fabric_v1_GroupServiceLookupGroupsResponse>;
  
  LookupServers: grpc.handleUnaryCall<_fabric_v1_GroupServiceLookupServersRequest__Output, _fabric_v1_GroupServiceLookupServersResponse>;
  
  Promote: grpc.handleUnaryCall<_fabric_v1_GroupServicePromoteRequest__Output, _fabric_v1_GroupServicePromoteResponse>;
  
  Remove: grpc.handleUnaryCall<_fabric_v1_GroupServiceRemoveRequest__Output, _fabric_v1_GroupServiceRemoveResponse>;
  
  SetDescription: grpc.handleUnaryCall<_fabric_v1_GroupServiceSetDescriptionRequest__Output, _fabric_v1_GroupServiceSetDescriptionResponse>;
  
}

export interface GroupServiceDefinition extends grpc.ServiceDefinition {
  Activate: MethodDefinition<_fabric_v1_GroupServiceActivateRequest, _fabric_v1_GroupServiceActivateResponse, _fabric_v1_GroupServiceActivateRequest__Output, _fabric_v1_GroupServiceActivateResponse__Output>
  Add: MethodDefinition<_fabric_v1_GroupServiceAddRequest, _fabric_v1_GroupServiceAddResponse, _fabric_v1_GroupServiceAddRequest__Output, _fabric_v1_GroupServiceAddResponse__Output>
  Create: MethodDefinition<_fabric_v1_GroupServiceCreateRequest, _fabric_v1_GroupServiceCreateResponse, _fabric_v1_GroupServiceCreateRequest__Output, _fabric_v1_GroupServiceCreateResponse__Output>
  Deactivate: MethodDefinition<_fabric_v1_GroupServiceDeactivateRequest, _fabric_v1_GroupServiceDeactivateResponse, _fabric_v1_GroupServiceDeactivateRequest__Output, _fabric_v1_GroupServiceDeactivateResponse__Output>
  Demote: MethodDefinition<_fabric_v1_GroupServiceDemoteRequest, _fabric_v1_GroupServiceDemoteResponse, _fabric_v1_GroupServiceDemoteRequest__Output, _fabric_v1_GroupServiceDemoteResponse__Output>
  Destroy: MethodDefinition<_fabric_v1_GroupServiceDestroyRequest, _fabric_v1_GroupServiceDestroyResponse, _fabric_v1_GroupServiceDestroyRequest__Output, _fabric_v1_GroupServiceDestroyResponse__Output>
  Health: MethodDefinition<_fabric_v1_GroupServiceHealthRequest, _fabric_v1_GroupServiceHealthResponse, _fabric_v1_GroupServiceHealthRequest__Output, _fabric_v1_GroupServiceHealthResponse__Output>
  LookupGroups: MethodDefinition<_fabric_v1_GroupServiceLookupGroupsRequest, _fabric_v1_GroupServiceLookupGroupsResponse, _fabric_v1_GroupServiceLookupGroupsRequest__Output, _fabric_v1_GroupServiceLookupGroupsResponse__Output>
  LookupServers: MethodDefinition<_fabric_v1_GroupServiceLookupServersRequest, _fabric_v1_GroupServiceLookupServersResponse, _fabric_v1_GroupServiceLookupServersRequest__Output, _fabric_v1_GroupServiceLookupServersResponse__Output>
  Promote: MethodDefinition<_fabric_v1_GroupServicePromoteRequest, _fabric_v1_GroupServicePromoteResponse, _fabric_v1_GroupServicePromoteRequest__Output, _fabric_v1_GroupServicePromoteResponse__Output>
  Remove: MethodDefinition<_fabric_v1_GroupServiceRemoveRequest, _fabric_v1_GroupServiceRemoveResponse, _fabric_v1_GroupServiceRemoveRequest__Output, _fabric_v1_GroupServiceRemoveResponse__Output>
  SetDescription: MethodDefinition<_fabric_v1_GroupServiceSetDescriptionRequest, _fabric_v1_GroupServiceSetDescriptionResponse, _fabric_v1_GroupServiceSetDescriptionRequest__Output, _fabric_v1_GroupServiceSetDescriptionResponse__Output>
}
