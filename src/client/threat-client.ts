import { hostname } from 'node:os';
import type { ProbeRound__Output } from '../gen/fabric/v1/ProbeRound.js';
import type { ThreatServiceClient } from '../gen/fabric/v1/ThreatService.js';
import type { ThreatServiceReportErrorResponse__Output } from '../gen/fabric/v1/ThreatServiceReportErrorResponse.js';
import { ThreatVerdict } from '../gen/fabric/v1/ThreatVerdict.js';
import type { ThreatVerdict__Output } from '../gen/fabric/v1/ThreatVerdict.js';
import { FabricError } from '../util/fabric-error.js';
import { EnumNames } from './farm-names.js';
import type { UnaryCaller } from './unary-caller.js';

export type ThreatVerdictName = 'REACHABLE' | 'SUSPECTED' | 'DEAD' | 'NOT_WATCHED' | 'FAULTY';

/** The verdict names ("REACHABLE", "DEAD", …) of fabric.v1.ThreatVerdict. */
export const THREAT_VERDICT = new EnumNames<ThreatVerdictName, ThreatVerdict__Output>(
  'THREAT_VERDICT_',
  ThreatVerdict,
);

/** Options of both reports. */
export interface ThreatReportOptions {
  /** Who reports (default: this host and process, so each client process counts once). */
  readonly reporter?: string;
  /** What the client saw, e.g. the driver's error message. */
  readonly error?: string;
  /** Call deadline (default: the client's). */
  readonly timeoutMs?: number;
}

/** This process as a reporter: distinct processes are distinct reporters for report-error. */
export function defaultReporter(): string {
  return `${hostname()}/${process.pid}`;
}

/**
 * fabric.v1.ThreatService: a client's suspicion (reportError) or certainty
 * (reportFailure) about a managed server. Neither declares the server dead:
 * the failure detector probes at once, and only agreeing probes fail it
 * over. `server` is a uuid or host:port.
 */
export class ThreatClient {
  readonly #stub: ThreatServiceClient;
  readonly #caller: UnaryCaller;

  constructor(stub: ThreatServiceClient, caller: UnaryCaller) {
    this.#stub = stub;
    this.#caller = caller;
  }

  /** Counts a suspicion; enough of them from enough reporters trigger a probe round (then `round` is set). */
  reportError(
    server: string,
    o: ThreatReportOptions = {},
  ): Promise<ThreatServiceReportErrorResponse__Output> {
    return this.#caller.call(
      (md, opts, cb) =>
        this.#stub.ReportError(
          { server, reporter: o.reporter ?? defaultReporter(), error: o.error ?? '' },
          md,
          opts,
          cb,
        ),
      o.timeoutMs,
    );
  }

  /** Makes every node probe the server now; answers with what the round concluded. */
  async reportFailure(server: string, o: ThreatReportOptions = {}): Promise<ProbeRound__Output> {
    const r = await this.#caller.call<{ round: ProbeRound__Output | null }>(
      (md, opts, cb) =>
        this.#stub.ReportFailure(
          { server, reporter: o.reporter ?? defaultReporter(), error: o.error ?? '' },
          md,
          opts,
          cb,
        ),
      o.timeoutMs,
    );
    if (r.round === null)
      throw new FabricError('INTERNAL', 'the server answered ReportFailure without a round');
    return r.round;
  }
}
