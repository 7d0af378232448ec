import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { GlobalLink as _fabric_v1_GlobalLink, GlobalLink__Output as _fabric_v1_GlobalLink__Output } from './fabric/v1/GlobalLink.js';
import type { Group as _fabric_v1_Group, Group__Output as _fabric_v1_Group__Output } from './fabric/v1/Group.js';
import type { GroupServiceClient as _fabric_v1_GroupServiceClient, GroupServiceDefinition as _fabric_v1_GroupServiceDefinition } from './fabric/v1/GroupService.js';
import type { GroupServiceActivateRequest as _fabric_v1_GroupServiceActivateRequest, GroupServiceActivateRequest__Output as _fabric_v1_GroupServiceActivateRequest__Output } from './fabric/v1/GroupServiceActivateRequest.js';
import type { GroupServiceActivateResponse as _fabric_v1_GroupServiceActivateResponse, GroupServiceActivateResponse__Output as _fabric_v1_GroupServiceActivateResponse__Output } from './fabric/v1/GroupServiceActivateResponse.js';
import type { GroupServiceAddRequest as _fabric_v1_GroupServiceAddRequest, GroupServiceAddRequest__Output as _fabric_v1_GroupServiceAddRequest__Output } from './fabric/v1/GroupServiceAddRequest.js';
import type { GroupServiceAddResponse as _fabric_v1_GroupServiceAddResponse, GroupServiceAddResponse__Output as _fabric_v1_GroupServiceAddResponse__Output } from './fabric/v1/GroupServiceAddResponse.js';
import type { GroupServiceCreateRequest as _fabric_v1_GroupServiceCreateRequest, GroupServiceCreateRequest__Output as _fabric_v1_GroupServiceCreateRequest__Output } from './fabric/v1/GroupServiceCreateRequest.js';
import type { GroupServiceCreateResponse as _fabric_v1_GroupServiceCreateResponse, GroupServiceCreateResponse__Output as _fabric_v1_GroupServiceCreateResponse__Output } from './fabric/v1/GroupServiceCreateResponse.js';
import type { GroupServiceDeactivateRequest as _fabric_v1_GroupServiceDeactivateRequest, GroupServiceDeactivateRequest__Output as _fabric_v1_GroupServiceDeactivateRequest__Output } from './fabric/v1/GroupServiceDeactivateRequest.js';
import type { GroupServiceDeactivateResponse as _fabric_v1_GroupServiceDeactivateResponse, GroupServiceDeactivateResponse__Output as _fabric_v1_GroupServiceDeactivateResponse__Output } from './fabric/v1/GroupServiceDeactivateResponse.js';
import type { GroupServiceDemoteRequest as _fabric_v1_GroupServiceDemoteRequest, GroupServiceDemoteRequest__Output as _fabric_v1_GroupServiceDemoteRequest__Output } from './fabric/v1/GroupServiceDemoteRequest.js';
import type { GroupServiceDemoteResponse as _fabric_v1_GroupServiceDemoteResponse, GroupServiceDemoteResponse__Output as _fabric_v1_GroupServiceDemoteResponse__Output } from './fabric/v1/GroupServiceDemoteResponse.js';
import type { GroupServiceDestroyRequest as _fabric_v1_GroupServiceDestroyRequest, GroupServiceDestroyRequest__Output as _fabric_v1_GroupServiceDestroyRequest__Output } from './fabric/v1/GroupServiceDestroyRequest.js';
import type { GroupServiceDestroyResponse as _fabric_v1_GroupServiceDestroyResponse, GroupServiceDestroyResponse__Output as _fabric_v1_GroupServiceDestroyResponse__Output } from './fabric/v1/GroupServiceDestroyResponse.js';
import type { GroupServiceHealthRequest as _fabric_v1_GroupServiceHealthRequest, GroupServiceHealthRequest__Output as _fabric_v1_GroupServiceHealthRequest__Output } from './fabric/v1/GroupServiceHealthRequest.js';
import type { GroupServiceHealthResponse as _fabric_v1_GroupServiceHealthResponse, GroupServiceHealthResponse__Output as _fabric_v1_GroupServiceHealthResponse__Output } from './fabric/v1/GroupServiceHealthResponse.js';
import type { GroupServiceLookupGroupsRequest as _fabric_v1_GroupServiceLookupGroupsRequest, GroupServiceLookupGroupsRequest__Output as _fabric_v1_GroupServiceLookupGroupsRequest__Output } from './fabric/v1/GroupServiceLookupGroupsRequest.js';
import type { GroupServiceLookupGroupsResponse as _fabric_v1_GroupServiceLookupGroupsResponse, GroupServiceLookupGroupsResponse__Output as _fabric_v1_GroupServiceLookupGroupsResponse__Output } from './fabric/v1/GroupServiceLookupGroupsResponse.js';
import type { GroupServiceLookupServersRequest as _fabric_v1_GroupServiceLookupServersRequest, GroupServiceLookupServersRequest__Output as _fabric_v1_GroupServiceLookupServersRequest__Output } from './fabric/v1/GroupServiceLookupServersRequest.js';
import type { GroupServiceLookupServersResponse as _fabric_v1_GroupServiceLookupServersResponse, GroupServiceLookupServersResponse__Output as _fabric_v1_GroupServiceLookupServersResponse__Output } from './fabric/v1/GroupServiceLookupServersResponse.js';
import type { GroupServicePromoteRequest as _fabric_v1_GroupServicePromoteRequest, GroupServicePromoteRequest__Output as _fabric_v1_GroupServicePromoteRequest__Output } from './fabric/v1/GroupServicePromoteRequest.js';
import type { GroupServicePromoteResponse as _fabric_v1_GroupServicePromoteResponse, GroupServicePromoteResponse__Output as _fabric_v1_GroupServicePromoteResponse__Output } from './fabric/v1/GroupServicePromoteResponse.js';
import type { GroupServiceRemoveRequest as _fabric_v1_GroupServiceRemoveRequest, GroupServiceRemoveRequest__Output as _fabric_v1_GroupServiceRemoveRequest__Output } from './fabric/v1/GroupServiceRemoveRequest.js';
import type { GroupServiceRemoveResponse as _fabric_v1_GroupServiceRemoveResponse, GroupServiceRemoveResponse__Output as _fabric_v1_GroupServiceRemoveResponse__Output } from './fabric/v1/GroupServiceRemoveResponse.js';
import type { GroupServiceSetDescriptionRequest as _fabric_v1_GroupServiceSetDescriptionRequest, GroupServiceSetDescriptionRequest__Output as _fabric_v1_GroupServiceSetDescriptionRequest__Output } from './fabric/v1/GroupServiceSetDescriptionRequest.js';
import type { GroupServiceSetDescriptionResponse as _fabric_v1_GroupServiceSetDescriptionResponse, GroupServiceSetDescriptionResponse__Output as _fabric_v1_GroupServiceSetDescriptionResponse__Output } from './fabric/v1/GroupServiceSetDescriptionResponse.js';
import type { Procedure as _fabric_v1_Procedure, Procedure__Output as _fabric_v1_Procedure__Output } from './fabric/v1/Procedure.js';
import type { ProcedureServiceClient as _fabric_v1_ProcedureServiceClient, ProcedureServiceDefinition as _fabric_v1_ProcedureServiceDefinition } from './fabric/v1/ProcedureService.js';
import type { ProcedureServiceGetRequest as _fabric_v1_ProcedureServiceGetRequest, ProcedureServiceGetRequest__Output as _fabric_v1_ProcedureServiceGetRequest__Output } from './fabric/v1/ProcedureServiceGetRequest.js';
import type { ProcedureServiceGetResponse as _fabric_v1_ProcedureServiceGetResponse, ProcedureServiceGetResponse__Output as _fabric_v1_ProcedureServiceGetResponse__Output } from './fabric/v1/ProcedureServiceGetResponse.js';
import type { ProcedureServiceListRequest as _fabric_v1_ProcedureServiceListRequest, ProcedureServiceListRequest__Output as _fabric_v1_ProcedureServiceListRequest__Output } from './fabric/v1/ProcedureServiceListRequest.js';
import type { ProcedureServiceListResponse as _fabric_v1_ProcedureServiceListResponse, ProcedureServiceListResponse__Output as _fabric_v1_ProcedureServiceListResponse__Output } from './fabric/v1/ProcedureServiceListResponse.js';
import type { ProcedureServiceSubmitRequest as _fabric_v1_ProcedureServiceSubmitRequest, ProcedureServiceSubmitRequest__Output as _fabric_v1_ProcedureServiceSubmitRequest__Output } from './fabric/v1/ProcedureServiceSubmitRequest.js';
import type { ProcedureServiceSubmitResponse as _fabric_v1_ProcedureServiceSubmitResponse, ProcedureServiceSubmitResponse__Output as _fabric_v1_ProcedureServiceSubmitResponse__Output } from './fabric/v1/ProcedureServiceSubmitResponse.js';
import type { ProcedureServiceWaitRequest as _fabric_v1_ProcedureServiceWaitRequest, ProcedureServiceWaitRequest__Output as _fabric_v1_ProcedureServiceWaitRequest__Output } from './fabric/v1/ProcedureServiceWaitRequest.js';
import type { ProcedureServiceWaitResponse as _fabric_v1_ProcedureServiceWaitResponse, ProcedureServiceWaitResponse__Output as _fabric_v1_ProcedureServiceWaitResponse__Output } from './fabric/v1/ProcedureServiceWaitResponse.js';
import type { Server as _fabric_v1_Server, Server__Output as _fabric_v1_Server__Output } from './fabric/v1/Server.js';
import type { ServerFilter as _fabric_v1_ServerFilter, ServerFilter__Output as _fabric_v1_ServerFilter__Output } from './fabric/v1/ServerFilter.js';
import type { ServerHealth as _fabric_v1_ServerHealth, ServerHealth__Output as _fabric_v1_ServerHealth__Output } from './fabric/v1/ServerHealth.js';
import type { ServerServiceClient as _fabric_v1_ServerServiceClient, ServerServiceDefinition as _fabric_v1_ServerServiceDefinition } from './fabric/v1/ServerService.js';
import type { ServerServiceLookupUuidRequest as _fabric_v1_ServerServiceLookupUuidRequest, ServerServiceLookupUuidRequest__Output as _fabric_v1_ServerServiceLookupUuidRequest__Output } from './fabric/v1/ServerServiceLookupUuidRequest.js';
import type { ServerServiceLookupUuidResponse as _fabric_v1_ServerServiceLookupUuidResponse, ServerServiceLookupUuidResponse__Output as _fabric_v1_ServerServiceLookupUuidResponse__Output } from './fabric/v1/ServerServiceLookupUuidResponse.js';
import type { ServerServiceSetModeRequest as _fabric_v1_ServerServiceSetModeRequest, ServerServiceSetModeRequest__Output as _fabric_v1_ServerServiceSetModeRequest__Output } from './fabric/v1/ServerServiceSetModeRequest.js';
import type { ServerServiceSetModeResponse as _fabric_v1_ServerServiceSetModeResponse, ServerServiceSetModeResponse__Output as _fabric_v1_ServerServiceSetModeResponse__Output } from './fabric/v1/ServerServiceSetModeResponse.js';
import type { ServerServiceSetStatusRequest as _fabric_v1_ServerServiceSetStatusRequest, ServerServiceSetStatusRequest__Output as _fabric_v1_ServerServiceSetStatusRequest__Output } from './fabric/v1/ServerServiceSetStatusRequest.js';
import type { ServerServiceSetStatusResponse as _fabric_v1_ServerServiceSetStatusResponse, ServerServiceSetStatusResponse__Output as _fabric_v1_ServerServiceSetStatusResponse__Output } from './fabric/v1/ServerServiceSetStatusResponse.js';
import type { ServerServiceSetWeightRequest as _fabric_v1_ServerServiceSetWeightRequest, ServerServiceSetWeightRequest__Output as _fabric_v1_ServerServiceSetWeightRequest__Output } from './fabric/v1/ServerServiceSetWeightRequest.js';
import type { ServerServiceSetWeightResponse as _fabric_v1_ServerServiceSetWeightResponse, ServerServiceSetWeightResponse__Output as _fabric_v1_ServerServiceSetWeightResponse__Output } from './fabric/v1/ServerServiceSetWeightResponse.js';
import type { Step as _fabric_v1_Step, Step__Output as _fabric_v1_Step__Output } from './fabric/v1/Step.js';
import type { StepError as _fabric_v1_StepError, StepError__Output as _fabric_v1_StepError__Output } from './fabric/v1/StepError.js';
import type { StepProgress as _fabric_v1_StepProgress, StepProgress__Output as _fabric_v1_StepProgress__Output } from './fabric/v1/StepProgress.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  fabric: {
    v1: {
      GlobalLink: MessageTypeDefinition<_fabric_v1_GlobalLink, _fabric_v1_GlobalLink__Output>
      Group: MessageTypeDefinition<_fabric_v1_Group, _fabric_v1_Group__Output>
      GroupService: SubtypeConstructor<typeof grpc.Client, _fabric_v1_GroupServiceClient> & { service: _fabric_v1_GroupServiceDefinition }
      GroupServiceActivateRequest: MessageTypeDefinition<_fabric_v1_GroupServiceActivateRequest, _fabric_v1_GroupServiceActivateRequest__Output>
      GroupServiceActivateResponse: MessageTypeDefinition<_fabric_v1_GroupServiceActivateResponse, _fabric_v1_GroupServiceActivateResponse__Output>
      GroupServiceAddRequest: MessageTypeDefinition<_fabric_v1_GroupServiceAddRequest, _fabric_v1_GroupServiceAddRequest__Output>
      GroupServiceAddResponse: MessageTypeDefinition<_fabric_v1_GroupServiceAddResponse, _fabric_v1_GroupServiceAddResponse__Output>
      GroupServiceCreateRequest: MessageTypeDefinition<_fabric_v1_GroupServiceCreateRequest, _fabric_v1_GroupServiceCreateRequest__Output>
      GroupServiceCreateResponse: MessageTypeDefinition<_fabric_v1_GroupServiceCreateResponse, _fabric_v1_GroupServiceCreateResponse__Output>
      GroupServiceDeactivateRequest: MessageTypeDefinition<_fabric_v1_GroupServiceDeactivateRequest, _fabric_v1_GroupServiceDeactivateRequest__Output>
      GroupServiceDeactivateResponse: MessageTypeDefinition<_fabric_v1_GroupServiceDeactivateResponse, _fabric_v1_GroupServiceDeactivateResponse__Output>
      GroupServiceDemoteRequest: MessageTypeDefinition<_fabric_v1_GroupServiceDemoteRequest, _fabric_v1_GroupServiceDemoteRequest__Output>
      GroupServiceDemoteResponse: MessageTypeDefinition<_fabric_v1_GroupServiceDemoteResponse, _fabric_v1_GroupServiceDemoteResponse__Output>
      GroupServiceDestroyRequest: MessageTypeDefinition<_fabric_v1_GroupServiceDestroyRequest, _fabric_v1_GroupServiceDestroyRequest__Output>
      GroupServiceDestroyResponse: MessageTypeDefinition<_fabric_v1_GroupServiceDestroyResponse, _fabric_v1_GroupServiceDestroyResponse__Output>
      GroupServiceHealthRequest: MessageTypeDefinition<_fabric_v1_GroupServiceHealthRequest, _fabric_v1_GroupServiceHealthRequest__Output>
      GroupServiceHealthResponse: MessageTypeDefinition<_fabric_v1_GroupServiceHealthResponse, _fabric_v1_GroupServiceHealthResponse__Output>
      GroupServiceLookupGroupsRequest: MessageTypeDefinition<_fabric_v1_GroupServiceLookupGroupsRequest, _fabric_v1_GroupServiceLookupGroupsRequest__Output>
      GroupServiceLookupGroupsResponse: MessageTypeDefinition<_fabric_v1_GroupServiceLookupGroupsResponse, _fabric_v1_GroupServiceLookupGroupsResponse__Output>
      GroupServiceLookupServersRequest: MessageTypeDefinition<_fabric_v1_GroupServiceLookupServersRequest, _fabric_v1_GroupServiceLookupServersRequest__Output>
      GroupServiceLookupServersResponse: MessageTypeDefinition<_fabric_v1_GroupServiceLookupServersResponse, _fabric_v1_GroupServiceLookupServersResponse__Output>
      GroupServicePromoteRequest: MessageTypeDefinition<_fabric_v1_GroupServicePromoteRequest, _fabric_v1_GroupServicePromoteRequest__Output>
      GroupServicePromoteResponse: MessageTypeDefinition<_fabric_v1_GroupServicePromoteResponse, _fabric_v1_GroupServicePromoteResponse__Output>
      GroupServiceRemoveRequest: MessageTypeDefinition<_fabric_v1_GroupServiceRemoveRequest, _fabric_v1_GroupServiceRemoveRequest__Output>
      GroupServiceRemoveResponse: MessageTypeDefinition<_fabric_v1_GroupServiceRemoveResponse, _fabric_v1_GroupServiceRemoveResponse__Output>
      GroupServiceSetDescriptionRequest: MessageTypeDefinition<_fabric_v1_GroupServiceSetDescriptionRequest, _fabric_v1_GroupServiceSetDescriptionRequest__Output>
      GroupServiceSetDescriptionResponse: MessageTypeDefinition<_fabric_v1_GroupServiceSetDescriptionResponse, _fabric_v1_GroupServiceSetDescriptionResponse__Output>
      GroupStatus: EnumTypeDefinition
      Procedure: MessageTypeDefinition<_fabric_v1_Procedure, _fabric_v1_Procedure__Output>
      ProcedureService: SubtypeConstructor<typeof grpc.Client, _fabric_v1_ProcedureServiceClient> & { service: _fabric_v1_ProcedureServiceDefinition }
      ProcedureServiceGetRequest: MessageTypeDefinition<_fabric_v1_ProcedureServiceGetRequest, _fabric_v1_ProcedureServiceGetRequest__Output>
      ProcedureServiceGetResponse: MessageTypeDefinition<_fabric_v1_ProcedureServiceGetResponse, _fabric_v1_ProcedureServiceGetResponse__Output>
      ProcedureServiceListRequest: MessageTypeDefinition<_fabric_v1_ProcedureServiceListRequest, _fabric_v1_ProcedureServiceListRequest__Output>
      ProcedureServiceListResponse: MessageTypeDefinition<_fabric_v1_ProcedureServiceListResponse, _fabric_v1_ProcedureServiceListResponse__Output>
      ProcedureServiceSubmitRequest: MessageTypeDefinition<_fabric_v1_ProcedureServiceSubmitRequest, _fabric_v1_ProcedureServiceSubmitRequest__Output>
      ProcedureServiceSubmitResponse: MessageTypeDefinition<_fabric_v1_ProcedureServiceSubmitResponse, _fabric_v1_ProcedureServiceSubmitResponse__Output>
      ProcedureServiceWaitRequest: MessageTypeDefinition<_fabric_v1_ProcedureServiceWaitRequest, _fabric_v1_ProcedureServiceWaitRequest__Output>
      ProcedureServiceWaitResponse: MessageTypeDefinition<_fabric_v1_ProcedureServiceWaitResponse, _fabric_v1_ProcedureServiceWaitResponse__Output>
      ProcedureState: EnumTypeDefinition
      Reachability: EnumTypeDefinition
      ReplicationState: EnumTypeDefinition
      Server: MessageTypeDefinition<_fabric_v1_Server, _fabric_v1_Server__Output>
      ServerFilter: MessageTypeDefinition<_fabric_v1_ServerFilter, _fabric_v1_ServerFilter__Output>
      ServerHealth: MessageTypeDefinition<_fabric_v1_ServerHealth, _fabric_v1_ServerHealth__Output>
      ServerMode: EnumTypeDefinition
      ServerRole: EnumTypeDefinition
      ServerService: SubtypeConstructor<typeof grpc.Client, _fabric_v1_ServerServiceClient> & { service: _fabric_v1_ServerServiceDefinition }
      ServerServiceLookupUuidRequest: MessageTypeDefinition<_fabric_v1_ServerServiceLookupUuidRequest, _fabric_v1_ServerServiceLookupUuidRequest__Output>
      ServerServiceLookupUuidResponse: MessageTypeDefinition<_fabric_v1_ServerServiceLookupUuidResponse, _fabric_v1_ServerServiceLookupUuidResponse__Output>
      ServerServiceSetModeRequest: MessageTypeDefinition<_fabric_v1_ServerServiceSetModeRequest, _fabric_v1_ServerServiceSetModeRequest__Output>
      ServerServiceSetModeResponse: MessageTypeDefinition<_fabric_v1_ServerServiceSetModeResponse, _fabric_v1_ServerServiceSetModeResponse__Output>
      ServerServiceSetStatusRequest: MessageTypeDefinition<_fabric_v1_ServerServiceSetStatusRequest, _fabric_v1_ServerServiceSetStatusRequest__Output>
      ServerServiceSetStatusResponse: MessageTypeDefinition<_fabric_v1_ServerServiceSetStatusResponse, _fabric_v1_ServerServiceSetStatusResponse__Output>
      ServerServiceSetWeightRequest: MessageTypeDefinition<_fabric_v1_ServerServiceSetWeightRequest, _fabric_v1_ServerServiceSetWeightRequest__Output>
      ServerServiceSetWeightResponse: MessageTypeDefinition<_fabric_v1_ServerServiceSetWeightResponse, _fabric_v1_ServerServiceSetWeightResponse__Output>
      ServerStatus: EnumTypeDefinition
      Step: MessageTypeDefinition<_fabric_v1_Step, _fabric_v1_Step__Output>
      StepError: MessageTypeDefinition<_fabric_v1_StepError, _fabric_v1_StepError__Output>
      StepProgress: MessageTypeDefinition<_fabric_v1_StepProgress, _fabric_v1_StepProgress__Output>
    }
  }
}

