/**
 * Verifies the block checksums of a LevelDB table file (.ldb / .sst), which
 * LevelDB itself checks only with paranoid_checks or verify_checksums, and
 * classic-level sets neither: a damaged block of old versions is never read,
 * and one of live keys may decompress into different bytes. Our records
 * carry their own checksums, but only the newest version of each key is
 * read at start; this finds damage anywhere in the file.
 *
 * Table layout (LevelDB doc/table_format.md): blocks laid end to end, each
 * followed by a 5-byte trailer (compression type, then the masked CRC32C of
 * the block and that type byte, fixed32 little-endian), then a 48-byte
 * footer ending in a magic number. The block sizes live in the index block,
 * which may be Snappy-compressed; instead of decompressing it, each block's
 * end is found as the first offset whose trailer checksums the bytes before
 * it (a false match has a 2^-32 chance per offset).
 */
const FOOTER_BYTES = 48;
const TRAILER_BYTES = 5;
const MAGIC_LOW = 0x8b80fb57;
const MAGIC_HIGH = 0xdb477524;
const MASK_DELTA = 0xa282ead8;

const TABLE = buildTable();

/** What is wrong with the table file's bytes, or undefined if every block checks out. */
export function tableProblem(bytes: Buffer): string | undefined {
  const end = bytes.byteLength - FOOTER_BYTES;
  if (
    end < 0 ||
    bytes.readUInt32LE(bytes.byteLength - 8) !== MAGIC_LOW ||
    bytes.readUInt32LE(bytes.byteLength - 4) !== MAGIC_HIGH
  ) {
    return 'its footer is missing or damaged (no table magic number)';
  }
  let pos = 0;
  while (pos < end) {
    const next = blockEnd(bytes, pos, end);
    if (next === undefined) return `the block at offset ${pos} fails its checksum`;
    pos = next;
  }
  return undefined;
}

/** The offset after the trailer of the block starting at `pos`, if one checks out. */
function blockEnd(bytes: Buffer, pos: number, end: number): number | undefined {
  let state = 0xffffffff;
  for (let s = pos; s + TRAILER_BYTES <= end; s++) {
    const type = bytes[s] ?? 0;
    if (type <= 1) {
      const crc = ~step(state, type) >>> 0;
      if (mask(crc) === bytes.readUInt32LE(s + 1)) return s + TRAILER_BYTES;
    }
    state = step(state, type);
  }
  return undefined;
}

function step(state: number, byte: number): number {
  return (TABLE[(state ^ byte) & 0xff] ?? 0) ^ (state >>> 8);
}

/** LevelDB stores CRCs masked, so a CRC of data that holds CRCs stays well distributed. */
function mask(crc: number): number {
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}

function buildTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
