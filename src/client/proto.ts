import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { Options } from '@grpc/proto-loader';
import type { ProtoGrpcType as ClusterProto } from '../gen/cluster.js';
import type { ProtoGrpcType as KvProto } from '../gen/kv.js';

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
}

let cached: FabricProtos | undefined;

/** Loads the fabric.v1 service definitions once per process. */
export function fabricProtos(): FabricProtos {
  if (cached !== undefined) return cached;
  const cluster = grpc.loadPackageDefinition(
    loadSync('fabric/v1/cluster.proto', LOADER_OPTIONS),
  ) as unknown as ClusterProto;
  const kv = grpc.loadPackageDefinition(
    loadSync('fabric/v1/kv.proto', LOADER_OPTIONS),
  ) as unknown as KvProto;
  cached = { cluster: cluster.fabric.v1, kv: kv.fabric.v1 };
  return cached;
}
