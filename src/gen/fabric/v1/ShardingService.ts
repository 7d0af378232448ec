// Original file: proto/fabric/v1/sharding.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ShardingServiceAddShardRequest as _fabric_v1_ShardingServiceAddShardRequest, ShardingServiceAddShardRequest__Output as _fabric_v1_ShardingServiceAddShardRequest__Output } from '../../fabric/v1/ShardingServiceAddShardRequest.js';
import type { ShardingServiceAddShardResponse as _fabric_v1_ShardingServiceAddShardResponse, ShardingServiceAddShardResponse__Output as _fabric_v1_ShardingServiceAddShardResponse__Output } from '../../fabric/v1/ShardingServiceAddShardResponse.js';
import type { ShardingServiceAddTableRequest as _fabric_v1_ShardingServiceAddTableRequest, ShardingServiceAddTableRequest__Output as _fabric_v1_ShardingServiceAddTableRequest__Output } from '../../fabric/v1/ShardingServiceAddTableRequest.js';
import type { ShardingServiceAddTableResponse as _fabric_v1_ShardingServiceAddTableResponse, ShardingServiceAddTableResponse__Output as _fabric_v1_ShardingServiceAddTableResponse__Output } from '../../fabric/v1/ShardingServiceAddTableResponse.js';
import type { ShardingServiceCreateDefinitionRequest as _fabric_v1_ShardingServiceCreateDefinitionRequest, ShardingServiceCreateDefinitionRequest__Output as _fabric_v1_ShardingServiceCreateDefinitionRequest__Output } from '../../fabric/v1/ShardingServiceCreateDefinitionRequest.js';
import type { ShardingServiceCreateDefinitionResponse as _fabric_v1_ShardingServiceCreateDefinitionResponse, ShardingServiceCreateDefinitionResponse__Output as _fabric_v1_ShardingServiceCreateDefinitionResponse__Output } from '../../fabric/v1/ShardingServiceCreateDefinitionResponse.js';
import type { ShardingServiceDisableShardRequest as _fabric_v1_ShardingServiceDisableShardRequest, ShardingServiceDisableShardRequest__Output as _fabric_v1_ShardingServiceDisableShardRequest__Output } from '../../fabric/v1/ShardingServiceDisableShardRequest.js';
import type { ShardingServiceDisableShardResponse as _fabric_v1_ShardingServiceDisableShardResponse, ShardingServiceDisableShardResponse__Output as _fabric_v1_ShardingServiceDisableShardResponse__Output } from '../../fabric/v1/ShardingServiceDisableShardResponse.js';
import type { ShardingServiceEnableShardRequest as _fabric_v1_ShardingServiceEnableShardRequest, ShardingServiceEnableShardRequest__Output as _fabric_v1_ShardingServiceEnableShardRequest__Output } from '../../fabric/v1/ShardingServiceEnableShardRequest.js';
import type { ShardingServiceEnableShardResponse as _fabric_v1_ShardingServiceEnableShardResponse, ShardingServiceEnableShardResponse__Output as _fabric_v1_ShardingServiceEnableShardResponse__Output } from '../../fabric/v1/ShardingServiceEnableShardResponse.js';
import type { ShardingServiceListDefinitionsRequest as _fabric_v1_ShardingServiceListDefinitionsRequest, ShardingServiceListDefinitionsRequest__Output as _fabric_v1_ShardingServiceListDefinitionsRequest__Output } from '../../fabric/v1/ShardingServiceListDefinitionsRequest.js';
import type { ShardingServiceListDefinitionsResponse as _fabric_v1_ShardingServiceListDefinitionsResponse, ShardingServiceListDefinitionsResponse__Output as _fabric_v1_ShardingServiceListDefinitionsResponse__Output } from '../../fabric/v1/ShardingServiceListDefinitionsResponse.js';
import type { ShardingServiceListTablesRequest as _fabric_v1_ShardingServiceListTablesRequest, ShardingServiceListTablesRequest__Output as _fabric_v1_ShardingServiceListTablesRequest__Output } from '../../fabric/v1/ShardingServiceListTablesRequest.js';
import type { ShardingServiceListTablesResponse as _fabric_v1_ShardingServiceListTablesResponse, ShardingServiceListTablesResponse__Output as _fabric_v1_ShardingServiceListTablesResponse__Output } from '../../fabric/v1/ShardingServiceListTablesResponse.js';
import type { ShardingServiceLookupServersRequest as _fabric_v1_ShardingServiceLookupServersRequest, ShardingServiceLookupServersRequest__Output as _fabric_v1_ShardingServiceLookupServersRequest__Output } from '../../fabric/v1/ShardingServiceLookupServersRequest.js';
import type { ShardingServiceLookupServersResponse as _fabric_v1_ShardingServiceLookupServersResponse, ShardingServiceLookupServersResponse__Output as _fabric_v1_ShardingServiceLookupServersResponse__Output } from '../../fabric/v1/ShardingServiceLookupServersResponse.js';
import type { ShardingServiceLookupTableRequest as _fabric_v1_ShardingServiceLookupTableRequest, ShardingServiceLookupTableRequest__Output as _fabric_v1_ShardingServiceLookupTableRequest__Output } from '../../fabric/v1/ShardingServiceLookupTableRequest.js';
import type { ShardingServiceLookupTableResponse as _fabric_v1_ShardingServiceLookupTableResponse, ShardingServiceLookupTableResponse__Output as _fabric_v1_ShardingServiceLookupTableResponse__Output } from '../../fabric/v1/ShardingServiceLookupTableResponse.js';
import type { ShardingServiceMoveShardRequest as _fabric_v1_ShardingServiceMoveShardRequest, ShardingServiceMoveShardRequest__Output as _fabric_v1_ShardingServiceMoveShardRequest__Output } from '../../fabric/v1/ShardingServiceMoveShardRequest.js';
import type { ShardingServiceMoveShardResponse as _fabric_v1_ShardingServiceMoveShardResponse, ShardingServiceMoveShardResponse__Output as _fabric_v1_ShardingServiceMoveShardResponse__Output } from '../../fabric/v1/ShardingServiceMoveShardResponse.js';
import type { ShardingServiceRemoveDefinitionRequest as _fabric_v1_ShardingServiceRemoveDefinitionRequest, ShardingServiceRemoveDefinitionRequest__Output as _fabric_v1_ShardingServiceRemoveDefinitionRequest__Output } from '../../fabric/v1/ShardingServiceRemoveDefinitionRequest.js';
import type { ShardingServiceRemoveDefinitionResponse as _fabric_v1_ShardingServiceRemoveDefinitionResponse, ShardingServiceRemoveDefinitionResponse__Output as _fabric_v1_ShardingServiceRemoveDefinitionResponse__Output } from '../../fabric/v1/ShardingServiceRemoveDefinitionResponse.js';
import type { ShardingServiceRemoveShardRequest as _fabric_v1_ShardingServiceRemoveShardRequest, ShardingServiceRemoveShardRequest__Output as _fabric_v1_ShardingServiceRemoveShardRequest__Output } from '../../fabric/v1/ShardingServiceRemoveShardRequest.js';
import type { ShardingServiceRemoveShardResponse as _fabric_v1_ShardingServiceRemoveShardResponse, ShardingServiceRemoveShardResponse__Output as _fabric_v1_ShardingServiceRemoveShardResponse__Output } from '../../fabric/v1/ShardingServiceRemoveShardResponse.js';
import type { ShardingServiceRemoveTableRequest as _fabric_v1_ShardingServiceRemoveTableRequest, ShardingServiceRemoveTableRequest__Output as _fabric_v1_ShardingServiceRemoveTableRequest__Output } from '../../fabric/v1/ShardingServiceRemoveTableRequest.js';
import type { ShardingServiceRemoveTableResponse as _fabric_v1_ShardingServiceRemoveTableResponse, ShardingServiceRemoveTableResponse__Output as _fabric_v1_ShardingServiceRemoveTableResponse__Output } from '../../fabric/v1/ShardingServiceRemoveTableResponse.js';

export interface ShardingServiceClient extends grpc.Client {
  AddShard(argument: _fabric_v1_ShardingServiceAddShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddShardResponse__Output>): grpc.ClientUnaryCall;
  AddShard(argument: _fabric_v1_ShardingServiceAddShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddShardResponse__Output>): grpc.ClientUnaryCall;
  AddShard(argument: _fabric_v1_ShardingServiceAddShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddShardResponse__Output>): grpc.ClientUnaryCall;
  AddShard(argument: _fabric_v1_ShardingServiceAddShardRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddShardResponse__Output>): grpc.ClientUnaryCall;
  addShard(argument: _fabric_v1_ShardingServiceAddShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddShardResponse__Output>): grpc.ClientUnaryCall;
  addShard(argument: _fabric_v1_ShardingServiceAddShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddShardResponse__Output>): grpc.ClientUnaryCall;
  addShard(argument: _fabric_v1_ShardingServiceAddShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddShardResponse__Output>): grpc.ClientUnaryCall;
  addShard(argument: _fabric_v1_ShardingServiceAddShardRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddShardResponse__Output>): grpc.ClientUnaryCall;
  
  AddTable(argument: _fabric_v1_ShardingServiceAddTableRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddTableResponse__Output>): grpc.ClientUnaryCall;
  AddTable(argument: _fabric_v1_ShardingServiceAddTableRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddTableResponse__Output>): grpc.ClientUnaryCall;
  AddTable(argument: _fabric_v1_ShardingServiceAddTableRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddTableResponse__Output>): grpc.ClientUnaryCall;
  AddTable(argument: _fabric_v1_ShardingServiceAddTableRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddTableResponse__Output>): grpc.ClientUnaryCall;
  addTable(argument: _fabric_v1_ShardingServiceAddTableRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddTableResponse__Output>): grpc.ClientUnaryCall;
  addTable(argument: _fabric_v1_ShardingServiceAddTableRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddTableResponse__Output>): grpc.ClientUnaryCall;
  addTable(argument: _fabric_v1_ShardingServiceAddTableRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddTableResponse__Output>): grpc.ClientUnaryCall;
  addTable(argument: _fabric_v1_ShardingServiceAddTableRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceAddTableResponse__Output>): grpc.ClientUnaryCall;
  
  CreateDefinition(argument: _fabric_v1_ShardingServiceCreateDefinitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceCreateDefinitionResponse__Output>): grpc.ClientUnaryCall;
  CreateDefinition(argument: _fabric_v1_ShardingServiceCreateDefinitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceCreateDefinitionResponse__Output>): grpc.ClientUnaryCall;
  CreateDefinition(argument: _fabric_v1_ShardingServiceCreateDefinitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceCreateDefinitionResponse__Output>): grpc.ClientUnaryCall;
  CreateDefinition(argument: _fabric_v1_ShardingServiceCreateDefinitionRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceCreateDefinitionResponse__Output>): grpc.ClientUnaryCall;
  createDefinition(argument: _fabric_v1_ShardingServiceCreateDefinitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceCreateDefinitionResponse__Output>): grpc.ClientUnaryCall;
  createDefinition(argument: _fabric_v1_ShardingServiceCreateDefinitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceCreateDefinitionResponse__Output>): grpc.ClientUnaryCall;
  createDefinition(argument: _fabric_v1_ShardingServiceCreateDefinitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceCreateDefinitionResponse__Output>): grpc.ClientUnaryCall;
  createDefinition(argument: _fabric_v1_ShardingServiceCreateDefinitionRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceCreateDefinitionResponse__Output>): grpc.ClientUnaryCall;
  
  DisableShard(argument: _fabric_v1_ShardingServiceDisableShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceDisableShardResponse__Output>): grpc.ClientUnaryCall;
  DisableShard(argument: _fabric_v1_ShardingServiceDisableShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceDisableShardResponse__Output>): grpc.ClientUnaryCall;
  DisableShard(argument: _fabric_v1_ShardingServiceDisableShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceDisableShardResponse__Output>): grpc.ClientUnaryCall;
  DisableShard(argument: _fabric_v1_ShardingServiceDisableShardRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceDisableShardResponse__Output>): grpc.ClientUnaryCall;
  disableShard(argument: _fabric_v1_ShardingServiceDisableShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceDisableShardResponse__Output>): grpc.ClientUnaryCall;
  disableShard(argument: _fabric_v1_ShardingServiceDisableShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceDisableShardResponse__Output>): grpc.ClientUnaryCall;
  disableShard(argument: _fabric_v1_ShardingServiceDisableShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceDisableShardResponse__Output>): grpc.ClientUnaryCall;
  disableShard(argument: _fabric_v1_ShardingServiceDisableShardRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceDisableShardResponse__Output>): grpc.ClientUnaryCall;
  
  EnableShard(argument: _fabric_v1_ShardingServiceEnableShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceEnableShardResponse__Output>): grpc.ClientUnaryCall;
  EnableShard(argument: _fabric_v1_ShardingServiceEnableShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceEnableShardResponse__Output>): grpc.ClientUnaryCall;
  EnableShard(argument: _fabric_v1_ShardingServiceEnableShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceEnableShardResponse__Output>): grpc.ClientUnaryCall;
  EnableShard(argument: _fabric_v1_ShardingServiceEnableShardRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceEnableShardResponse__Output>): grpc.ClientUnaryCall;
  enableShard(argument: _fabric_v1_ShardingServiceEnableShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceEnableShardResponse__Output>): grpc.ClientUnaryCall;
  enableShard(argument: _fabric_v1_ShardingServiceEnableShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceEnableShardResponse__Output>): grpc.ClientUnaryCall;
  enableShard(argument: _fabric_v1_ShardingServiceEnableShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceEnableShardResponse__Output>): grpc.ClientUnaryCall;
  enableShard(argument: _fabric_v1_ShardingServiceEnableShardRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceEnableShardResponse__Output>): grpc.ClientUnaryCall;
  
  ListDefinitions(argument: _fabric_v1_ShardingServiceListDefinitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  ListDefinitions(argument: _fabric_v1_ShardingServiceListDefinitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  ListDefinitions(argument: _fabric_v1_ShardingServiceListDefinitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  ListDefinitions(argument: _fabric_v1_ShardingServiceListDefinitionsRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  listDefinitions(argument: _fabric_v1_ShardingServiceListDefinitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  listDefinitions(argument: _fabric_v1_ShardingServiceListDefinitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  listDefinitions(argument: _fabric_v1_ShardingServiceListDefinitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  listDefinitions(argument: _fabric_v1_ShardingServiceListDefinitionsRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  
  ListTables(argument: _fabric_v1_ShardingServiceListTablesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListTablesResponse__Output>): grpc.ClientUnaryCall;
  ListTables(argument: _fabric_v1_ShardingServiceListTablesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListTablesResponse__Output>): grpc.ClientUnaryCall;
  ListTables(argument: _fabric_v1_ShardingServiceListTablesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListTablesResponse__Output>): grpc.ClientUnaryCall;
  ListTables(argument: _fabric_v1_ShardingServiceListTablesRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListTablesResponse__Output>): grpc.ClientUnaryCall;
  listTables(argument: _fabric_v1_ShardingServiceListTablesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListTablesResponse__Output>): grpc.ClientUnaryCall;
  listTables(argument: _fabric_v1_ShardingServiceListTablesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListTablesResponse__Output>): grpc.ClientUnaryCall;
  listTables(argument: _fabric_v1_ShardingServiceListTablesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListTablesResponse__Output>): grpc.ClientUnaryCall;
  listTables(argument: _fabric_v1_ShardingServiceListTablesRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceListTablesResponse__Output>): grpc.ClientUnaryCall;
  
  LookupServers(argument: _fabric_v1_ShardingServiceLookupServersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  LookupServers(argument: _fabric_v1_ShardingServiceLookupServersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  LookupServers(argument: _fabric_v1_ShardingServiceLookupServersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  LookupServers(argument: _fabric_v1_ShardingServiceLookupServersRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  lookupServers(argument: _fabric_v1_ShardingServiceLookupServersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  lookupServers(argument: _fabric_v1_ShardingServiceLookupServersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  lookupServers(argument: _fabric_v1_ShardingServiceLookupServersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  lookupServers(argument: _fabric_v1_ShardingServiceLookupServersRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupServersResponse__Output>): grpc.ClientUnaryCall;
  
  LookupTable(argument: _fabric_v1_ShardingServiceLookupTableRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupTableResponse__Output>): grpc.ClientUnaryCall;
  LookupTable(argument: _fabric_v1_ShardingServiceLookupTableRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupTableResponse__Output>): grpc.ClientUnaryCall;
  LookupTable(argument: _fabric_v1_ShardingServiceLookupTableRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupTableResponse__Output>): grpc.ClientUnaryCall;
  LookupTable(argument: _fabric_v1_ShardingServiceLookupTableRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupTableResponse__Output>): grpc.ClientUnaryCall;
  lookupTable(argument: _fabric_v1_ShardingServiceLookupTableRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupTableResponse__Output>): grpc.ClientUnaryCall;
  lookupTable(argument: _fabric_v1_ShardingServiceLookupTableRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupTableResponse__Output>): grpc.ClientUnaryCall;
  lookupTable(argument: _fabric_v1_ShardingServiceLookupTableRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupTableResponse__Output>): grpc.ClientUnaryCall;
  lookupTable(argument: _fabric_v1_ShardingServiceLookupTableRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceLookupTableResponse__Output>): grpc.ClientUnaryCall;
  
  MoveShard(argument: _fabric_v1_ShardingServiceMoveShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceMoveShardResponse__Output>): grpc.ClientUnaryCall;
  MoveShard(argument: _fabric_v1_ShardingServiceMoveShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceMoveShardResponse__Output>): grpc.ClientUnaryCall;
  MoveShard(argument: _fabric_v1_ShardingServiceMoveShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceMoveShardResponse__Output>): grpc.ClientUnaryCall;
  MoveShard(argument: _fabric_v1_ShardingServiceMoveShardRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceMoveShardResponse__Output>): grpc.ClientUnaryCall;
  moveShard(argument: _fabric_v1_ShardingServiceMoveShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceMoveShardResponse__Output>): grpc.ClientUnaryCall;
  moveShard(argument: _fabric_v1_ShardingServiceMoveShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceMoveShardResponse__Output>): grpc.ClientUnaryCall;
  moveShard(argument: _fabric_v1_ShardingServiceMoveShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceMoveShardResponse__Output>): grpc.ClientUnaryCall;
  moveShard(argument: _fabric_v1_ShardingServiceMoveShardRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceMoveShardResponse__Output>): grpc.ClientUnaryCall;
  
  RemoveDefinition(argument: _fabric_v1_ShardingServiceRemoveDefinitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveDefinitionResponse__Output>): grpc.ClientUnaryCall;
  RemoveDefinition(argument: _fabric_v1_ShardingServiceRemoveDefinitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveDefinitionResponse__Output>): grpc.ClientUnaryCall;
  RemoveDefinition(argument: _fabric_v1_ShardingServiceRemoveDefinitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveDefinitionResponse__Output>): grpc.ClientUnaryCall;
  RemoveDefinition(argument: _fabric_v1_ShardingServiceRemoveDefinitionRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveDefinitionResponse__Output>): grpc.ClientUnaryCall;
  removeDefinition(argument: _fabric_v1_ShardingServiceRemoveDefinitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveDefinitionResponse__Output>): grpc.ClientUnaryCall;
  removeDefinition(argument: _fabric_v1_ShardingServiceRemoveDefinitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveDefinitionResponse__Output>): grpc.ClientUnaryCall;
  removeDefinition(argument: _fabric_v1_ShardingServiceRemoveDefinitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveDefinitionResponse__Output>): grpc.ClientUnaryCall;
  removeDefinition(argument: _fabric_v1_ShardingServiceRemoveDefinitionRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveDefinitionResponse__Output>): grpc.ClientUnaryCall;
  
  RemoveShard(argument: _fabric_v1_ShardingServiceRemoveShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveShardResponse__Output>): grpc.ClientUnaryCall;
  RemoveShard(argument: _fabric_v1_ShardingServiceRemoveShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveShardResponse__Output>): grpc.ClientUnaryCall;
  RemoveShard(argument: _fabric_v1_ShardingServiceRemoveShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveShardResponse__Output>): grpc.ClientUnaryCall;
  RemoveShard(argument: _fabric_v1_ShardingServiceRemoveShardRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveShardResponse__Output>): grpc.ClientUnaryCall;
  removeShard(argument: _fabric_v1_ShardingServiceRemoveShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveShardResponse__Output>): grpc.ClientUnaryCall;
  removeShard(argument: _fabric_v1_ShardingServiceRemoveShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveShardResponse__Output>): grpc.ClientUnaryCall;
  removeShard(argument: _fabric_v1_ShardingServiceRemoveShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveShardResponse__Output>): grpc.ClientUnaryCall;
  removeShard(argument: _fabric_v1_ShardingServiceRemoveShardRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveShardResponse__Output>): grpc.ClientUnaryCall;
  
  RemoveTable(argument: _fabric_v1_ShardingServiceRemoveTableRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveTableResponse__Output>): grpc.ClientUnaryCall;
  RemoveTable(argument: _fabric_v1_ShardingServiceRemoveTableRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveTableResponse__Output>): grpc.ClientUnaryCall;
  RemoveTable(argument: _fabric_v1_ShardingServiceRemoveTableRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveTableResponse__Output>): grpc.ClientUnaryCall;
  RemoveTable(argument: _fabric_v1_ShardingServiceRemoveTableRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveTableResponse__Output>): grpc.ClientUnaryCall;
  removeTable(argument: _fabric_v1_ShardingServiceRemoveTableRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveTableResponse__Output>): grpc.ClientUnaryCall;
  removeTable(argument: _fabric_v1_ShardingServiceRemoveTableRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveTableResponse__Output>): grpc.ClientUnaryCall;
  removeTable(argument: _fabric_v1_ShardingServiceRemoveTableRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveTableResponse__Output>): grpc.ClientUnaryCall;
  removeTable(argument: _fabric_v1_ShardingServiceRemoveTableRequest, callback: grpc.requestCallback<_fabric_v1_ShardingServiceRemoveTableResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface ShardingServiceHandlers extends grpc.UntypedServiceImplementation {
  AddShard: grpc.handleUnaryCall<_fabric_v1_ShardingServiceAddShardRequest__Output, _fabric_v1_ShardingServiceAddShardResponse>;
  
  AddTable: grpc.handleUnaryCall<_fabric_v1_ShardingServiceAddTableRequest__Output, _fabric_v1_ShardingServiceAddTableResponse>;
  
  CreateDefinition: grpc.handleUnaryCall<_fabric_v1_ShardingServiceCreateDefinitionRequest__Output, _fabric_v1_ShardingServiceCreateDefinitionResponse>;
  
  DisableShard: grpc.handleUnaryCall<_fabric_v1_ShardingServiceDisableShardRequest__Output, _fabric_v1_ShardingServiceDisableShardResponse>;
  
  EnableShard: grpc.handleUnaryCall<_fabric_v1_ShardingServiceEnableShardRequest__Output, _fabric_v1_ShardingServiceEnableShardResponse>;
  
  ListDefinitions: grpc.handleUnaryCall<_fabric_v1_ShardingServiceListDefinitionsRequest__Output, _fabric_v1_ShardingServiceListDefinitionsResponse>;
  
  ListTables: grpc.handleUnaryCall<_fabric_v1_ShardingServiceListTablesRequest__Output, _fabric_v1_ShardingServiceListTablesResponse>;
  
  LookupServers: grpc.handleUnaryCall<_fabric_v1_ShardingServiceLookupServersRequest__Output, _fabric_v1_ShardingServiceLookupServersResponse>;
  
  LookupTable: grpc.handleUnaryCall<_fabric_v1_ShardingServiceLookupTableRequest__Output, _fabric_v1_ShardingServiceLookupTableResponse>;
  
  MoveShard: grpc.handleUnaryCall<_fabric_v1_ShardingServiceMoveShardRequest__Output, _fabric_v1_ShardingServiceMoveShardResponse>;
  
  RemoveDefinition: grpc.handleUnaryCall<_fabric_v1_ShardingServiceRemoveDefinitionRequest__Output, _fabric_v1_ShardingServiceRemoveDefinitionResponse>;
  
  RemoveShard: grpc.handleUnaryCall<_fabric_v1_ShardingServiceRemoveShardRequest__Output, _fabric_v1_ShardingServiceRemoveShardResponse>;
  
  RemoveTable: grpc.handleUnaryCall<_fabric_v1_ShardingServiceRemoveTableRequest__Output, _fabric_v1_ShardingServiceRemoveTableResponse>;
  
}

export interface ShardingServiceDefinition extends grpc.ServiceDefinition {
  AddShard: MethodDefinition<_fabric_v1_ShardingServiceAddShardRequest, _fabric_v1_ShardingServiceAddShardResponse, _fabric_v1_ShardingServiceAddShardRequest__Output, _fabric_v1_ShardingServiceAddShardResponse__Output>
  AddTable: MethodDefinition<_fabric_v1_ShardingServiceAddTableRequest, _fabric_v1_ShardingServiceAddTableResponse, _fabric_v1_ShardingServiceAddTableRequest__Output, _fabric_v1_ShardingServiceAddTableResponse__Output>
  CreateDefinition: MethodDefinition<_fabric_v1_ShardingServiceCreateDefinitionRequest, _fabric_v1_ShardingServiceCreateDefinitionResponse, _fabric_v1_ShardingServiceCreateDefinitionRequest__Output, _fabric_v1_ShardingServiceCreateDefinitionResponse__Output>
  DisableShard: MethodDefinition<_fabric_v1_ShardingServiceDisableShardRequest, _fabric_v1_ShardingServiceDisableShardResponse, _fabric_v1_ShardingServiceDisableShardRequest__Output, _fabric_v1_ShardingServiceDisableShardResponse__Output>
  EnableShard: MethodDefinition<_fabric_v1_ShardingServiceEnableShardRequest, _fabric_v1_ShardingServiceEnableShardResponse, _fabric_v1_ShardingServiceEnableShardRequest__Output, _fabric_v1_ShardingServiceEnableShardResponse__Output>
  ListDefinitions: MethodDefinition<_fabric_v1_ShardingServiceListDefinitionsRequest, _fabric_v1_ShardingServiceListDefinitionsResponse, _fabric_v1_ShardingServiceListDefinitionsRequest__Output, _fabric_v1_ShardingServiceListDefinitionsResponse__Output>
  ListTables: MethodDefinition<_fabric_v1_ShardingServiceListTablesRequest, _fabric_v1_ShardingServiceListTablesResponse, _fabric_v1_ShardingServiceListTablesRequest__Output, _fabric_v1_ShardingServiceListTablesResponse__Output>
  LookupServers: MethodDefinition<_fabric_v1_ShardingServiceLookupServersRequest, _fabric_v1_ShardingServiceLookupServersResponse, _fabric_v1_ShardingServiceLookupServersRequest__Output, _fabric_v1_ShardingServiceLookupServersResponse__Output>
  LookupTable: MethodDefinition<_fabric_v1_ShardingServiceLookupTableRequest, _fabric_v1_ShardingServiceLookupTableResponse, _fabric_v1_ShardingServiceLookupTableRequest__Output, _fabric_v1_ShardingServiceLookupTableResponse__Output>
  MoveShard: MethodDefinition<_fabric_v1_ShardingServiceMoveShardRequest, _fabric_v1_ShardingServiceMoveShardResponse, _fabric_v1_ShardingServiceMoveShardRequest__Output, _fabric_v1_ShardingServiceMoveShardResponse__Output>
  RemoveDefinition: MethodDefinition<_fabric_v1_ShardingServiceRemoveDefinitionRequest, _fabric_v1_ShardingServiceRemoveDefinitionResponse, _fabric_v1_ShardingServiceRemoveDefinitionRequest__Output, _fabric_v1_ShardingServiceRemoveDefinitionResponse__Output>
  RemoveShard: MethodDefinition<_fabric_v1_ShardingServiceRemoveShardRequest, _fabric_v1_ShardingServiceRemoveShardResponse, _fabric_v1_ShardingServiceRemoveShardRequest__Output, _fabric_v1_ShardingServiceRemoveShardResponse__Output>
  RemoveTable: MethodDefinition<_fabric_v1_ShardingServiceRemoveTableRequest, _fabric_v1_ShardingServiceRemoveTableResponse, _fabric_v1_ShardingServiceRemoveTableRequest__Output, _fabric_v1_ShardingServiceRemoveTableResponse__Output>
}
