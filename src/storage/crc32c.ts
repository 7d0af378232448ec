import CRC32C from 'crc-32/crc32c.js';

/**
 * CRC32C (Castagnoli, the checksum LevelDB, ext4 and iSCSI use) as an
 * unsigned 32-bit integer. Pass the previous result as `seed` to checksum
 * several pieces as if they were one.
 */
export function crc32c(bytes: Uint8Array, seed = 0): number {
  return CRC32C.buf(bytes, seed) >>> 0;
}
