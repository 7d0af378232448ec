import type { FabricModel, Server } from '../../fabric/index.js';
import { compareGtidHistories, replicaSource, withoutDomains } from '../../mysql/index.js';
import type { ReplicaStatus, SemiSyncSettings, ServerProbe } from '../../mysql/index.js';
import {
  LOSSLESS_SEMI_SYNC_TIMEOUT_MS,
  relayedDomains,
  stalledFailover,
} from '../../executor/farm/index.js';
import type { FenceMode, ServerConnector } from '../../executor/farm/index.js';
import { isFabricError } from '../../util/fabric-error.js';
import { GLOBAL_LINK_CHANNEL } from '../../executor/sharding/global-link.js';
import { domainIssues, globalLinkIssues, globalLinkOf } from './global-link-health.js';
import type { GlobalLinkHealth } from './global-link-health.js';

export type { GlobalLinkHealth };

/** One server of a group, as `group health` reports it (mysql-fabric.md §1 `health`, extended). */
export interface ServerHealth {
  readonly uuid: string;
  readonly address: string;
  /** Status and mode in the replicated model. */
  readonly status: Server['status'];
  readonly mode: Server['mode'];
  readonly reachable: boolean;
  /** Why it is unreachable or what failed while probing ('' when nothing). */
  readonly error: string;
  /** What the server actually is: writable with no source, replica, or unknown when unreachable. */
  readonly role: 'primary' | 'replica' | 'standalone' | 'unknown';
  readonly readOnly: boolean;
  /** host:port it replicates from, '' when none. */
  readonly replicatingFrom: string;
  readonly ioRunning: string;
  readonly sqlRunning: boolean;
  readonly ioError: string;
  readonly sqlError: string;
  /** Seconds_Behind_Master; -1 when unknown. */
  readonly lagSeconds: number;
  readonly gtidExecuted: string;
  /** Semi-synchronous replication on this server: '' (off), 'source', 'replica' or 'source+replica'. */
  readonly semiSync: string;
  /** On the PRIMARY: the protection a failover has against it taking writes while cut from Fabric. */
  readonly fence: string;
  /** Problems found, each one sentence, e.g. "replicates from 127.0.0.1:3311, not from the primary 127.0.0.1:3310". */
  readonly issues: readonly string[];
  /** @@gtid_domain_id; -1 when unknown (unreachable, or MySQL, whose GTIDs have no domain). */
  readonly gtidDomainId: number;
  /** Its 'fabric_global' connection (a shard group's primary); undefined when it has none. */
  readonly globalLink?: GlobalLinkHealth;
}

/** MariaDB/MySQL: the source's binlog lacks what the replica asks for — it has diverged. */
const ER_SOURCE_FATAL_READING_BINLOG = 1236;

/**
 * `group health` (mysql-fabric.md §1): probes every server of a group and
 * says, per server, what the replicated model claims and what the server
 * actually does, with each disagreement spelled out — including the check
 * Fabric lacked (Bug#75649): the replication threads and their source.
 */
/** What health judges against ([failure_detector] lag_threshold_s, [ha] fence). */
export interface HealthSettings {
  readonly lagThresholdS: number;
  readonly fence: FenceMode;
  readonly fenceCommand: readonly string[];
}

export async function groupHealth(
  model: FabricModel,
  servers: ServerConnector,
  groupId: string,
  settings: HealthSettings,
): Promise<ServerHealth[]> {
  const { lagThresholdS } = settings;
  const group = model.group(groupId);
  const primary =
    group?.primary === null || group === undefined ? undefined : model.server(group.primary);
  const members = model.servers({ groupId });
  const semi = new Map<string, string>();
  const semiSettings = new Map<string, SemiSyncSettings>();
  const history = new Map<string, string>();
  const links = new Map<string, ReplicaStatus | undefined>();
  const domains = new Map<string, number | undefined>();
  const probeOf = async (s: Server): Promise<ServerProbe | Error> => {
    const h = servers.server(s.address, s.uuid);
    try {
      const [probe, ss, hist, link, domain] = await Promise.all([
        h.probe(),
        h.semiSync(),
        h.gtidHistory(),
        h.channelStatus(GLOBAL_LINK_CHANNEL),
        h.gtidDomainId(),
      ]);
      history.set(s.uuid, hist);
      links.set(s.uuid, link);
      domains.set(s.uuid, domain);
      semiSettings.set(s.uuid, ss);
      semi.set(
        s.uuid,
        [ss.source ? 'source' : '', ss.replica ? 'replica' : ''].filter(Boolean).join('+'),
      );
      return probe;
    } catch (e) {
      return e as Error;
    }
  };
  // The primary last: under writes it moves on, and probed first it would
  // look behind its own replicas (a false divergence).
  const others = members.filter((s) => s.uuid !== primary?.uuid);
  const probes = new Map<string, ServerProbe | Error>();
  await Promise.all(
    others.map(async (s) => {
      probes.set(s.uuid, await probeOf(s));
    }),
  );
  if (primary !== undefined) probes.set(primary.uuid, await probeOf(primary));
  const primaryHistory = primary === undefined ? undefined : history.get(primary.uuid);
  const judged = members.map((s): ServerHealth => {
    const probe = probes.get(s.uuid);
    const fence =
      s.uuid === primary?.uuid ? fenceOf(settings, semiSettings.get(s.uuid)) : undefined;
    if (probe === undefined || probe instanceof Error)
      return { ...unreachable(s, probe), fence: fence?.text ?? '' };
    const link = links.get(s.uuid);
    const globalLink = globalLinkOf(model, s, link);
    const h = {
      ...healthOf(s, probe, primary, lagThresholdS),
      semiSync: semi.get(s.uuid) ?? '',
      fence: fence?.text ?? '',
      gtidDomainId: domains.get(s.uuid) ?? -1,
      ...(globalLink === undefined ? {} : { globalLink }),
    };
    if (fence?.issue !== undefined) h.issues = [...h.issues, fence.issue];
    h.issues = [
      ...h.issues,
      ...domainIssues(model, s, domains.get(s.uuid)),
      ...globalLinkIssues(model, s, link, lagThresholdS),
    ];
    // The global domain's transactions are relayed by the primary: a
    // secondary may show some the primary's (later) probe did not yet.
    const own = (gtids: string): string =>
      withoutDomains(probe.info.engine, gtids, relayedDomains(model, groupId));
    const diverged =
      primaryHistory === undefined || s.uuid === primary?.uuid
        ? ''
        : compareGtidHistories(
            probe.info.engine,
            own(history.get(s.uuid) ?? ''),
            own(primaryHistory),
          ).aMinusB;
    if (diverged === '') return h;
    return {
      ...h,
      issues: [
        ...h.issues,
        `has diverged: holds transactions the primary ${primary?.address ?? ''} lacks (${diverged}); it cannot rejoin as it is — rebuild it from the primary`,
      ],
    };
  });
  const stalled = stalledFailover(model, groupId);
  return judged.map((h) => withStalledFailover(stalled, h));
}

/** A failover that found no clean candidate: each candidate says why it was not promoted. */
function withStalledFailover(
  stalled: ReturnType<typeof stalledFailover>,
  h: ServerHealth,
): ServerHealth {
  const mine = stalled?.candidates.find((c) => c.uuid === h.uuid);
  if (stalled === undefined || mine === undefined) return h;
  return {
    ...h,
    issues: [
      ...h.issues,
      `not promoted by failover ${stalled.procedureId} (NO_CANDIDATE; the group has no primary): ${mine.reason}`,
    ],
  };
}

/**
 * A server that could not be probed. A server replaced at its address
 * answers, but it is not the one fabric-ha manages: the issue says so
 * rather than "unreachable".
 */
function unreachable(s: Server, e: unknown): ServerHealth {
  const error = (e as Error).message;
  const cut =
    s.reachability === 'REPLICAS_ONLY'
      ? [
          'unreachable from Fabric, alive for its replicas: they still receive from it, so the failure detector vetoed a failover (fabric procedure list shows server.set-reachability with the evidence)',
        ]
      : [];
  return {
    uuid: s.uuid,
    address: s.address,
    status: s.status,
    mode: s.mode,
    reachable: false,
    error,
    role: 'unknown',
    readOnly: false,
    replicatingFrom: '',
    ioRunning: '',
    sqlRunning: false,
    ioError: '',
    sqlError: '',
    lagSeconds: -1,
    gtidExecuted: '',
    semiSync: '',
    fence: '',
    gtidDomainId: -1,
    issues: [
      ...cut,
      isFabricError(e, 'SERVER_IDENTITY_CHANGED')
        ? `identity changed: ${error}`
        : `unreachable: ${error}`,
    ],
  };
}

/**
 * The primary's protection against a split brain ([ha] fence), in words,
 * and an issue when the setting cannot deliver what it promises (a
 * semi-sync fence on a primary that is not a semi-sync source, or one that
 * falls back to asynchronous replication after a timeout).
 */
function fenceOf(
  settings: HealthSettings,
  ss: SemiSyncSettings | undefined,
): { text: string; issue?: string } {
  if (settings.fence === 'none')
    return {
      text: 'none: if Fabric loses this primary while clients and no replica reach it, it keeps acknowledging writes that a failover loses',
    };
  if (settings.fence === 'command')
    return {
      text: `command: a failover runs ${settings.fenceCommand.join(' ')} <address> and promotes only once it succeeds`,
    };
  const timeout = ss?.timeoutMs ?? null;
  if (ss === undefined) return { text: 'semi-sync (unknown: the primary did not answer)' };
  if (!ss.source)
    return {
      text: 'semi-sync: NOT in force',
      issue:
        '[ha] fence = "semi-sync", but the primary is not a semi-sync source: an isolated primary would keep acknowledging writes',
    };
  if (timeout === null || timeout < LOSSLESS_SEMI_SYNC_TIMEOUT_MS)
    return {
      text: `semi-sync, falls back to asynchronous after ${timeout ?? '?'} ms`,
      issue: `[ha] fence = "semi-sync", but rpl_semi_sync_master_timeout = ${timeout ?? '?'} ms: an isolated primary acknowledges writes again after it; the next promotion sets it to ${LOSSLESS_SEMI_SYNC_TIMEOUT_MS} (or set it by hand)`,
    };
  return {
    text: 'semi-sync, lossless: an isolated primary blocks its commits instead of acknowledging them',
  };
}

function healthOf(
  s: Server,
  p: ServerProbe,
  primary: Server | undefined,
  lagThresholdS: number,
): ServerHealth {
  const r = p.replica;
  const source = replicaSource(r);
  const role = r !== undefined ? 'replica' : p.readOnly ? 'standalone' : 'primary';
  return {
    uuid: s.uuid,
    address: s.address,
    status: s.status,
    mode: s.mode,
    reachable: true,
    error: '',
    role,
    readOnly: p.readOnly,
    replicatingFrom: source,
    ioRunning: r?.ioRunning ?? '',
    sqlRunning: r?.sqlRunning ?? false,
    ioError: r?.ioError ?? '',
    sqlError: r?.sqlError ?? '',
    lagSeconds: r?.secondsBehind ?? -1,
    gtidExecuted: p.gtidExecuted,
    semiSync: '',
    fence: '',
    gtidDomainId: -1,
    issues: issuesOf(s, p, source, primary, lagThresholdS),
  };
}

function issuesOf(
  s: Server,
  p: ServerProbe,
  source: string,
  primary: Server | undefined,
  lagThresholdS: number,
): string[] {
  const out: string[] = [];
  const r = p.replica;
  if (s.status === 'PRIMARY') {
    if (p.readOnly) out.push('is the PRIMARY but read_only is ON: writes are refused');
    if (r !== undefined) out.push(`is the PRIMARY but replicates from ${source}`);
    return out;
  }
  if (!p.readOnly) out.push(`is writable (read_only OFF) but is ${s.status}, not the primary`);
  if (s.status === 'FAULTY' || primary === undefined) return out;
  if (r === undefined)
    out.push(`does not replicate; it should replicate from the primary ${primary.address}`);
  else {
    if (source !== primary.address)
      out.push(`replicates from ${source}, not from the primary ${primary.address}`);
    if (r.ioErrno === ER_SOURCE_FATAL_READING_BINLOG)
      out.push(
        `has diverged from its source (error 1236: ${r.ioError}); rebuild it from the primary`,
      );
    else if (r.ioRunning !== 'Yes')
      out.push(
        `replication IO thread is ${r.ioRunning}${r.ioError === '' ? '' : `: ${r.ioError}`}`,
      );
    if (!r.sqlRunning)
      out.push(`replication SQL thread is stopped${r.sqlError === '' ? '' : `: ${r.sqlError}`}`);
    if (r.secondsBehind !== null && r.secondsBehind > lagThresholdS)
      out.push(
        `lags ${r.secondsBehind} s behind its source, over [failure_detector] lag_threshold_s (${lagThresholdS} s): clients should not read here`,
      );
  }
  return out;
}
