import { stringSize } from './byte-writer.js';
import { frameWriter, openFrame, sealFrame } from './record-frame.js';

/**
 * Which cluster and node a data dir belongs to, and the storage format
 * (key layout and record versions) it was created with.
 */
export interface StoredIdentity {
  readonly clusterId: string;
  readonly nodeId: string;
  readonly formatVersion: number;
}

/** The storage format this build writes and reads (keys.ts, the *-codec.ts files). */
export const STORAGE_FORMAT_VERSION = 1;

/**
 * Identity record, version 1 (inside the frame of record-frame.ts):
 *   u32 BE storage format version, then cluster id and node id, each as
 *   u32 BE length + UTF-8.
 */
export const IDENTITY_RECORD_VERSION = 1;

export function encodeIdentity(id: StoredIdentity): Buffer {
  const size = 4 + stringSize(id.clusterId) + stringSize(id.nodeId);
  const w = frameWriter(IDENTITY_RECORD_VERSION, size);
  return sealFrame(w.u32(id.formatVersion).string(id.clusterId).string(id.nodeId).finish());
}

/** Throws RecordProblem if the record is torn or corrupt. */
export function decodeIdentity(record: Uint8Array): StoredIdentity {
  const r = openFrame(record, 'identity', IDENTITY_RECORD_VERSION);
  const formatVersion = r.u32('format version');
  const clusterId = r.string('cluster id');
  const nodeId = r.string('node id');
  r.end();
  return { clusterId, nodeId, formatVersion };
}
