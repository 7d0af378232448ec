/**
 * The application the Raft log drives. The node applies committed entries
 * in log order, exactly once per incarnation, and snapshots/restores it.
 * Stage 3 plugs the Fabric model in here; tests and benchmarks use the
 * key-value machine (kv-state-machine.ts) through the same driver.
 */
export interface StateMachine {
  /** Applies one committed command; the result goes back to the proposer. Must be deterministic. */
  apply(index: number, command: Uint8Array): Uint8Array;
  /** The whole state, as of the last applied index. */
  snapshot(): Uint8Array;
  /** Replaces the whole state with a snapshot's. */
  restore(data: Uint8Array): void;
}
