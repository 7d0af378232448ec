import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { GetRequest as _fabric_v1_GetRequest, GetRequest__Output as _fabric_v1_GetRequest__Output } from './fabric/v1/GetRequest.js';
import type { GetResponse as _fabric_v1_GetResponse, GetResponse__Output as _fabric_v1_GetResponse__Output } from './fabric/v1/GetResponse.js';
import type { KvServiceClient as _fabric_v1_KvServiceClient, KvServiceDefinition as _fabric_v1_KvServiceDefinition } from './fabric/v1/KvService.js';
import type { PutRequest as _fabric_v1_PutRequest, PutRequest__Output as _fabric_v1_PutRequest__Output } from './fabric/v1/PutRequest.js';
import type { PutResponse as _fabric_v1_PutResponse, PutResponse__Output as _fabric_v1_PutResponse__Output } from './fabric/v1/PutResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  fabric: {
    v1: {
      GetRequest: MessageTypeDefinition<_fabric_v1_GetRequest, _fabric_v1_GetRequest__Output>
      GetResponse: MessageTypeDefinition<_fabric_v1_GetResponse, _fabric_v1_GetResponse__Output>
      KvService: SubtypeConstructor<typeof grpc.Client, _fabric_v1_KvServiceClient> & { service: _fabric_v1_KvServiceDefinition }
      PutRequest: MessageTypeDefinition<_fabric_v1_PutRequest, _fabric_v1_PutRequest__Output>
      PutResponse: MessageTypeDefinition<_fabric_v1_PutResponse, _fabric_v1_PutResponse__Output>
    }
  }
}

