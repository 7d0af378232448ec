import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

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
      ServerMode: EnumTypeDefinition
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

