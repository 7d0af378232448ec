import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddNodeRequest as _fabric_v1_AddNodeRequest, AddNodeRequest__Output as _fabric_v1_AddNodeRequest__Output } from './fabric/v1/AddNodeRequest.js';
import type { AddNodeResponse as _fabric_v1_AddNodeResponse, AddNodeResponse__Output as _fabric_v1_AddNodeResponse__Output } from './fabric/v1/AddNodeResponse.js';
import type { ClusterServiceClient as _fabric_v1_ClusterServiceClient, ClusterServiceDefinition as _fabric_v1_ClusterServiceDefinition } from './fabric/v1/ClusterService.js';
import type { Member as _fabric_v1_Member, Member__Output as _fabric_v1_Member__Output } from './fabric/v1/Member.js';
import type { RemoveNodeRequest as _fabric_v1_RemoveNodeRequest, RemoveNodeRequest__Output as _fabric_v1_RemoveNodeRequest__Output } from './fabric/v1/RemoveNodeRequest.js';
import type { RemoveNodeResponse as _fabric_v1_RemoveNodeResponse, RemoveNodeResponse__Output as _fabric_v1_RemoveNodeResponse__Output } from './fabric/v1/RemoveNodeResponse.js';
import type { StatusRequest as _fabric_v1_StatusRequest, StatusRequest__Output as _fabric_v1_StatusRequest__Output } from './fabric/v1/StatusRequest.js';
import type { StatusResponse as _fabric_v1_StatusResponse, StatusResponse__Output as _fabric_v1_StatusResponse__Output } from './fabric/v1/StatusResponse.js';
import type { TransferLeadershipRequest as _fabric_v1_TransferLeadershipRequest, TransferLeadershipRequest__Output as _fabric_v1_TransferLeadershipRequest__Output } from './fabric/v1/TransferLeadershipRequest.js';
import type { TransferLeadershipResponse as _fabric_v1_TransferLeadershipResponse, TransferLeadershipResponse__Output as _fabric_v1_TransferLeadershipResponse__Output } from './fabric/v1/TransferLeadershipResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  fabric: {
    v1: {
      AddNodeRequest: MessageTypeDefinition<_fabric_v1_AddNodeRequest, _fabric_v1_AddNodeRequest__Output>
      AddNodeResponse: MessageTypeDefinition<_fabric_v1_AddNodeResponse, _fabric_v1_AddNodeResponse__Output>
      ClusterService: SubtypeConstructor<typeof grpc.Client, _fabric_v1_ClusterServiceClient> & { service: _fabric_v1_ClusterServiceDefinition }
      Member: MessageTypeDefinition<_fabric_v1_Member, _fabric_v1_Member__Output>
      MemberRole: EnumTypeDefinition
      NodeRole: EnumTypeDefinition
      RemoveNodeRequest: MessageTypeDefinition<_fabric_v1_RemoveNodeRequest, _fabric_v1_RemoveNodeRequest__Output>
      RemoveNodeResponse: MessageTypeDefinition<_fabric_v1_RemoveNodeResponse, _fabric_v1_RemoveNodeResponse__Output>
      StatusRequest: MessageTypeDefinition<_fabric_v1_StatusRequest, _fabric_v1_StatusRequest__Output>
      StatusResponse: MessageTypeDefinition<_fabric_v1_StatusResponse, _fabric_v1_StatusResponse__Output>
      TransferLeadershipRequest: MessageTypeDefinition<_fabric_v1_TransferLeadershipRequest, _fabric_v1_TransferLeadershipRequest__Output>
      TransferLeadershipResponse: MessageTypeDefinition<_fabric_v1_TransferLeadershipResponse, _fabric_v1_TransferLeadershipResponse__Output>
    }
  }
}

