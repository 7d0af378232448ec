import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { Options, PackageDefinition } from '@grpc/proto-loader';
import type { ProtoGrpcType as ClusterProto } from '../gen/cluster.js';
import type { ProtoGrpcType as KvProto } from '../gen/kv.js';
import type { ProtoGrpcType as ProcedureProto } from '../gen/procedure.js';

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

export interface FabricProtos {
  readonly cluster: ClusterProto['fabric']['v1'];
  readonly kv: KvProto['fabric']['v1'];
  readonly procedure: ProcedureProto['fabric']['v1'];
  /** The raw definitions of every fabric.v1 file, for server reflection. */
  readonly definitions: PackageDefinition;
}

let cached: FabricProtos | undefined;

/** Loads the fabric.v1 service definitions once per process. */
export function fabricProtos(): FabricProtos {
  if (cached !== undefined) return cached;
  const definitions = loadSync(
    ['fabric/v1/cluster.proto', 'fabric/v1/kv.proto', 'fabric/v1/procedure.proto'],
    LOADER_OPTIONS,
  );
  const loaded = grpc.loadPackageDefinition(definitions) as unknown as ClusterProto &
    KvProto &
    ProcedureProto;
  const fresh: FabricProtos = {
    cluster: loaded.fabric.v1,
    kv: loaded.fabric.v1,
    procedure: loaded.fabric.v1,
    definitions,
  };
  cached = fresh;
  return fresh;
}
