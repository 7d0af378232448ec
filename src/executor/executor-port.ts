import type { Command, Procedure } from '../fabric/index.js';

/** The outcome of a committed command, as the Fabric model answered it. */
export type CommitOutcome =
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * What the executor needs from the node it runs on. Declared here so the
 * executor depends on a port, not on the node process (src/node adapts it).
 */
export interface ExecutorPort {
  /** The Raft term this node currently leads in, or undefined when it does not lead. */
  leaderTerm(): number | undefined;
  /** Proposes a model command and resolves once it is committed and applied (rejects if unknown outcome). */
  commit(cmd: Command): Promise<CommitOutcome>;
  /**
   * Confirms, with a ReadIndex round, that this node still leads and has
   * applied everything committed before; called before every side effect.
   */
  confirmLeadership(): Promise<void>;
  /** The replicated model's view of a procedure (as applied on this node). */
  procedure(id: string): Procedure | undefined;
  /** Ids of every RUNNING procedure. */
  runningProcedureIds(): string[];
  /** Wall clock for the `at` of commands (proposer-chosen, never read by the model). */
  now(): number;
  /** Waits `ms` (backoff), or less if `signal` aborts. The simulator supplies simulated time. */
  delay(ms: number, signal: AbortSignal): Promise<void>;
}
