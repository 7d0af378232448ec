import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { crc32c } from './crc32c.js';
import { RecordProblem } from './record-problem.js';

/**
 * The frame around every stored record (entries, hard state, snapshot
 * metadata, identity, snapshot file headers):
 *
 *   offset 0  u8      format version of the body
 *   offset 1  u32 BE  CRC32C of the version byte followed by the body
 *   offset 5  ...     body
 *
 * The version comes first so a later format can change everything after it;
 * the checksum covers the version too, so a flipped version byte reads as
 * corruption, not as a format this build does not know.
 */
export const FRAME_HEADER_BYTES = 5;

/** A writer for a record whose body is `bodyBytes` long, with the header reserved. */
export function frameWriter(version: number, bodyBytes: number): ByteWriter {
  return new ByteWriter(FRAME_HEADER_BYTES + bodyBytes).u8(version).u32(0);
}

/** Fills in the checksum of a record built with frameWriter. */
export function sealFrame(record: Buffer): Buffer {
  record.writeUInt32BE(frameChecksum(record), 1);
  return record;
}

/**
 * Verifies a record's checksum and version, and returns a reader positioned
 * at its body. Throws RecordProblem when it is torn or corrupt.
 */
export function openFrame(record: Uint8Array, kind: string, version: number): ByteReader {
  if (record.byteLength < FRAME_HEADER_BYTES) {
    throw new RecordProblem(
      `${kind} record is ${record.byteLength} bytes, shorter than its ${FRAME_HEADER_BYTES}-byte header (torn write?)`,
    );
  }
  const reader = new ByteReader(record);
  reader.u8('version');
  const stored = reader.u32('checksum');
  const computed = frameChecksum(record);
  if (stored !== computed) {
    throw new RecordProblem(
      `${kind} record checksum mismatch (stored ${hex(stored)}, computed ${hex(computed)})`,
    );
  }
  const found = record[0] ?? 0;
  if (found !== version) {
    throw new RecordProblem(
      `${kind} record has format version ${found}; this build reads ${version}`,
    );
  }
  return reader;
}

function frameChecksum(record: Uint8Array): number {
  return crc32c(record.subarray(FRAME_HEADER_BYTES), crc32c(record.subarray(0, 1)));
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
