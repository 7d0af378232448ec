import { FabricError } from '../util/fabric-error.js';
import type { GtidComparison } from './types.js';

/** An inclusive range of transaction numbers. */
export interface GtidInterval {
  readonly start: bigint;
  readonly end: bigint;
}

/**
 * A MySQL GTID set: for each source ("uuid", or "uuid:tag" for MySQL 8.3+
 * tagged GTIDs, lowercase), sorted, disjoint, non-adjacent intervals.
 */
export type GtidSet = ReadonlyMap<string, readonly GtidInterval[]>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TAG = /^[a-z_][a-z0-9_]{0,31}$/;
const INTERVAL = /^(\d{1,19})(?:-(\d{1,19}))?$/;
/** Transaction numbers are 1 .. 2^63-1 (MySQL's GNO). */
const GNO_MAX = 2n ** 63n - 1n;

/**
 * Parses "uuid:1-5:7-9,uuid2:1-3" as @@gtid_executed prints it (with
 * newlines after commas). '' is the empty set. Throws INVALID_ARGUMENT
 * naming the text and the bad part.
 */
export function parseGtidSet(text: string): GtidSet {
  const ranges = new Map<string, GtidInterval[]>();
  const compact = text.replace(/\s+/g, '').toLowerCase();
  if (compact === '') return ranges;
  for (const part of compact.split(',')) {
    const [uuid, ...rest] = part.split(':');
    if (uuid === undefined || !UUID.test(uuid))
      throw badSet(text, `"${part}" does not start with a server uuid`);
    if (rest.length === 0) throw badSet(text, `"${part}" has no transaction numbers`);
    let key = uuid;
    let tagWithoutRange = false;
    for (const item of rest) {
      if (TAG.test(item)) {
        if (tagWithoutRange) break;
        key = `${uuid}:${item}`;
        tagWithoutRange = true;
        continue;
      }
      const list = ranges.get(key) ?? [];
      list.push(parseInterval(text, item));
      ranges.set(key, list);
      tagWithoutRange = false;
    }
    if (tagWithoutRange) throw badSet(text, `"${part}" has a tag without transaction numbers`);
  }
  return new Map([...ranges].map(([k, list]) => [k, normalise(list)]));
}

function parseInterval(text: string, item: string): GtidInterval {
  const m = INTERVAL.exec(item);
  if (m === null) throw badSet(text, `"${item}" is neither a number, a range n-m nor a tag`);
  const start = BigInt(m[1] as string);
  const end = m[2] === undefined ? start : BigInt(m[2]);
  if (start < 1n || end > GNO_MAX || end < start) {
    throw badSet(
      text,
      `"${item}" is not a range of transaction numbers 1..2^63-1 with start ≤ end`,
    );
  }
  return { start, end };
}

function badSet(text: string, why: string): FabricError {
  return new FabricError('INVALID_ARGUMENT', `"${text}" is not a MySQL GTID set: ${why}`, {
    gtids: text,
  });
}

/** Sorts and merges overlapping or adjacent intervals. */
function normalise(list: readonly GtidInterval[]): GtidInterval[] {
  const sorted = [...list].sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  const out: GtidInterval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && iv.start <= last.end + 1n) {
      out[out.length - 1] = { start: last.start, end: iv.end > last.end ? iv.end : last.end };
    } else {
      out.push(iv);
    }
  }
  return out;
}

/** a − b: the transactions in a that b lacks. */
export function subtractGtidSets(a: GtidSet, b: GtidSet): GtidSet {
  const out = new Map<string, GtidInterval[]>();
  for (const [key, list] of a) {
    const left = subtractIntervals(list, b.get(key) ?? []);
    if (left.length > 0) out.set(key, left);
  }
  return out;
}

function subtractIntervals(a: readonly GtidInterval[], b: readonly GtidInterval[]): GtidInterval[] {
  let remaining = [...a];
  for (const cut of b) {
    remaining = remaining.flatMap((iv) => {
      if (cut.end < iv.start || cut.start > iv.end) return [iv];
      const pieces: GtidInterval[] = [];
      if (cut.start > iv.start) pieces.push({ start: iv.start, end: cut.start - 1n });
      if (cut.end < iv.end) pieces.push({ start: cut.end + 1n, end: iv.end });
      return pieces;
    });
  }
  return remaining;
}

/** The set in MySQL's notation: uuids sorted, untagged ranges first, then each tag's. */
export function formatGtidSet(set: GtidSet): string {
  const byUuid = new Map<string, string[]>();
  for (const key of [...set.keys()].sort()) {
    const [uuid, tag] = key.split(':') as [string, string | undefined];
    const ranges = (set.get(key) ?? []).map((iv) =>
      iv.start === iv.end ? `${iv.start}` : `${iv.start}-${iv.end}`,
    );
    const parts = byUuid.get(uuid) ?? [uuid];
    parts.push(...(tag === undefined ? [] : [tag]), ...ranges);
    byUuid.set(uuid, parts);
  }
  return [...byUuid.values()].map((parts) => parts.join(':')).join(',');
}

/** a includes b when b − a is empty; aMinusB is a − b in MySQL's notation. */
export function compareGtidSets(aText: string, bText: string): GtidComparison {
  const a = parseGtidSet(aText);
  const b = parseGtidSet(bText);
  return {
    aIncludesB: subtractGtidSets(b, a).size === 0,
    aMinusB: formatGtidSet(subtractGtidSets(a, b)),
  };
}
