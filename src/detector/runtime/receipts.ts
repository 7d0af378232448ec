import { replicaSource } from '../../mysql/index.js';
import type { ReplicaStatus } from '../../mysql/index.js';

interface Seen {
  /** Source, heartbeat count and read position: any change is something received. */
  readonly token: string;
  /** When this node's probes last saw the token change, or first saw it. */
  readonly since: number;
}

/**
 * How long each replica has received nothing from its source, as this
 * node's own probes see it. SHOW SLAVE STATUS has no "last received" time
 * on MariaDB 10.11, but the heartbeat count rises while the source is idle
 * and the read position moves while it is busy: if neither moved between
 * two probes, nothing arrived in between. The age is a lower bound on the
 * silence, measured on this node's clock only.
 */
export class ReceiptClock {
  readonly #seen = new Map<string, Seen>();

  /** Age of the last receipt by `uuid` at time `at`; null on the first sighting. */
  ageMs(uuid: string, r: ReplicaStatus, at: number): number | null {
    const token = `${replicaSource(r)}|${r.receivedHeartbeats ?? '?'}|${r.readPosition}`;
    const was = this.#seen.get(uuid);
    if (was === undefined) {
      this.#seen.set(uuid, { token, since: at });
      return null;
    }
    if (was.token !== token) {
      this.#seen.set(uuid, { token, since: at });
      return 0;
    }
    return Math.max(0, at - was.since);
  }

  retain(uuids: ReadonlySet<string>): void {
    for (const uuid of this.#seen.keys()) if (!uuids.has(uuid)) this.#seen.delete(uuid);
  }
}
