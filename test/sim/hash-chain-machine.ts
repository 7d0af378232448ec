import type { StateMachine } from '../../src/node/state-machine.js';
import type { Entry } from '../../src/raft/index.js';
import { entryHash, fnvNum } from './hash.js';

/** The applied prefix of a node: its last index and a hash chain over every entry up to it. */
export interface AppliedChain {
  readonly index: number;
  readonly hash: number;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * Wraps a node's application state machine with the hash chain the checker
 * compares across nodes. The driver hands only non-empty commands to a
 * state machine, so the chain advances from the driver's onApplied port
 * (every entry, conf changes and no-ops too); snapshots carry it, so a node
 * that installs one continues the chain where the snapshot's taker was.
 */
export class HashChainMachine implements StateMachine {
  readonly #inner: StateMachine | undefined;
  #chain: AppliedChain = { index: 0, hash: 0 };

  constructor(inner?: StateMachine) {
    this.#inner = inner;
  }

  get chain(): AppliedChain {
    return this.#chain;
  }

  /** Extends the chain with the entry applied next. */
  observe(e: Entry): void {
    this.#chain = { index: e.index, hash: fnvNum(this.#chain.hash, entryHash(e)) };
  }

  apply(index: number, command: Uint8Array): Uint8Array {
    return this.#inner?.apply(index, command) ?? new Uint8Array(0);
  }

  snapshot(): Uint8Array {
    const head = enc.encode(JSON.stringify(this.#chain));
    const body = this.#inner?.snapshot() ?? new Uint8Array(0);
    const out = new Uint8Array(4 + head.byteLength + body.byteLength);
    new DataView(out.buffer).setUint32(0, head.byteLength);
    out.set(head, 4);
    out.set(body, 4 + head.byteLength);
    return out;
  }

  restore(data: Uint8Array): void {
    if (data.byteLength === 0) {
      this.#chain = { index: 0, hash: 0 };
      this.#inner?.restore(data);
      return;
    }
    const len = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0);
    this.#chain = JSON.parse(dec.decode(data.subarray(4, 4 + len))) as AppliedChain;
    this.#inner?.restore(data.subarray(4 + len));
  }
}
