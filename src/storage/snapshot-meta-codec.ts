import type { ConfState, NodeId, SnapshotMetadata } from '../raft/index.js';
import type { ByteReader } from './byte-reader.js';
import { stringSize } from './byte-writer.js';
import type { ByteWriter } from './byte-writer.js';
import { RecordProblem } from './record-problem.js';
import { frameWriter, openFrame, sealFrame } from './record-frame.js';

/**
 * Snapshot metadata record, version 1 (inside the frame of record-frame.ts):
 *   u64 BE index, u64 BE term,
 *   u32 BE voter count, then each voter as u32 BE length + UTF-8,
 *   u32 BE learner count, then each learner likewise.
 * The same body opens every snapshot file's header (snapshot-file.ts).
 */
export const SNAPSHOT_META_FORMAT_VERSION = 1;

export function encodeSnapshotMetadata(m: SnapshotMetadata): Buffer {
  const w = frameWriter(SNAPSHOT_META_FORMAT_VERSION, metadataSize(m));
  return sealFrame(writeMetadata(w, m).finish());
}

/** Throws RecordProblem if the record is torn or corrupt. */
export function decodeSnapshotMetadata(record: Uint8Array): SnapshotMetadata {
  const r = openFrame(record, 'snapshot metadata', SNAPSHOT_META_FORMAT_VERSION);
  const m = readMetadata(r);
  r.end();
  return m;
}

export function metadataSize(m: SnapshotMetadata): number {
  return 8 + 8 + idsSize(m.conf.voters) + idsSize(m.conf.learners);
}

export function writeMetadata(w: ByteWriter, m: SnapshotMetadata): ByteWriter {
  w.u64(m.index).u64(m.term);
  writeIds(w, m.conf.voters);
  return writeIds(w, m.conf.learners);
}

export function readMetadata(r: ByteReader): SnapshotMetadata {
  const index = r.u64('snapshot index');
  const term = r.u64('snapshot term');
  const conf: ConfState = { voters: readIds(r, 'voter'), learners: readIds(r, 'learner') };
  return { index, term, conf };
}

function idsSize(ids: readonly NodeId[]): number {
  let n = 4;
  for (const id of ids) n += stringSize(id);
  return n;
}

function writeIds(w: ByteWriter, ids: readonly NodeId[]): ByteWriter {
  w.u32(ids.length);
  for (const id of ids) w.string(id);
  return w;
}

function readIds(r: ByteReader, what: string): NodeId[] {
  const count = r.u32(`${what} count`);
  // Each id takes at least its 4-byte length: a larger count is corruption,
  // and checking first avoids a huge loop over garbage.
  if (count * 4 > r.remaining) {
    throw new RecordProblem(`${what} count ${count} does not fit in the record`);
  }
  const ids: NodeId[] = [];
  for (let i = 0; i < count; i++) ids.push(r.string(`${what} ${i}`));
  return ids;
}
