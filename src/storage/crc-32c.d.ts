// crc-32 ships types only for its CRC32 (IEEE) entry point; this declares the
// CRC32C (Castagnoli) one, which has the same shape.
declare module 'crc-32/crc32c.js' {
  const CRC32C: {
    /** Signed 32-bit CRC32C of `data`, continuing from a previous result `seed`. */
    buf(data: Uint8Array, seed?: number): number;
  };
  export = CRC32C;
}
