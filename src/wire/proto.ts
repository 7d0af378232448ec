import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import protobuf from 'protobufjs/light.js';
import type { ProtoGrpcType as ClusterProto } from '../gen/cluster.js';
import type { ProtoGrpcType as DetectorProto } from '../gen/detector.js';
import type { ProtoGrpcType as GroupProto } from '../gen/group.js';
import type { ProtoGrpcType as KvProto } from '../gen/kv.js';
import type { ProtoGrpcType as ProcedureProto } from '../gen/procedure.js';
import type { ProtoGrpcType as ServerProto } from '../gen/server.js';
import type { ProtoGrpcType as ShardingProto } from '../gen/sharding.js';
import type { ProtoGrpcType as ThreatProto } from '../gen/threat.js';
import type { ProtoGrpcType as TopologyProto } from '../gen/topology.js';

/** Where the .proto files live, relative to this module (the same from src/ and dist/). */
export const PROTO_DIR = fileURLToPath(new URL('../../proto', import.meta.url));

/**
 * The fabric.v1 descriptors as protobufjs JSON, written by `npm run gen:proto`
 * beside the generated types (test/lint/proto-json.test.ts keeps it equal to
 * the .proto files). Loading JSON with protobufjs/light skips parsing the
 * .proto text and building the descriptor protos @grpc/proto-loader makes for
 * reflection: together about 160 ms of every `fabric` call.
 */
export const DESCRIPTOR_JSON = fileURLToPath(
  new URL('../../src/gen/fabric-v1.json', import.meta.url),
);

/** Every fabric.v1 file, named relative to PROTO_DIR (they import each other so). */
export const PROTO_FILES = [
  'fabric/v1/cluster.proto',
  'fabric/v1/kv.proto',
  'fabric/v1/procedure.proto',
  'fabric/v1/server.proto',
  'fabric/v1/group.proto',
  'fabric/v1/sharding.proto',
  'fabric/v1/topology.proto',
  'fabric/v1/detector.proto',
  'fabric/v1/threat.proto',
] as const;

/**
 * How messages map to JavaScript objects; scripts/gen-proto-types.sh
 * generates the types with the same options (--keepCase --longs=Number
 * --enums=String --defaults --oneofs), and @grpc/proto-loader (server
 * reflection) is given them too.
 */
export const LOADER_OPTIONS = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;

const CONVERSION: protobuf.IConversionOptions = {
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

/** Every service of fabric.v1 by full name, as grpc-js service definitions. */
export type ServiceDefinitions = Readonly<Record<string, grpc.ServiceDefinition>>;

export interface FabricProtos {
  readonly cluster: ClusterProto['fabric']['v1'];
  readonly kv: KvProto['fabric']['v1'];
  readonly procedure: ProcedureProto['fabric']['v1'];
  readonly group: GroupProto['fabric']['v1'];
  readonly server: ServerProto['fabric']['v1'];
  readonly sharding: ShardingProto['fabric']['v1'];
  readonly topology: TopologyProto['fabric']['v1'];
  readonly detector: DetectorProto['fabric']['v1'];
  readonly threat: ThreatProto['fabric']['v1'];
  /** Every service's definition by full name ('fabric.v1.ClusterService'). */
  readonly services: ServiceDefinitions;
}

let cached: FabricProtos | undefined;

/** Loads the fabric.v1 service definitions once per process. */
export function fabricProtos(): FabricProtos {
  if (cached !== undefined) return cached;
  const root = protobuf.Root.fromJSON(
    JSON.parse(readFileSync(DESCRIPTOR_JSON, 'utf8')) as protobuf.INamespace,
  );
  const pkg = root.lookup('fabric.v1');
  if (!(pkg instanceof protobuf.Namespace)) throw new Error(`${DESCRIPTOR_JSON}: no fabric.v1`);
  const services: Record<string, grpc.ServiceDefinition> = {};
  const v1: Record<string, unknown> = {};
  for (const s of pkg.nestedArray) {
    if (!(s instanceof protobuf.Service)) continue;
    const def = serviceDefinition(s);
    services[`fabric.v1.${s.name}`] = def;
    v1[s.name] = grpc.makeGenericClientConstructor(def, s.name);
  }
  const typed = v1 as unknown as ClusterProto['fabric']['v1'] &
    KvProto['fabric']['v1'] &
    ProcedureProto['fabric']['v1'] &
    GroupProto['fabric']['v1'] &
    ServerProto['fabric']['v1'] &
    ShardingProto['fabric']['v1'] &
    TopologyProto['fabric']['v1'] &
    DetectorProto['fabric']['v1'] &
    ThreatProto['fabric']['v1'];
  cached = {
    cluster: typed,
    kv: typed,
    procedure: typed,
    group: typed,
    server: typed,
    sharding: typed,
    topology: typed,
    detector: typed,
    threat: typed,
    services,
  };
  return cached;
}

/**
 * A grpc-js service definition whose codecs do what @grpc/proto-loader's do:
 * fromObject then encode to send, decode then toObject with LOADER_OPTIONS to
 * receive.
 */
function serviceDefinition(service: protobuf.Service): grpc.ServiceDefinition {
  const def: Record<string, grpc.MethodDefinition<object, object>> = {};
  for (const m of service.methodsArray) {
    m.resolve();
    const req = m.resolvedRequestType;
    const res = m.resolvedResponseType;
    if (req === null || res === null) throw new Error(`${m.fullName}: unresolved types`);
    def[m.name] = {
      path: `/${service.fullName.slice(1)}/${m.name}`,
      requestStream: m.requestStream === true,
      responseStream: m.responseStream === true,
      requestSerialize: (o: object) => Buffer.from(req.encode(req.fromObject(o)).finish()),
      requestDeserialize: (b: Buffer) => req.toObject(req.decode(b), CONVERSION),
      responseSerialize: (o: object) => Buffer.from(res.encode(res.fromObject(o)).finish()),
      responseDeserialize: (b: Buffer) => res.toObject(res.decode(b), CONVERSION),
      // grpc-js gives clients both Status() and status(), as proto-loader does.
      originalName: m.name.charAt(0).toLowerCase() + m.name.slice(1),
    };
  }
  return def;
}
