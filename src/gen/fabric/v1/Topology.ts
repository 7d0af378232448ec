// Original file: proto/fabric/v1/topology.proto

import type { Group as _fabric_v1_Group, Group__Output as _fabric_v1_Group__Output } from '../../fabric/v1/Group.js';
import type { Server as _fabric_v1_Server, Server__Output as _fabric_v1_Server__Output } from '../../fabric/v1/Server.js';
import type { FabricNode as _fabric_v1_FabricNode, FabricNode__Output as _fabric_v1_FabricNode__Output } from '../../fabric/v1/FabricNode.js';
import type { ShardMap as _fabric_v1_ShardMap, ShardMap__Output as _fabric_v1_ShardMap__Output } from '../../fabric/v1/ShardMap.js';
import type { ShardTable as _fabric_v1_ShardTable, ShardTable__Output as _fabric_v1_ShardTable__Output } from '../../fabric/v1/ShardTable.js';
import type { Shard as _fabric_v1_Shard, Shard__Output as _fabric_v1_Shard__Output } from '../../fabric/v1/Shard.js';
import type { Long } from '@grpc/proto-loader';

export interface Topology {
  'epoch'?: (number | string | Long);
  'groups'?: (_fabric_v1_Group)[];
  'servers'?: (_fabric_v1_Server)[];
  'fabric_nodes'?: (_fabric_v1_FabricNode)[];
  'shard_maps'?: (_fabric_v1_ShardMap)[];
  'shard_tables'?: (_fabric_v1_ShardTable)[];
  'shards'?: (_fabric_v1_Shard)[];
}

export interface Topology__Output {
  'epoch': (number);
  'groups': (_fabric_v1_Group__Output)[];
  'servers': (_fabric_v1_Server__Output)[];
  'fabric_nodes': (_fabric_v1_FabricNode__Output)[];
  'shard_maps': (_fabric_v1_ShardMap__Output)[];
  'shard_tables': (_fabric_v1_ShardTable__Output)[];
  'shards': (_fabric_v1_Shard__Output)[];
}
