import type { Command } from 'commander';
import { THREAT_VERDICT, defaultReporter } from '../client/threat-client.js';
import type { ThreatReportOptions } from '../client/threat-client.js';
import type { ProbeRound__Output } from '../gen/fabric/v1/ProbeRound.js';
import { withConnectOptions } from './connect.js';
import { withFarmClient } from './mutation-command.js';
import type { FarmCommandOptions } from './mutation-command.js';
import { emit } from './output.js';

interface ThreatCommandOptions extends FarmCommandOptions {
  readonly reporter?: string;
  readonly error?: string;
}

/** fabric threat …: mysqlfabric's threat commands, which here only ever make the detector probe. */
export function registerThreatCommands(program: Command): void {
  const threat = program
    .command('threat')
    .description(
      'report trouble with a managed server; the failure detector probes at once, but only agreeing probes declare it dead',
    );
  withThreatOptions(
    threat
      .command('report-error <server>')
      .description(
        'report a suspicion (e.g. a connection error); enough reports from enough clients within the window trigger a probe round',
      ),
  ).action(async (server: string, o: ThreatCommandOptions) => {
    const r = await withFarmClient(o, (c) => c.threats.reportError(server, reportOptions(o)));
    emit(o.json === true, r, () =>
      r.round === null
        ? `${server}: ${r.reports} report(s) from ${r.reporters} reporter(s) in the window; no probe round yet`
        : `${server}: ${r.reports} report(s) from ${r.reporters} reporter(s) triggered a probe round: ${roundText(r.round)}`,
    );
  });
  withThreatOptions(
    threat
      .command('report-failure <server>')
      .description(
        'report that a server is down: every Fabric node probes it now; prints what the round concluded',
      ),
  ).action(async (server: string, o: ThreatCommandOptions) => {
    const round = await withFarmClient(o, (c) => c.threats.reportFailure(server, reportOptions(o)));
    emit(o.json === true, round, () => roundText(round));
  });
}

function withThreatOptions(c: Command): Command {
  return withConnectOptions(c)
    .option('--reporter <id>', 'who reports (default: this host and process)')
    .option('--error <text>', 'what the client saw');
}

function reportOptions(o: ThreatCommandOptions): ThreatReportOptions {
  return { reporter: o.reporter ?? defaultReporter(), error: o.error ?? '' };
}

/** "DEAD: the views agree … (procedure …)". */
function roundText(r: ProbeRound__Output): string {
  const verdict = THREAT_VERDICT.name(r.verdict, 'UNKNOWN');
  return `${verdict}: ${r.detail}`;
}
