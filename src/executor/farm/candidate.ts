import { compareGtidHistories, compareGtids, withoutDomains } from '../../mysql/index.js';
import type { Engine } from '../../mysql/index.js';
import { errantVersusPeers, errantVersusPrimary } from './errant.js';
import type { ErrantInput, LastSeenPrimary } from './errant.js';

/** One server as the candidate choice saw it. */
export interface CandidateView {
  readonly uuid: string;
  readonly address: string;
  readonly weight: number;
  /** Undefined when the probe failed; then `error` says why. */
  readonly probe?: {
    readonly engine: Engine;
    readonly gtidExecuted: string;
    /** The whole history (ServerHandle.gtidHistory), for the errant-transaction rule; positions when absent. */
    readonly gtidHistory?: string;
    /** host:port it replicates from, '' when none. */
    readonly source: string;
    readonly ioRunning: string;
    readonly sqlRunning: boolean;
    /** Last_SQL_Error: why the SQL thread stopped ('' when none). */
    readonly sqlError?: string;
    /** @@server_id: the origin of the GTIDs the server wrote itself. */
    readonly serverId?: number;
  };
  readonly error?: string;
}

/** Why each server was or was not chosen: written to the procedure's history. */
export interface Considered {
  readonly address: string;
  readonly uuid: string;
  readonly gtid: string;
  readonly eligible: boolean;
  readonly reason: string;
}

export interface CandidateChoice {
  readonly chosen: CandidateView | undefined;
  readonly considered: Considered[];
}

export interface ChoiceInput {
  readonly candidates: readonly CandidateView[];
  /** Switchover: the live old primary and its executed GTIDs; undefined for a failover. */
  readonly oldPrimary?: {
    readonly address: string;
    readonly gtidExecuted: string;
    readonly gtidHistory?: string;
  };
  /**
   * Failover: the dead primary's address and, when a Fabric node probed it,
   * its executed GTIDs as last seen; undefined for a switchover.
   */
  readonly deadPrimary?: {
    readonly address: string;
    readonly lastSeen?: LastSeenPrimary;
  };
  /** Skip the replication-state and errant-transaction rules (operator's explicit choice). */
  readonly force: boolean;
  /**
   * GTID domains the group's servers relay but never write (a shard
   * group: the global group's, shard-roles.ts relayedDomains): their
   * transactions are never errant here. Absent: none.
   */
  readonly relayedDomains?: readonly number[];
}

/**
 * Chooses the server to promote (mysql-fabric.md §3, done better): among
 * eligible servers, the one whose executed GTIDs include every other
 * eligible server's (so no acknowledged transaction that reached any
 * replica is dropped), then the highest weight, then the lowest address so
 * that every leader makes the same choice from the same facts.
 */
export function chooseCandidate(input: ChoiceInput): CandidateChoice {
  const judged = input.candidates.map((c) => ({ c, why: ineligibility(c, input) }));
  const eligible = judged.filter((j) => j.why === '').map((j) => j.c);
  const ranked = eligible
    .map((c) => ({ c, superset: includesAll(c, eligible) }))
    .sort(
      (a, b) =>
        Number(b.superset) - Number(a.superset) ||
        b.c.weight - a.c.weight ||
        (a.c.address < b.c.address ? -1 : a.c.address > b.c.address ? 1 : 0),
    );
  const chosen = ranked[0]?.c;
  const considered = judged.map(({ c, why }) => ({
    address: c.address,
    uuid: c.uuid,
    gtid: c.probe?.gtidExecuted ?? '',
    eligible: why === '',
    reason:
      why !== ''
        ? why
        : c === chosen
          ? `chosen: ${ranked[0]?.superset === true ? 'has every transaction the other candidates have' : 'no candidate has all the others’ transactions; highest weight'}, weight ${c.weight}`
          : `eligible, not chosen (${includesAll(c, eligible) ? 'weight/address order' : 'lacks transactions another candidate has'})`,
  }));
  return { chosen, considered };
}

function ineligibility(c: CandidateView, input: ChoiceInput): string {
  if (c.probe === undefined) return `unreachable: ${c.error ?? 'no answer'}`;
  if (input.force) return '';
  if (input.deadPrimary !== undefined) return failoverIneligibility(c, input.deadPrimary, input);
  const old = input.oldPrimary;
  if (old === undefined) return '';
  const p = c.probe;
  if (p.source !== old.address)
    return p.source === ''
      ? `does not replicate from the primary ${old.address}`
      : `replicates from ${p.source}, not from the primary ${old.address}`;
  if (p.ioRunning !== 'Yes' || !p.sqlRunning)
    return `replication is not healthy (IO ${p.ioRunning}, SQL ${p.sqlRunning ? 'Yes' : 'No'}${p.sqlError ? `: ${p.sqlError}` : ''})`;
  const own = (gtids: string): string =>
    withoutDomains(p.engine, gtids, input.relayedDomains ?? []);
  const errant =
    p.gtidHistory !== undefined && old.gtidHistory !== undefined
      ? compareGtidHistories(p.engine, own(p.gtidHistory), own(old.gtidHistory)).aMinusB
      : compareGtids(p.engine, own(p.gtidExecuted), own(old.gtidExecuted)).aMinusB;
  if (errant !== '')
    return `has errant transactions the primary lacks: ${errant} (use --force to promote anyway)`;
  return '';
}

/**
 * A failover's candidate checks, the switchover's adapted to a primary that
 * cannot be asked: it replicated from the dead primary, its SQL thread runs
 * (the freeze stopped only the IO thread; a stopped SQL thread leaves relay
 * log unapplied, and Last_SQL_Error says the replica no longer matches its
 * source, MariaDB manual "SHOW REPLICA STATUS"), and it holds no errant
 * transaction, neither against the dead primary as last seen nor against
 * the other candidates.
 */
function failoverIneligibility(
  c: CandidateView,
  dead: NonNullable<ChoiceInput['deadPrimary']>,
  input: ChoiceInput,
): string {
  const p = c.probe;
  if (p === undefined) return `unreachable: ${c.error ?? 'no answer'}`;
  if (p.source !== dead.address)
    return p.source === ''
      ? `does not replicate from the dead primary ${dead.address}`
      : `replicates from ${p.source}, not from the dead primary ${dead.address}`;
  if (!p.sqlRunning)
    return `replication is broken: the SQL thread is stopped${p.sqlError ? ` (${p.sqlError})` : ''}`;
  const mine = errantInput(c, input.relayedDomains ?? []);
  if (mine === undefined) return '';
  const vsPrimary = dead.lastSeen === undefined ? '' : errantVersusPrimary(mine, dead.lastSeen);
  if (vsPrimary !== '')
    return `has errant transactions the dead primary ${dead.address} lacked when last seen: ${vsPrimary}`;
  const peers = input.candidates
    .filter((o) => o !== c)
    .map((o) => errantInput(o, input.relayedDomains ?? []))
    .filter((x) => x !== undefined);
  const vsPeers = errantVersusPeers(mine, peers);
  if (vsPeers !== '')
    return `has errant transactions it wrote itself that other candidates lack: ${vsPeers}`;
  return '';
}

/** The candidate's history without the relayed domains (ChoiceInput.relayedDomains). */
function errantInput(c: CandidateView, relayed: readonly number[]): ErrantInput | undefined {
  const p = c.probe;
  if (p?.gtidHistory === undefined || p.serverId === undefined) return undefined;
  return {
    engine: p.engine,
    gtidHistory: withoutDomains(p.engine, p.gtidHistory, relayed),
    serverId: p.serverId,
  };
}

function includesAll(c: CandidateView, others: readonly CandidateView[]): boolean {
  const p = c.probe;
  if (p === undefined) return false;
  return others.every(
    (o) =>
      o === c ||
      o.probe === undefined ||
      compareGtids(p.engine, p.gtidExecuted, o.probe.gtidExecuted).aIncludesB,
  );
}
