import { FabricError } from '../util/fabric-error.js';
import type { StateMachine } from './state-machine.js';

/** First byte of every replicated command: which state machine it is for. */
export const STATE_MACHINE_TAGS = { kv: 0x6b, fabric: 0x66 } as const;
export type StateMachinePart = keyof typeof STATE_MACHINE_TAGS;

const MAGIC = 0x46434d31; // "FCM1"

/** Prefixes a command with its state machine's tag. */
export function tagCommand(part: StateMachinePart, command: Uint8Array): Uint8Array {
  const out = new Uint8Array(command.byteLength + 1);
  out[0] = STATE_MACHINE_TAGS[part];
  out.set(command, 1);
  return out;
}

/**
 * One Raft log driving several state machines: the Fabric model and the
 * key-value store tests and benchmarks use. A command's first byte routes
 * it; snapshots hold every part.
 */
export class CompositeStateMachine implements StateMachine {
  readonly #parts: ReadonlyMap<number, StateMachine>;
  readonly #order: readonly [StateMachinePart, StateMachine][];

  constructor(parts: Readonly<Record<StateMachinePart, StateMachine>>) {
    this.#order = (Object.keys(STATE_MACHINE_TAGS) as StateMachinePart[]).map(
      (p) => [p, parts[p]] as const,
    );
    this.#parts = new Map(this.#order.map(([p, sm]) => [STATE_MACHINE_TAGS[p], sm]));
  }

  apply(index: number, command: Uint8Array): Uint8Array {
    const sm = this.#parts.get(command[0] ?? -1);
    // Deterministic on every node: an unroutable command is answered, never applied.
    if (sm === undefined)
      return new TextEncoder().encode(
        JSON.stringify({ error: `unknown state machine tag ${String(command[0])}` }),
      );
    return sm.apply(index, command.subarray(1));
  }

  snapshot(): Uint8Array {
    const parts = this.#order.map(([, sm]) => sm.snapshot());
    const out = new Uint8Array(8 + parts.reduce((n, p) => n + 4 + p.byteLength, 0));
    const view = new DataView(out.buffer);
    view.setUint32(0, MAGIC);
    view.setUint32(4, parts.length);
    let at = 8;
    for (const p of parts) {
      view.setUint32(at, p.byteLength);
      out.set(p, at + 4);
      at += 4 + p.byteLength;
    }
    return out;
  }

  restore(data: Uint8Array): void {
    if (data.byteLength === 0) {
      for (const [, sm] of this.#order) sm.restore(new Uint8Array(0));
      return;
    }
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (
      data.byteLength < 8 ||
      view.getUint32(0) !== MAGIC ||
      view.getUint32(4) !== this.#order.length
    ) {
      throw new FabricError(
        'DATA_DIR_CORRUPT',
        'snapshot: the state machine section has an unknown layout',
      );
    }
    let at = 8;
    for (const [part, sm] of this.#order) {
      const len = at + 4 <= data.byteLength ? view.getUint32(at) : -1;
      if (len < 0 || at + 4 + len > data.byteLength)
        throw new FabricError('DATA_DIR_CORRUPT', `snapshot: the ${part} section is truncated`);
      sm.restore(data.subarray(at + 4, at + 4 + len));
      at += 4 + len;
    }
  }
}
