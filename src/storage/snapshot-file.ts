import type { Snapshot, SnapshotMetadata } from '../raft/index.js';
import { ByteReader } from './byte-reader.js';
import { crc32c } from './crc32c.js';
import { RecordProblem } from './record-problem.js';
import { frameWriter, openFrame, sealFrame } from './record-frame.js';
import { metadataSize, readMetadata, writeMetadata } from './snapshot-meta-codec.js';

/**
 * A snapshot file, `snap-<index, 20 digits>-<term>.bin`:
 *
 *   4 bytes  magic "FHSN"
 *   u32 BE   header record length H
 *   H bytes  header record (record-frame.ts, version 1): the snapshot
 *            metadata body (snapshot-meta-codec.ts), u64 BE data length,
 *            u32 BE CRC32C of the data
 *   data
 *
 * The file must be exactly 8 + H + data length bytes: a torn write is
 * caught by size before any checksum is computed.
 */
export const SNAPSHOT_FILE_VERSION = 1;

const MAGIC = Buffer.from('FHSN', 'ascii');
const PREFIX_BYTES = MAGIC.byteLength + 4;
const NAME = /^snap-(\d{20})-(\d+)\.bin$/;

export function snapshotFileName(m: SnapshotMetadata): string {
  return `snap-${String(m.index).padStart(20, '0')}-${m.term}.bin`;
}

export function isSnapshotFileName(name: string): boolean {
  return NAME.test(name);
}

/** The file's bytes, as chunks so the (possibly large) data is not copied. */
export function encodeSnapshotFile(s: Snapshot): Uint8Array[] {
  const w = frameWriter(SNAPSHOT_FILE_VERSION, metadataSize(s.metadata) + 8 + 4);
  writeMetadata(w, s.metadata).u64(s.data.byteLength).u32(crc32c(s.data));
  const header = sealFrame(w.finish());
  const prefix = Buffer.allocUnsafe(PREFIX_BYTES);
  MAGIC.copy(prefix);
  prefix.writeUInt32BE(header.byteLength, MAGIC.byteLength);
  return [prefix, header, s.data];
}

/** Decodes a whole snapshot file; throws RecordProblem if it is torn or corrupt. */
export function decodeSnapshotFile(file: Uint8Array): Snapshot {
  const r = new ByteReader(file);
  const magic = r.raw(MAGIC.byteLength, 'magic');
  if (!MAGIC.equals(magic)) throw new RecordProblem('not a snapshot file (bad magic)');
  const header = openFrame(r.blob('header'), 'snapshot header', SNAPSHOT_FILE_VERSION);
  const metadata = readMetadata(header);
  const size = header.u64('data length');
  const checksum = header.u32('data checksum');
  header.end();
  if (r.remaining !== size) {
    throw new RecordProblem(
      `snapshot data is ${r.remaining} bytes, its header says ${size} (torn write?)`,
    );
  }
  const data = r.rest('data');
  if (crc32c(data) !== checksum) throw new RecordProblem('snapshot data checksum mismatch');
  return { metadata, data };
}
