import { FabricError } from '../util/fabric-error.js';
import type { GtidComparison } from './types.js';

/** The last GTID of one replication domain: domain-server_id-seq_no. */
export interface MariadbGtid {
  readonly domain: number;
  readonly serverId: number;
  readonly seq: bigint;
}

/** A MariaDB GTID position ("0-1-215,1-2-5"): the last GTID per domain, keyed by domain. */
export type MariadbPosition = ReadonlyMap<number, MariadbGtid>;

const GTID = /^(\d{1,10})-(\d{1,10})-(\d{1,20})$/;
const UINT32_MAX = 2 ** 32 - 1;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Parses a position as @@gtid_current_pos / Gtid_IO_Pos print it. '' is
 * the empty position. Throws INVALID_ARGUMENT naming the text and the bad
 * part; a domain listed twice is bad (a position has one GTID per domain).
 */
export function parseMariadbPosition(text: string): MariadbPosition {
  const position = new Map<number, MariadbGtid>();
  const trimmed = text.trim();
  if (trimmed === '') return position;
  for (const raw of trimmed.split(',')) {
    const gtid = parseGtid(text, raw.trim());
    if (position.has(gtid.domain)) {
      throw badPosition(text, `domain ${gtid.domain} appears twice`);
    }
    position.set(gtid.domain, gtid);
  }
  return position;
}

function parseGtid(text: string, part: string): MariadbGtid {
  const m = GTID.exec(part);
  if (m === null) throw badPosition(text, `"${part}" is not domain-server_id-sequence`);
  const domain = Number(m[1]);
  const serverId = Number(m[2]);
  const seq = BigInt(m[3] as string);
  if (domain > UINT32_MAX || serverId > UINT32_MAX || seq > UINT64_MAX) {
    throw badPosition(
      text,
      `"${part}" is out of range (32-bit domain and server_id, 64-bit sequence)`,
    );
  }
  return { domain, serverId, seq };
}

function badPosition(text: string, why: string): FabricError {
  return new FabricError('INVALID_ARGUMENT', `"${text}" is not a MariaDB GTID position: ${why}`, {
    gtids: text,
  });
}

export function formatMariadbPosition(gtids: Iterable<MariadbGtid>): string {
  return [...gtids]
    .sort((x, y) => x.domain - y.domain)
    .map((g) => `${g.domain}-${g.serverId}-${g.seq}`)
    .join(',');
}

/**
 * Compares two positions domain by domain. a includes b when, in every
 * domain of b, a's sequence number is higher, or equal with the same
 * server_id. Equal sequence numbers from different server_ids mean two
 * primaries each wrote that number: the histories diverged, so a does not
 * include b and a's GTID counts as something b lacks.
 *
 * aMinusB lists a's last GTID in each domain where a has transactions b
 * lacks (a position cannot express a range). A position keeps only the
 * last GTID per domain, so a divergence further back (a ahead in sequence
 * but on another primary's branch) is invisible here; replication reports
 * it as error 1236 under gtid_strict_mode.
 */
export function compareMariadbPositions(aText: string, bText: string): GtidComparison {
  const a = parseMariadbPosition(aText);
  const b = parseMariadbPosition(bText);
  let aIncludesB = true;
  for (const bg of b.values()) {
    const ag = a.get(bg.domain);
    if (ag === undefined || ag.seq < bg.seq || (ag.seq === bg.seq && ag.serverId !== bg.serverId)) {
      aIncludesB = false;
    }
  }
  const extra = [...a.values()].filter((ag) => {
    const bg = b.get(ag.domain);
    return (
      bg === undefined || ag.seq > bg.seq || (ag.seq === bg.seq && ag.serverId !== bg.serverId)
    );
  });
  return { aIncludesB, aMinusB: formatMariadbPosition(extra) };
}

/** One GTID per (domain, server_id): @@gtid_binlog_state, keyed "domain-server_id". */
export type MariadbBinlogState = ReadonlyMap<string, MariadbGtid>;

/** Parses @@gtid_binlog_state ("0-1-215,0-2-180,1-2-5"); '' is the empty state. */
export function parseMariadbBinlogState(text: string): MariadbBinlogState {
  const state = new Map<string, MariadbGtid>();
  const trimmed = text.trim();
  if (trimmed === '') return state;
  for (const raw of trimmed.split(',')) {
    const gtid = parseGtid(text, raw.trim());
    const key = `${gtid.domain}-${gtid.serverId}`;
    if (state.has(key))
      throw badPosition(text, `domain ${gtid.domain} server ${gtid.serverId} appears twice`);
    state.set(key, gtid);
  }
  return state;
}

/**
 * Compares two binlog states, the last GTID every server_id wrote in every
 * domain. Unlike positions (one GTID per domain), this sees a branch: a
 * crashed primary that binlogged 0-2-5458 before anyone replicated it,
 * while the new primary went on 0-1-5458, 0-1-5459…, holds a GTID of
 * server 2 beyond the last one the new primary has from server 2. a
 * includes b when every (domain, server_id) of b is in a with a sequence
 * at least as high; aMinusB lists a's GTIDs beyond b's for the same pair,
 * or from pairs b never saw.
 */
export function compareMariadbBinlogStates(aText: string, bText: string): GtidComparison {
  const a = parseMariadbBinlogState(aText);
  const b = parseMariadbBinlogState(bText);
  const aIncludesB = [...b.entries()].every(([k, bg]) => {
    const ag = a.get(k);
    return ag !== undefined && ag.seq >= bg.seq;
  });
  const extra = [...a.entries()]
    .filter(([k, ag]) => {
      const bg = b.get(k);
      return bg === undefined || ag.seq > bg.seq;
    })
    .map(([, g]) => g)
    .sort((x, y) => x.domain - y.domain || x.serverId - y.serverId)
    .map((g) => `${g.domain}-${g.serverId}-${g.seq}`);
  return { aIncludesB, aMinusB: extra.join(',') };
}
