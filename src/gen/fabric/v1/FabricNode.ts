// Original file: proto/fabric/v1/topology.proto

import type { FabricNodeRole as _fabric_v1_FabricNodeRole, FabricNodeRole__Output as _fabric_v1_FabricNodeRole__Output } from '../../fabric/v1/FabricNodeRole.js';

export interface FabricNode {
  'id'?: (string);
  'address'?: (string);
  'role'?: (_fabric_v1_FabricNodeRole);
  'voter'?: (boolean);
}

export interface FabricNode__Output {
  'id': (string);
  'address': (string);
  'role': (_fabric_v1_FabricNodeRole__Output);
  'voter': (boolean);
}
