import type { ReplicationHealth } from '../verdict/index.js';
import type { Logger } from '../../util/logger.js';

/**
 * The latest replication health of every watched replica, as this node
 * judged it each round (the leader from every voter's probes, a follower
 * from its own), with change notifications for health and topology. Each
 * change of state is logged once: loudly on the leader, which acts on it,
 * at debug on followers.
 */
export class ReplicationBoard {
  readonly #log: Logger;
  readonly #addressOf: (uuid: string) => string;
  readonly #listeners = new Set<() => void>();
  #current: ReadonlyMap<string, ReplicationHealth> = new Map();

  constructor(log: Logger, addressOf: (uuid: string) => string) {
    this.#log = log;
    this.#addressOf = addressOf;
  }

  get current(): ReadonlyMap<string, ReplicationHealth> {
    return this.#current;
  }

  /** Calls `listener` when some replica's state changes; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Replaces the states with this round's; logs and notifies what changed. */
  publish(next: ReadonlyMap<string, ReplicationHealth>, leading: boolean): void {
    let changed = next.size !== this.#current.size;
    for (const [uuid, st] of next) {
      const was = this.#current.get(uuid);
      if (was !== undefined && sameState(was, st)) continue;
      changed = true;
      this.#say(uuid, st, was, leading);
    }
    this.#current = next;
    if (changed) for (const l of [...this.#listeners]) l();
  }

  #say(
    uuid: string,
    st: ReplicationHealth,
    was: ReplicationHealth | undefined,
    leading: boolean,
  ): void {
    const address = this.#addressOf(uuid);
    const at = { server: address, uuid, replication: st };
    const msg =
      st.state === 'stopped'
        ? `replication stopped on ${address}: ${st.error}`
        : st.state === 'lagging'
          ? `${address} lags ${st.lagSeconds} s behind its source`
          : `replication on ${address} is healthy again`;
    if (!leading || (st.state === 'ok' && was === undefined)) this.#log.debug(at, msg);
    else if (st.state === 'ok') this.#log.info(at, msg);
    else this.#log.warn(at, msg);
  }
}

/** Same kind and error: a lag that moves within "lagging" or "ok" is no news. */
function sameState(a: ReplicationHealth, b: ReplicationHealth): boolean {
  if (a.state !== b.state) return false;
  return a.state !== 'stopped' || b.state !== 'stopped' || a.error === b.error;
}
