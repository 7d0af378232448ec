/**
 * The raft.v1 wire types, loaded once from proto/raft/v1/raft.proto with
 * @grpc/proto-loader. Everything else in src/transport reaches protobuf
 * through the handles exported here.
 *
 * Loader options: field names stay snake_case (keepCase), uint64 arrives as
 * a decimal string (longs: String) so values above 2^53 are detected instead
 * of silently rounded, enums arrive as their names (an unknown value arrives
 * as a number, which the codec rejects), every scalar is present (defaults),
 * and each oneof gets a virtual field naming the member that is set (oneofs).
 */
import { fileURLToPath } from 'node:url';

import type * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { MessageTypeDefinition, PackageDefinition } from '@grpc/proto-loader';

/** Resolved against this module so it works from any working directory. */
export const RAFT_PROTO_PATH = fileURLToPath(
  new URL('../../proto/raft/v1/raft.proto', import.meta.url),
);

const definition: PackageDefinition = protoLoader.loadSync(RAFT_PROTO_PATH, {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});

/** A message type's serializer and deserializer; decoded values are untrusted. */
export type WireType = MessageTypeDefinition<object, unknown>;

function wireType(name: string): WireType {
  const d = definition[`raft.v1.${name}`];
  if (d === undefined || !('serialize' in d)) {
    throw new Error(`transport: raft.v1.${name} is missing from ${RAFT_PROTO_PATH}`);
  }
  return d as WireType;
}

function methodPath(method: string): string {
  const service = definition['raft.v1.RaftService'] as Record<string, { path?: string }>;
  const path = service[method]?.path;
  if (path === undefined) throw new Error(`transport: RaftService.${method} is missing`);
  return path;
}

export const WIRE = {
  message: wireType('Message'),
  streamRequest: wireType('StreamRequest'),
  streamResponse: wireType('StreamResponse'),
  installSnapshotRequest: wireType('InstallSnapshotRequest'),
  installSnapshotResponse: wireType('InstallSnapshotResponse'),
} as const;

export const STREAM_PATH = methodPath('Stream');
export const INSTALL_SNAPSHOT_PATH = methodPath('InstallSnapshot');

/**
 * gRPC (de)serializer that passes bytes through. Frames are encoded and
 * decoded by the transport itself: the sender sizes batches exactly, and the
 * receiver drops a malformed frame without grpc-js failing the whole call.
 */
export function rawBytes(b: Buffer): Buffer {
  return b;
}

const RAW = {
  requestSerialize: rawBytes,
  requestDeserialize: rawBytes,
  responseSerialize: rawBytes,
  responseDeserialize: rawBytes,
} as const;

/** RaftService with byte-level (de)serializers, for the server and for raw clients. */
export const RAFT_SERVICE: grpc.ServiceDefinition = {
  Stream: { path: STREAM_PATH, requestStream: true, responseStream: true, ...RAW },
  InstallSnapshot: {
    path: INSTALL_SNAPSHOT_PATH,
    requestStream: true,
    responseStream: false,
    ...RAW,
  },
};
