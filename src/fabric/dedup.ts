/** What the model remembers about a client request id. @internal */
export interface RequestRecord {
  readonly requestId: string;
  readonly procedureId: string;
  /** The submit's `at`: the window of the prune command is measured from it. */
  readonly at: number;
}

/**
 * Client request ids already submitted (Raft thesis §6.3): a client that
 * retries a submit after a timeout or a leader change gets the original
 * procedure instead of a second one. Ids are forgotten only by a prune
 * command, and never while their procedure is still QUEUED or RUNNING.
 *
 * @internal
 */
export class RequestLog {
  readonly #byId = new Map<string, RequestRecord>();

  get(requestId: string): RequestRecord | undefined {
    return this.#byId.get(requestId);
  }

  remember(r: RequestRecord): void {
    this.#byId.set(r.requestId, r);
  }

  /** Forgets ids older than `windowMs` at `at` whose procedure is not live; returns how many. */
  forget(at: number, windowMs: number, isLive: (procedureId: string) => boolean): number {
    let n = 0;
    for (const r of this.#byId.values()) {
      if (at - r.at > windowMs && !isLive(r.procedureId)) {
        this.#byId.delete(r.requestId);
        n += 1;
      }
    }
    return n;
  }

  all(): RequestRecord[] {
    return [...this.#byId.values()];
  }

  get size(): number {
    return this.#byId.size;
  }
}
