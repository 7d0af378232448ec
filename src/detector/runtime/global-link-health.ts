import type { FabricModel, Server } from '../../fabric/index.js';
import { replicaSource } from '../../mysql/index.js';
import type { ReplicaStatus } from '../../mysql/index.js';
import { globalGroupOf } from '../../executor/farm/index.js';

/** A shard primary's link to its global group's primary ('fabric_global'), as health found it. */
export interface GlobalLinkHealth {
  /** The global group it should replicate from ('' when the server is no shard group's primary). */
  readonly globalGroup: string;
  /** host:port the link replicates from. */
  readonly source: string;
  readonly ioRunning: string;
  readonly sqlRunning: boolean;
  readonly ioError: string;
  readonly sqlError: string;
  /** Seconds behind the global primary; -1 when unknown. */
  readonly lagSeconds: number;
}

/** MariaDB/MySQL: the source's binlog lacks what the replica asks for. */
const ER_SOURCE_FATAL_READING_BINLOG = 1236;

/** The link's row for health; undefined when the server has no link. */
export function globalLinkOf(
  model: FabricModel,
  s: Server,
  link: ReplicaStatus | undefined,
): GlobalLinkHealth | undefined {
  if (link === undefined) return undefined;
  return {
    globalGroup: s.status === 'PRIMARY' ? (globalGroupOf(model, s.groupId)?.id ?? '') : '',
    source: replicaSource(link),
    ioRunning: link.ioRunning,
    sqlRunning: link.sqlRunning,
    ioError: link.ioError,
    sqlError: link.sqlError,
    lagSeconds: link.secondsBehind ?? -1,
  };
}

/**
 * What is wrong with a server's global link, one sentence each: a shard
 * group's primary must replicate from its global group's primary, healthy
 * and not too far behind; any other server must not carry a link at all
 * (it would apply global transactions its own primary also sends it).
 */
export function globalLinkIssues(
  model: FabricModel,
  s: Server,
  link: ReplicaStatus | undefined,
  lagThresholdS: number,
): string[] {
  const global = s.status === 'PRIMARY' ? globalGroupOf(model, s.groupId) : undefined;
  if (global === undefined)
    return link === undefined
      ? []
      : [
          `carries a global link ('fabric_global' from ${replicaSource(link)}) but is not the primary of a group holding an ENABLED shard: it would apply global transactions twice; the next switchover or rejoin removes it (or RESET SLAVE 'fabric_global' ALL)`,
        ];
  const want = global.primary === null ? undefined : model.server(global.primary)?.address;
  if (link === undefined)
    return [
      `is the primary of shard group ${s.groupId} but has no global link from the global group ${global.id}${want === undefined ? '' : ` (${want})`}: global tables and DDL do not reach this group`,
    ];
  const out: string[] = [];
  const source = replicaSource(link);
  if (want !== undefined && source !== want)
    out.push(
      `its global link replicates from ${source}, not from the global group ${global.id}'s primary ${want}`,
    );
  if (link.ioErrno === ER_SOURCE_FATAL_READING_BINLOG)
    out.push(
      `its global link has diverged from the global primary (error 1236: ${link.ioError}): this shard holds global transactions the global group lacks; rebuild it or remove them`,
    );
  else if (link.ioRunning !== 'Yes')
    out.push(
      `its global link's IO thread is ${link.ioRunning}${link.ioError === '' ? '' : `: ${link.ioError}`}`,
    );
  if (!link.sqlRunning)
    out.push(
      `its global link's SQL thread is stopped${link.sqlError === '' ? '' : `: ${link.sqlError}`}`,
    );
  if (link.secondsBehind !== null && link.secondsBehind > lagThresholdS)
    out.push(
      `its global link lags ${link.secondsBehind} s behind the global primary, over [failure_detector] lag_threshold_s (${lagThresholdS} s)`,
    );
  return out;
}

/**
 * A server whose gtid_domain_id is not its group's: its next write as a
 * primary would land in another domain (after a restart MariaDB is back
 * to its configured value, 0 by default).
 */
export function domainIssues(model: FabricModel, s: Server, actual: number | undefined): string[] {
  const want = model.group(s.groupId)?.gtidDomainId;
  if (want === undefined || actual === undefined || actual === want) return [];
  return [
    `writes in gtid_domain_id ${actual}, not its group's ${want}: fabric-ha sets it when it adds or promotes the server (MariaDB forgets SET GLOBAL on restart); put gtid_domain_id=${want} in its configuration to keep it`,
  ];
}
