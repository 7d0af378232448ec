import { FabricError } from '../util/fabric-error.js';

/** A put with the client's request id: a retried request is applied once (thesis §6.3). */
export interface KvPut {
  readonly op: 'put';
  readonly key: string;
  readonly value: string;
  readonly requestId: string;
}

export interface KvRecord {
  readonly value: string;
  /** How many times this key was written: a retried put must not bump it. */
  readonly version: number;
  readonly index: number;
}

export interface KvPutResult {
  readonly version: number;
  readonly index: number;
  /** True when the request id was seen before and the original result is returned. */
  readonly duplicate: boolean;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * A small key-value state machine for tests and benchmarks. Request ids
 * are remembered (the most recent `dedupWindow`), so a client that retries
 * after a leader change gets the original result instead of a second write.
 */
export class KvStateMachine {
  #data = new Map<string, KvRecord>();
  #seen = new Map<string, KvPutResult>();
  readonly #dedupWindow: number;

  constructor(dedupWindow = 100_000) {
    this.#dedupWindow = dedupWindow;
  }

  static encodePut(put: Omit<KvPut, 'op'>): Uint8Array {
    return enc.encode(JSON.stringify({ op: 'put', ...put }));
  }

  static decodeResult(bytes: Uint8Array): KvPutResult {
    return JSON.parse(dec.decode(bytes)) as KvPutResult;
  }

  apply(index: number, command: Uint8Array): Uint8Array {
    let cmd: KvPut;
    try {
      cmd = parseCommand(command);
    } catch (e) {
      // Deterministic on every node: a bad command is answered, never applied.
      return enc.encode(JSON.stringify({ error: (e as Error).message }));
    }
    const prior = this.#seen.get(cmd.requestId);
    if (prior !== undefined) return enc.encode(JSON.stringify({ ...prior, duplicate: true }));
    const version = (this.#data.get(cmd.key)?.version ?? 0) + 1;
    this.#data.set(cmd.key, { value: cmd.value, version, index });
    const result: KvPutResult = { version, index, duplicate: false };
    this.#remember(cmd.requestId, result);
    return enc.encode(JSON.stringify(result));
  }

  #remember(requestId: string, result: KvPutResult): void {
    this.#seen.set(requestId, result);
    if (this.#seen.size > this.#dedupWindow) {
      const oldest = this.#seen.keys().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
  }

  get(key: string): KvRecord | undefined {
    return this.#data.get(key);
  }

  get size(): number {
    return this.#data.size;
  }

  /** Every key, for tests that compare nodes. */
  entries(): [string, KvRecord][] {
    return [...this.#data.entries()];
  }

  snapshot(): Uint8Array {
    return enc.encode(
      JSON.stringify({ data: [...this.#data.entries()], seen: [...this.#seen.entries()] }),
    );
  }

  restore(bytes: Uint8Array): void {
    if (bytes.byteLength === 0) {
      this.#data = new Map();
      this.#seen = new Map();
      return;
    }
    const s = JSON.parse(dec.decode(bytes)) as {
      data: [string, KvRecord][];
      seen: [string, KvPutResult][];
    };
    this.#data = new Map(s.data);
    this.#seen = new Map(s.seen);
  }
}

function parseCommand(bytes: Uint8Array): KvPut {
  let v: unknown;
  try {
    v = JSON.parse(dec.decode(bytes));
  } catch (e) {
    throw new FabricError('INTERNAL', 'kv: committed command is not JSON', {}, { cause: e });
  }
  const c = v as Partial<KvPut> | null;
  if (
    c?.op !== 'put' ||
    typeof c.key !== 'string' ||
    typeof c.value !== 'string' ||
    typeof c.requestId !== 'string'
  ) {
    throw new FabricError('INTERNAL', 'kv: committed command is not a put');
  }
  return c as KvPut;
}
