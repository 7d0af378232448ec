import type { Logger } from '../util/logger.js';
import type { ExecutorPort } from './executor-port.js';
import type { ProcedureRegistry } from './procedure-definition.js';
import { ProcedureRunner } from './procedure-runner.js';
import type { RetryPolicy } from './retry-policy.js';
import { DEFAULT_RETRY } from './retry-policy.js';

const RESPAWN_DELAY_MS = 50;

/**
 * The leader-only procedure executor. It owns no state of its own: every
 * procedure, step and lock lives in the replicated model. When this node
 * becomes leader it resumes every RUNNING procedure at its last committed
 * step; procedures on different lock keys run concurrently (the model
 * serialises those that share one). Losing leadership aborts every
 * in-flight side effect at once.
 */
export class Executor {
  readonly #port: ExecutorPort;
  readonly #registry: ProcedureRegistry;
  readonly #log: Logger;
  readonly #retry: RetryPolicy;
  readonly #maxAttempts: number;
  readonly #active = new Map<string, Promise<void>>();
  #term: number | undefined;
  #abort = new AbortController();
  #stopped = false;

  constructor(
    port: ExecutorPort,
    registry: ProcedureRegistry,
    logger: Logger,
    opts: { maxAttempts: number; retry?: RetryPolicy },
  ) {
    this.#port = port;
    this.#registry = registry;
    this.#log = logger.child({ component: 'executor' });
    this.#retry = opts.retry ?? DEFAULT_RETRY;
    this.#maxAttempts = opts.maxAttempts;
  }

  /** Call after every applied batch and on every leadership change: starts runners as needed. */
  poke(): void {
    if (this.#stopped) return;
    const term = this.#port.leaderTerm();
    if (term !== this.#term) this.#onTermChange(term);
    if (term === undefined) return;
    for (const id of this.#port.runningProcedureIds())
      if (!this.#active.has(id)) this.#start(id, term);
  }

  #onTermChange(term: number | undefined): void {
    if (this.#term !== undefined) {
      this.#log.info(
        { term: this.#term, running: this.#active.size },
        'leadership lost: aborting in-flight steps',
      );
      this.#abort.abort();
      this.#abort = new AbortController();
    }
    this.#term = term;
    if (term !== undefined)
      this.#log.info(
        { term, resuming: this.#port.runningProcedureIds().length },
        'leading: resuming procedures',
      );
  }

  #start(id: string, term: number): void {
    const proc = this.#port.procedure(id);
    const def = proc === undefined ? undefined : this.#registry.get(proc.name);
    if (proc === undefined || def === undefined) {
      if (proc !== undefined)
        this.#log.error(
          { procedureId: id, name: proc.name },
          'no definition for a running procedure',
        );
      return;
    }
    const runner = new ProcedureRunner({
      port: this.#port,
      def,
      procedureId: id,
      term,
      signal: this.#abort.signal,
      retry: this.#retry,
      maxAttempts: this.#maxAttempts,
      logger: this.#log,
    });
    const task = runner
      .run()
      .then(
        (exit) => {
          this.#log.debug({ procedureId: id, exit }, 'runner stopped');
        },
        (err: unknown) => {
          this.#log.warn(
            { procedureId: id, err },
            'runner stopped on an error; retrying on the next poke',
          );
        },
      )
      .finally(() => {
        this.#active.delete(id);
        // A procedure may still need driving (e.g. after an unknown-outcome
        // commit); a short pause keeps a persistent failure from spinning.
        void this.#port.delay(RESPAWN_DELAY_MS, new AbortController().signal).then(() => {
          this.poke();
        });
      });
    this.#active.set(id, task);
  }

  /** Aborts everything and waits for runners to wind down. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#abort.abort();
    await Promise.allSettled([...this.#active.values()]);
  }
}
