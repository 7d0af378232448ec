import { InvariantViolation } from '../raft/index.js';

const TWO_32 = 2 ** 32;

/** Bytes a length-prefixed UTF-8 string takes (see ByteWriter.string). */
export function stringSize(s: string): number {
  return 4 + Buffer.byteLength(s, 'utf8');
}

/**
 * Writes big-endian fields into a buffer of a size computed up front, so a
 * record is built with one allocation and no copies.
 */
export class ByteWriter {
  readonly #buf: Buffer;
  #pos = 0;

  constructor(size: number) {
    // Unsafe is fine: finish() proves that every byte was written.
    this.#buf = Buffer.allocUnsafe(size);
  }

  u8(v: number): this {
    this.#pos = this.#buf.writeUInt8(v, this.#pos);
    return this;
  }

  u32(v: number): this {
    this.#pos = this.#buf.writeUInt32BE(v, this.#pos);
    return this;
  }

  /** Terms and indexes: JS numbers are exact up to 2^53, so that is the limit. */
  u64(v: number): this {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new InvariantViolation(`storage: ${v} is not a non-negative safe integer`);
    }
    this.u32(Math.floor(v / TWO_32));
    return this.u32(v % TWO_32);
  }

  raw(bytes: Uint8Array): this {
    this.#buf.set(bytes, this.#pos);
    this.#pos += bytes.byteLength;
    return this;
  }

  /** A u32 byte length, then the bytes. */
  blob(bytes: Uint8Array): this {
    return this.u32(bytes.byteLength).raw(bytes);
  }

  /** A u32 byte length, then the UTF-8 bytes. */
  string(s: string): this {
    const n = this.#buf.write(s, this.#pos + 4, 'utf8');
    this.u32(n);
    this.#pos += n;
    return this;
  }

  finish(): Buffer {
    if (this.#pos !== this.#buf.byteLength) {
      throw new InvariantViolation(
        `storage: record sized ${this.#buf.byteLength} bytes but ${this.#pos} were written`,
      );
    }
    return this.#buf;
  }
}
