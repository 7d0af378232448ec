import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { Options, PackageDefinition } from '@grpc/proto-loader';
import type { ProtoGrpcType as ClusterProto } from '../gen/cluster.js';
import type { ProtoGrpcType as DetectorProto } from '../gen/detector.js';
import type { ProtoGrpcType as GroupProto } from '../gen/group.js';
import type { ProtoGrpcType as KvProto } from '../gen/kv.js';
import type { ProtoGrpcType as ProcedureProto } from '../gen/procedure.js';
import type { ProtoGrpcType as ServerProto } from '../gen/server.js';
import type { ProtoGrpcType as ThreatProto } from '../gen/threat.js';
import type { ProtoGrpcType as TopologyProto } from '../gen/topology.js';

/** Where the .proto files live, relative to this module (works from src/ with tsx). */
export const PROTO_DIR = fileURLToPath(new URL('../../proto', import.meta.url));

/** Must match the options scripts/gen-proto-types.sh generated the types with. */
export const LOADER_OPTIONS: Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

/** Every fabric.v1 file, named relative to PROTO_DIR (they import each other so). */
const PROTO_FILES = [
  'fabric/v1/cluster.proto',
  'fabric/v1/kv.proto',
  'fabric/v1/procedure.proto',
  'fabric/v1/server.proto',
  'fabric/v1/group.proto',
  'fabric/v1/topology.proto',
  'fabric/v1/detector.proto',
  'fabric/v1/threat.proto',
];

export interface FabricProtos {
  readonly cluster: ClusterProto['fabric']['v1'];
  readonly kv: KvProto['fabric']['v1'];
  readonly procedure: ProcedureProto['fabric']['v1'];
  readonly group: GroupProto['fabric']['v1'];
  readonly server: ServerProto['fabric']['v1'];
  readonly topology: TopologyProto['fabric']['v1'];
  readonly detector: DetectorProto['fabric']['v1'];
  readonly threat: ThreatProto['fabric']['v1'];
  /** The raw definitions of every fabric.v1 file, for server reflection. */
  readonly definitions: PackageDefinition;
}

let cached: FabricProtos | undefined;

/** Loads the fabric.v1 service definitions once per process. */
export function fabricProtos(): FabricProtos {
  if (cached !== undefined) return cached;
  const definitions = loadSync(PROTO_FILES, LOADER_OPTIONS);
  const loaded = grpc.loadPackageDefinition(definitions) as unknown as ClusterProto &
    KvProto &
    ProcedureProto &
    GroupProto &
    ServerProto &
    TopologyProto &
    DetectorProto &
    ThreatProto;
  const v1 = loaded.fabric.v1;
  const fresh: FabricProtos = {
    cluster: v1,
    kv: v1,
    procedure: v1,
    group: v1,
    server: v1,
    topology: v1,
    detector: v1,
    threat: v1,
    definitions,
  };
  cached = fresh;
  return fresh;
}
