import type { Server__Output } from '../gen/fabric/v1/Server.js';
import type { FabricLink } from './fabric-link.js';
import type { PoolEvents } from './pool-events.js';

export interface ThreatReporterOptions {
  readonly enabled: boolean;
  /** At most one report per server this often. */
  readonly intervalMs: number;
  /** Who reports (distinct processes count as distinct reporters in Fabric). */
  readonly reporter: string;
  readonly timeoutMs: number;
}

/** ThreatService limits: reporter 1-128 bytes, error at most 1024. */
const MAX_REPORTER = 128;
const MAX_ERROR = 1024;

/**
 * Tells Fabric what the connector saw (threat report-error, as Fabric's
 * connectors did), at most once per server per interval: a thousand
 * statements failing on a dead primary make one report, not a thousand.
 * A report is a suspicion: Fabric's failure detector still decides.
 */
export class ThreatReporter {
  readonly #o: ThreatReporterOptions;
  readonly #link: FabricLink;
  readonly #events: PoolEvents;
  /** When each server was last reported (ms since the epoch). */
  readonly #last = new Map<string, number>();
  #sent = 0;

  constructor(o: ThreatReporterOptions, link: FabricLink, events: PoolEvents) {
    this.#o = o;
    this.#link = link;
    this.#events = events;
  }

  /** Reports sent so far (answered or not). */
  get sent(): number {
    return this.#sent;
  }

  /** Reports `error` about `server` unless it was reported within the interval. */
  report(server: Server__Output, error: Error): void {
    if (!this.#o.enabled) return;
    const now = Date.now();
    const last = this.#last.get(server.address);
    if (last !== undefined && now - last < this.#o.intervalMs) return;
    this.#last.set(server.address, now);
    this.#sent += 1;
    const text = error.message.slice(0, MAX_ERROR);
    const id = server.uuid === '' ? server.address : server.uuid;
    this.#link
      .reportError(id, this.#o.reporter.slice(0, MAX_REPORTER), text, this.#o.timeoutMs)
      .then(
        (r) => {
          this.#events.emit('report', {
            server: server.address,
            error: text,
            reports: r.reports,
            reporters: r.reporters,
            probed: r.probed,
          });
        },
        (e: unknown) => {
          const failed = e instanceof Error ? e : new Error(String(e));
          this.#events.emit('report', { server: server.address, error: text, failed });
        },
      );
  }
}
