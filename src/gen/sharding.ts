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
import type { Shard as _fabric_v1_Shard, Shard__Output as _fabric_v1_Shard__Output } from './fabric/v1/Shard.js';
import type { ShardMap as _fabric_v1_ShardMap, ShardMap__Output as _fabric_v1_ShardMap__Output } from './fabric/v1/ShardMap.js';
import type { ShardTable as _fabric_v1_ShardTable, ShardTable__Output as _fabric_v1_ShardTable__Output } from './fabric/v1/ShardTable.js';
import type { ShardingServiceClient as _fabric_v1_ShardingServiceClient, ShardingServiceDefinition as _fabric_v1_ShardingServiceDefinition } from './fabric/v1/ShardingService.js';
import type { ShardingServiceAddShardRequest as _fabric_v1_ShardingServiceAddShardRequest, ShardingServiceAddShardRequest__Output as _fabric_v1_ShardingServiceAddShardRequest__Output } from './fabric/v1/ShardingServiceAddShardRequest.js';
import type { ShardingServiceAddShardResponse as _fabric_v1_ShardingServiceAddShardResponse, ShardingServiceAddShardResponse__Output as _fabric_v1_ShardingServiceAddShardResponse__Output } from './fabric/v1/ShardingServiceAddShardResponse.js';
import type { ShardingServiceAddTableRequest as _fabric_v1_ShardingServiceAddTableRequest, ShardingServiceAddTableRequest__Output as _fabric_v1_ShardingServiceAddTableRequest__Output } from './fabric/v1/ShardingServiceAddTableRequest.js';
import type { ShardingServiceAddTableResponse as _fabric_v1_ShardingServiceAddTableResponse, ShardingServiceAddTableResponse__Output as _fabric_v1_ShardingServiceAddTableResponse__Output } from './fabric/v1/ShardingServiceAddTableResponse.js';
import type { ShardingServiceCreateDefinitionRequest as _fabric_v1_ShardingServiceCreateDefinitionRequest, ShardingServiceCreateDefinitionRequest__Output as _fabric_v1_ShardingServiceCreateDefinitionRequest__Output } from './fabric/v1/ShardingServiceCreateDefinitionRequest.js';
import type { ShardingServiceCreateDefinitionResponse as _fabric_v1_ShardingServiceCreateDefinitionResponse, ShardingServiceCreateDefinitionResponse__Output as _fabric_v1_ShardingServiceCreateDefinitionResponse__Output } from './fabric/v1/ShardingServiceCreateDefinitionResponse.js';
import type { ShardingServiceDisableShardRequest as _fabric_v1_ShardingServiceDisableShardRequest, ShardingServiceDisableShardRequest__Output as _fabric_v1_ShardingServiceDisableShardRequest__Output } from './fabric/v1/ShardingServiceDisableShardRequest.js';
import type { ShardingServiceDisableShardResponse as _fabric_v1_ShardingServiceDisableShardResponse, ShardingServiceDisableShardResponse__Output as _fabric_v1_ShardingServiceDisableShardResponse__Output } from './fabric/v1/ShardingServiceDisableShardResponse.js';
import type { ShardingServiceEnableShardRequest as _fabric_v1_ShardingServiceEnableShardRequest, ShardingServiceEnableShardRequest__Output as _fabric_v1_ShardingServiceEnableShardRequest__Output } from './fabric/v1/ShardingServiceEnableShardRequest.js';
import type { ShardingServiceEnableShardResponse as _fabric_v1_ShardingServiceEnableShardResponse, ShardingServiceEnableShardResponse__Output as _fabric_v1_ShardingServiceEnableShardResponse__Output } from './fabric/v1/ShardingServiceEnableShardResponse.js';
import type { ShardingServiceListDefinitionsRequest as _fabric_v1_ShardingServiceListDefinitionsRequest, ShardingServiceListDefinitionsRequest__Output as _fabric_v1_ShardingServiceListDefinitionsRequest__Output } from './fabric/v1/ShardingServiceListDefinitionsRequest.js';
import type { ShardingServiceListDefinitionsResponse as _fabric_v1_ShardingServiceListDefinitionsResponse, ShardingServiceListDefinitionsResponse__Output as _fabric_v1_ShardingServiceListDefinitionsResponse__Output } from './fabric/v1/ShardingServiceListDefinitionsResponse.js';
import type { ShardingServiceListTablesRequest as _fabric_v1_ShardingServiceListTablesRequest, ShardingServiceListTablesRequest__Output as _fabric_v1_ShardingServiceListTablesRequest__Output } from './fabric/v1/ShardingServiceListTablesRequest.js';
import type { ShardingServiceListTablesResponse as _fabric_v1_ShardingServiceListTablesResponse, ShardingServiceListTablesResponse__Output as _fabric_v1_ShardingServiceListTablesResponse__Output } from './fabric/v1/ShardingServiceListTablesResponse.js';
import type { ShardingServiceLookupServersRequest as _fabric_v1_ShardingServiceLookupServersRequest, ShardingServiceLookupServersRequest__Output as _fabric_v1_ShardingServiceLookupServersRequest__Output } from './fabric/v1/ShardingServiceLookupServersRequest.js';
import type { ShardingServiceLookupServersResponse as _fabric_v1_ShardingServiceLookupServersResponse, ShardingServiceLookupServersResponse__Output as _fabric_v1_ShardingServiceLookupServersResponse__Output } from './fabric/v1/ShardingServiceLookupServersResponse.js';
import type { ShardingServiceLookupTableRequest as _fabric_v1_ShardingServiceLookupTableRequest, ShardingServiceLookupTableRequest__Output as _fabric_v1_ShardingServiceLookupTableRequest__Output } from './fabric/v1/ShardingServiceLookupTableRequest.js';
import type { ShardingServiceLookupTableResponse as _fabric_v1_ShardingServiceLookupTableResponse, ShardingServiceLookupTableResponse__Output as _fabric_v1_ShardingServiceLookupTableResponse__Output } from './fabric/v1/ShardingServiceLookupTableResponse.js';
import type { ShardingServiceMoveShardRequest as _fabric_v1_ShardingServiceMoveShardRequest, ShardingServiceMoveShardRequest__Output as _fabric_v1_ShardingServiceMoveShardRequest__Output } from './fabric/v1/ShardingServiceMoveShardRequest.js';
import type { ShardingServiceMoveShardResponse as _fabric_v1_ShardingServiceMoveShardResponse, ShardingServiceMoveShardResponse__Output as _fabric_v1_ShardingServiceMoveShardResponse__Output } from './fabric/v1/ShardingServiceMoveShardResponse.js';
import type { ShardingServiceRemoveDefinitionRequest as _fabric_v1_ShardingServiceRemoveDefinitionRequest, ShardingServiceRemoveDefinitionRequest__Output as _fabric_v1_ShardingServiceRemoveDefinitionRequest__Output } from './fabric/v1/ShardingServiceRemoveDefinitionRequest.js';
import type { ShardingServiceRemoveDefinitionResponse as _fabric_v1_ShardingServiceRemoveDefinitionResponse, ShardingServiceRemoveDefinitionResponse__Output as _fabric_v1_ShardingServiceRemoveDefinitionResponse__Output } from './fabric/v1/ShardingServiceRemoveDefinitionResponse.js';
import type { ShardingServiceRemoveShardRequest as _fabric_v1_ShardingServiceRemoveShardRequest, ShardingServiceRemoveShardRequest__Output as _fabric_v1_ShardingServiceRemoveShardRequest__Output } from './fabric/v1/ShardingServiceRemoveShardRequest.js';
import type { ShardingServiceRemoveShardResponse as _fabric_v1_ShardingServiceRemoveShardResponse, ShardingServiceRemoveShardResponse__Output as _fabric_v1_ShardingServiceRemoveShardResponse__Output } from './fabric/v1/ShardingServiceRemoveShardResponse.js';
import type { ShardingServiceRemoveTableRequest as _fabric_v1_ShardingServiceRemoveTableRequest, ShardingServiceRemoveTableRequest__Output as _fabric_v1_ShardingServiceRemoveTableRequest__Output } from './fabric/v1/ShardingServiceRemoveTableRequest.js';
import type { ShardingServiceRemoveTableResponse as _fabric_v1_ShardingServiceRemoveTableResponse, ShardingServiceRemoveTableResponse__Output as _fabric_v1_ShardingServiceRemoveTableResponse__Output } from './fabric/v1/ShardingServiceRemoveTableResponse.js';
import type { Step as _fabric_v1_Step, Step__Output as _fabric_v1_Step__Output } from './fabric/v1/Step.js';
import type { StepError as _fabric_v1_StepError, StepError__Output as _fabric_v1_StepError__Output } from './fabric/v1/StepError.js';
import type { StepProgress as _fabric_v1_StepProgress, StepProgress__Output as _fabric_v1_StepProgress__Output } from './fabric/v1/StepProgress.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  fabric: {
    v1: {
      LookupHint: EnumTypeDefinition
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
      Shard: MessageTypeDefinition<_fabric_v1_Shard, _fabric_v1_Shard__Output>
      ShardMap: MessageTypeDefinition<_fabric_v1_ShardMap, _fabric_v1_ShardMap__Output>
      ShardMappingType: EnumTypeDefinition
      ShardState: EnumTypeDefinition
      ShardTable: MessageTypeDefinition<_fabric_v1_ShardTable, _fabric_v1_ShardTable__Output>
      ShardingService: SubtypeConstructor<typeof grpc.Client, _fabric_v1_ShardingServiceClient> & { service: _fabric_v1_ShardingServiceDefinition }
      ShardingServiceAddShardRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceAddShardRequest, _fabric_v1_ShardingServiceAddShardRequest__Output>
      ShardingServiceAddShardResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceAddShardResponse, _fabric_v1_ShardingServiceAddShardResponse__Output>
      ShardingServiceAddTableRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceAddTableRequest, _fabric_v1_ShardingServiceAddTableRequest__Output>
      ShardingServiceAddTableResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceAddTableResponse, _fabric_v1_ShardingServiceAddTableResponse__Output>
      ShardingServiceCreateDefinitionRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceCreateDefinitionRequest, _fabric_v1_ShardingServiceCreateDefinitionRequest__Output>
      ShardingServiceCreateDefinitionResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceCreateDefinitionResponse, _fabric_v1_ShardingServiceCreateDefinitionResponse__Output>
      ShardingServiceDisableShardRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceDisableShardRequest, _fabric_v1_ShardingServiceDisableShardRequest__Output>
      ShardingServiceDisableShardResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceDisableShardResponse, _fabric_v1_ShardingServiceDisableShardResponse__Output>
      ShardingServiceEnableShardRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceEnableShardRequest, _fabric_v1_ShardingServiceEnableShardRequest__Output>
      ShardingServiceEnableShardResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceEnableShardResponse, _fabric_v1_ShardingServiceEnableShardResponse__Output>
      ShardingServiceListDefinitionsRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceListDefinitionsRequest, _fabric_v1_ShardingServiceListDefinitionsRequest__Output>
      ShardingServiceListDefinitionsResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceListDefinitionsResponse, _fabric_v1_ShardingServiceListDefinitionsResponse__Output>
      ShardingServiceListTablesRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceListTablesRequest, _fabric_v1_ShardingServiceListTablesRequest__Output>
      ShardingServiceListTablesResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceListTablesResponse, _fabric_v1_ShardingServiceListTablesResponse__Output>
      ShardingServiceLookupServersRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceLookupServersRequest, _fabric_v1_ShardingServiceLookupServersRequest__Output>
      ShardingServiceLookupServersResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceLookupServersResponse, _fabric_v1_ShardingServiceLookupServersResponse__Output>
      ShardingServiceLookupTableRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceLookupTableRequest, _fabric_v1_ShardingServiceLookupTableRequest__Output>
      ShardingServiceLookupTableResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceLookupTableResponse, _fabric_v1_ShardingServiceLookupTableResponse__Output>
      ShardingServiceMoveShardRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceMoveShardRequest, _fabric_v1_ShardingServiceMoveShardRequest__Output>
      ShardingServiceMoveShardResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceMoveShardResponse, _fabric_v1_ShardingServiceMoveShardResponse__Output>
      ShardingServiceRemoveDefinitionRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceRemoveDefinitionRequest, _fabric_v1_ShardingServiceRemoveDefinitionRequest__Output>
      ShardingServiceRemoveDefinitionResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceRemoveDefinitionResponse, _fabric_v1_ShardingServiceRemoveDefinitionResponse__Output>
      ShardingServiceRemoveShardRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceRemoveShardRequest, _fabric_v1_ShardingServiceRemoveShardRequest__Output>
      ShardingServiceRemoveShardResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceRemoveShardResponse, _fabric_v1_ShardingServiceRemoveShardResponse__Output>
      ShardingServiceRemoveTableRequest: MessageTypeDefinition<_fabric_v1_ShardingServiceRemoveTableRequest, _fabric_v1_ShardingServiceRemoveTableRequest__Output>
      ShardingServiceRemoveTableResponse: MessageTypeDefinition<_fabric_v1_ShardingServiceRemoveTableResponse, _fabric_v1_ShardingServiceRemoveTableResponse__Output>
      Step: MessageTypeDefinition<_fabric_v1_Step, _fabric_v1_Step__Output>
      StepError: MessageTypeDefinition<_fabric_v1_StepError, _fabric_v1_StepError__Output>
      StepProgress: MessageTypeDefinition<_fabric_v1_StepProgress, _fabric_v1_StepProgress__Output>
    }
  }
}

