import { FabricError } from '../util/fabric-error.js';
import { reject } from './apply-result.js';
import type { ApplyResult } from './apply-result.js';
import { decodeCommand } from './command-codec.js';
import type { Command } from './commands.js';
import { FabricModel } from './fabric-model.js';
import { encodeApplyResult } from './result-codec.js';

/**
 * The shape src/node's StateMachine has, declared here because src/fabric
 * sits below src/node and must not import it (the layering rule in
 * .dependency-cruiser.cjs). FabricStateMachine satisfies both structurally.
 */
export interface ReplicatedStateMachine {
  apply(index: number, command: Uint8Array): Uint8Array;
  snapshot(): Uint8Array;
  restore(data: Uint8Array): void;
}

/**
 * Plugs the Fabric model into the Raft node: committed entry bytes in,
 * encoded ApplyResult bytes out. A malformed entry is answered with an
 * encoded rejection naming the field, never thrown: every replica must
 * get past it the same way.
 */
export class FabricStateMachine implements ReplicatedStateMachine {
  readonly #model: FabricModel;

  constructor(model: FabricModel = new FabricModel()) {
    this.#model = model;
  }

  /** The model, for queries (consistent with the last applied entry). */
  get model(): FabricModel {
    return this.#model;
  }

  /** The index is not needed: everything the model depends on is in the command. */
  apply(_index: number, command: Uint8Array): Uint8Array {
    return encodeApplyResult(this.#applyBytes(command));
  }

  #applyBytes(bytes: Uint8Array): ApplyResult {
    let command: Command;
    try {
      command = decodeCommand(bytes);
    } catch (e) {
      if (e instanceof FabricError) return reject(e.code, e.message, e.details);
      throw e;
    }
    return this.#model.apply(command);
  }

  snapshot(): Uint8Array {
    return this.#model.snapshot();
  }

  restore(data: Uint8Array): void {
    this.#model.restore(data);
  }
}
