import type { FailureCount, ReplicaView } from '../verdict/index.js';
import type { LastSeenPrimary } from '../../executor/farm/index.js';
import type { Server } from '../../fabric/index.js';
import { replicaSource } from '../../mysql/index.js';
import { withTimeout } from '../../util/with-timeout.js';
import { ReceiptClock } from './receipts.js';
import type { ReplicaStatus, ServerHandle, ServerProbe } from '../../mysql/index.js';

/** How the prober reaches a server (FabricRuntime's ServerPool). */
export interface ProbeTargets {
  /** With expectedUuid, a different server answering at the address fails the probe. */
  server(address: string, expectedUuid: string): ServerHandle;
}

/** What one probe of one server found, on this node's clock. */
export interface ProbeResult {
  readonly uuid: string;
  readonly ok: boolean;
  readonly at: number;
  readonly error: string;
  readonly replica: ReplicaView | undefined;
  /** @@read_only; undefined when the probe failed. */
  readonly readOnly: boolean | undefined;
}

/**
 * `op`'s answer, or `onTimeout()`'s once `ms` pass: real timers in a node
 * (withTimeout), the seed's clock in the simulator.
 */
export type RaceTimeout = <T>(op: Promise<T>, ms: number, onTimeout: () => T) => Promise<T>;

/** One probe attempt; callers asking while it runs share it (and it counts once). */
interface Attempt {
  done: boolean;
  readonly result: Promise<ProbeResult>;
}

/**
 * Probes servers with a hard timeout and counts each one's consecutive
 * failures. A probe is ServerHandle.probe() (a trivial SELECT of the
 * variables plus SHOW SLAVE STATUS on a pooled connection), so the
 * replication threads come with it.
 *
 * A probe that outlives its timeout keeps its connection until the query
 * timeout; no second one is started for that server meanwhile (each round
 * counts a failure instead), so a hung server never ties up the pool.
 */
export class ServerProber {
  readonly #targets: ProbeTargets;
  readonly #timeoutMs: number;
  readonly #now: () => number;
  readonly #race: RaceTimeout;
  readonly #attempts = new Map<string, Attempt>();
  /** Server uuid → when its still-unanswered MySQL operation started. */
  readonly #pending = new Map<string, number>();
  readonly #failures = new Map<string, FailureCount>();
  readonly #receipts = new ReceiptClock();
  /** Server uuid → its executed GTIDs at its last answered probe. */
  readonly #gtids = new Map<string, LastSeenPrimary>();

  constructor(
    targets: ProbeTargets,
    timeoutMs: number,
    now: () => number,
    race: RaceTimeout = withTimeout,
  ) {
    this.#targets = targets;
    this.#timeoutMs = timeoutMs;
    this.#now = now;
    this.#race = race;
  }

  /** Probes `s`, or joins the probe of it already running. Never rejects. */
  probe(s: Server): Promise<ProbeResult> {
    const running = this.#attempts.get(s.uuid);
    if (running !== undefined && !running.done) return running.result;
    const attempt: Attempt = {
      done: false,
      result: this.#outcome(s).then((r) => this.#count(s.uuid, r)),
    };
    void attempt.result.finally(() => {
      attempt.done = true;
    });
    this.#attempts.set(s.uuid, attempt);
    return attempt.result;
  }

  /** Consecutive failures per server uuid (servers whose last probe answered are absent). */
  failures(): ReadonlyMap<string, FailureCount> {
    return this.#failures;
  }

  /**
   * A server's executed GTIDs as its last answered probe saw them: what a
   * failover of a dead primary judges errant transactions against.
   */
  lastSeen(uuid: string): LastSeenPrimary | undefined {
    return this.#gtids.get(uuid);
  }

  /**
   * Forgets the counts of servers no longer watched (FAULTY, removed, their
   * group deactivated): one that comes back starts from zero.
   */
  retain(uuids: ReadonlySet<string>): void {
    for (const uuid of this.#failures.keys()) if (!uuids.has(uuid)) this.#failures.delete(uuid);
    for (const uuid of this.#gtids.keys()) if (!uuids.has(uuid)) this.#gtids.delete(uuid);
    this.#receipts.retain(uuids);
    for (const [uuid, a] of this.#attempts)
      if (a.done && !uuids.has(uuid)) this.#attempts.delete(uuid);
  }

  async #outcome(s: Server): Promise<ServerProbe | Error> {
    const since = this.#pending.get(s.uuid);
    if (since !== undefined)
      return new Error(
        `no answer to the previous probe for ${this.#now() - since} ms (limit ${this.#timeoutMs} ms)`,
      );
    const started = this.#now();
    this.#pending.set(s.uuid, started);
    const op = this.#targets
      .server(s.address, s.uuid)
      .probe()
      .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    void op.finally(() => {
      if (this.#pending.get(s.uuid) === started) this.#pending.delete(s.uuid);
    });
    const ms = this.#timeoutMs;
    return this.#race<ServerProbe | Error>(op, ms, () => new Error(`no answer within ${ms} ms`));
  }

  #count(uuid: string, r: ServerProbe | Error): ProbeResult {
    const at = this.#now();
    if (r instanceof Error) {
      const consecutive = (this.#failures.get(uuid)?.consecutive ?? 0) + 1;
      this.#failures.set(uuid, { consecutive, lastError: r.message });
      return { uuid, ok: false, at, error: r.message, replica: undefined, readOnly: undefined };
    }
    this.#failures.delete(uuid);
    this.#gtids.set(uuid, {
      engine: r.info.engine,
      gtidExecuted: r.gtidExecuted,
      serverId: r.info.serverId,
      at,
    });
    return {
      uuid,
      ok: true,
      at,
      error: '',
      replica:
        r.replica === undefined
          ? undefined
          : replicaView(r.replica, this.#receipts.ageMs(uuid, r.replica, at)),
      readOnly: r.readOnly,
    };
  }
}

export function replicaView(r: ReplicaStatus, receiptAgeMs: number | null): ReplicaView {
  return {
    source: replicaSource(r),
    ioRunning: r.ioRunning,
    sqlRunning: r.sqlRunning,
    lagSeconds: r.secondsBehind,
    ioError: r.ioError,
    sqlError: r.sqlError,
    receiptAgeMs,
    heartbeatPeriodMs: r.heartbeatPeriodMs,
  };
}
