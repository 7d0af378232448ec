/** [failure_detector] report_error_*: when clients' suspicions call for a probe round. */
export interface ThreatSettings {
  readonly windowMs: number;
  /** Reports within the window… */
  readonly threshold: number;
  /** …from at least this many distinct reporters. */
  readonly clients: number;
}

/** One server's count after a report. */
export interface ThreatTally {
  readonly reports: number;
  readonly reporters: number;
  /** The reports reached both thresholds: probe now. The count starts again from zero. */
  readonly triggered: boolean;
}

/**
 * Distinct reporters remembered per server at most. A flood of made-up
 * reporter names evicts the stalest ones instead of growing without bound.
 */
const MAX_REPORTERS = 10_000;

/**
 * report-error counting, MySQL Fabric's "unreliable failure detector"
 * (WL#7388): many clients' suspicions within a window trigger a probe
 * round, never a verdict. Pure: the caller passes the time in.
 *
 * Memory is bounded: per server at most MAX_REPORTERS reporters, each with
 * at most `threshold` timestamps (one reporter's extra reports could not
 * change the outcome: it alone already reaches the count).
 */
export class ThreatWindow {
  readonly #settings: ThreatSettings;
  /** server → reporter → report times (oldest first), all within the window as of the last record. */
  readonly #reports = new Map<string, Map<string, number[]>>();

  constructor(settings: ThreatSettings) {
    this.#settings = settings;
  }

  /** Records one report of `server` by `reporter` at `now`. */
  record(server: string, reporter: string, now: number): ThreatTally {
    const byReporter = this.#prune(server, now);
    const times = byReporter.get(reporter) ?? [];
    byReporter.delete(reporter); // re-inserted last: Map order is then staleness order
    times.push(now);
    if (times.length > this.#settings.threshold) times.shift();
    byReporter.set(reporter, times);
    while (byReporter.size > MAX_REPORTERS) {
      const stalest = byReporter.keys().next();
      if (stalest.done === true) break;
      byReporter.delete(stalest.value);
    }
    let reports = 0;
    for (const t of byReporter.values()) reports += t.length;
    const reporters = byReporter.size;
    const triggered = reports >= this.#settings.threshold && reporters >= this.#settings.clients;
    if (triggered) this.#reports.delete(server);
    return { reports, reporters, triggered };
  }

  #prune(server: string, now: number): Map<string, number[]> {
    let byReporter = this.#reports.get(server);
    if (byReporter === undefined) {
      byReporter = new Map();
      this.#reports.set(server, byReporter);
    }
    for (const [reporter, times] of byReporter) {
      const kept = times.filter((t) => now - t < this.#settings.windowMs && t <= now);
      if (kept.length === 0) byReporter.delete(reporter);
      else byReporter.set(reporter, kept);
    }
    return byReporter;
  }
}
