import { RecordProblem } from './record-problem.js';

const TWO_32 = 2 ** 32;
/** Largest high word of a u64 that still fits a safe integer (2^53 - 1). */
const MAX_SAFE_HIGH = 2 ** 21 - 1;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the fields ByteWriter wrote. Every overrun, unsafe integer or bad
 * UTF-8 throws RecordProblem naming the field, so a torn record is never
 * mistaken for a short one.
 */
export class ByteReader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  #pos: number;

  constructor(bytes: Uint8Array, start = 0) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#pos = start;
  }

  get remaining(): number {
    return this.#bytes.byteLength - this.#pos;
  }

  u8(field: string): number {
    this.#need(1, field);
    return this.#view.getUint8(this.#pos++);
  }

  u32(field: string): number {
    this.#need(4, field);
    const v = this.#view.getUint32(this.#pos);
    this.#pos += 4;
    return v;
  }

  u64(field: string): number {
    const high = this.u32(field);
    const low = this.u32(field);
    if (high > MAX_SAFE_HIGH) throw new RecordProblem(`${field} does not fit a safe integer`);
    return high * TWO_32 + low;
  }

  /**
   * A view (not a copy) of the next `n` bytes. It is a plain Uint8Array, not
   * a Buffer, so a decoded entry equals the one that was encoded.
   */
  raw(n: number, field: string): Uint8Array {
    this.#need(n, field);
    const out = new Uint8Array(this.#bytes.buffer, this.#bytes.byteOffset + this.#pos, n);
    this.#pos += n;
    return out;
  }

  blob(field: string): Uint8Array {
    return this.raw(this.u32(`${field} length`), field);
  }

  string(field: string): string {
    const bytes = this.blob(field);
    try {
      return UTF8.decode(bytes);
    } catch {
      throw new RecordProblem(`${field} is not valid UTF-8`);
    }
  }

  /** The rest of the record (a normal entry's data runs to the end). */
  rest(field: string): Uint8Array {
    return this.raw(this.remaining, field);
  }

  /** Asserts that the record has been read completely. */
  end(): void {
    if (this.remaining !== 0) {
      throw new RecordProblem(`${this.remaining} unexpected trailing bytes`);
    }
  }

  #need(n: number, field: string): void {
    if (this.remaining < n) {
      throw new RecordProblem(
        `truncated: ${field} needs ${n} bytes at offset ${this.#pos}, only ${this.remaining} left`,
      );
    }
  }
}
