import type { Server } from '../../fabric/index.js';
import type { JsonValue } from '../../fabric/index.js';
import type { JudgeInput, Observation, ReplicaView } from './types.js';

/** One voter's view of one server at judgement time. */
export interface NodeView {
  readonly node: string;
  /**
   * failed/ok: its latest observation is within the observation window;
   * stale: older; none: it never reported this server. Only 'failed' counts
   * towards a majority: a silent node is not evidence of death.
   */
  readonly state: 'failed' | 'ok' | 'stale' | 'none';
  readonly at: number | null;
  readonly error: string;
}

/**
 * What a replica's replication says about its source: 'alive' (its IO
 * thread is connected and received an event or heartbeat recently: proof
 * of life), 'lost' (reconnecting, failing, or connected but silent for
 * several heartbeat periods: a half-open connection), 'silent' (its IO
 * thread was stopped without an error: it says nothing).
 */
export type ReplicaWord = 'alive' | 'lost' | 'silent';

/** What a secondary's replication said about the primary it replicates from. */
export interface SecondarySight {
  readonly server: string;
  readonly address: string;
  readonly ioRunning: string;
  readonly ioError: string;
  readonly receiptAgeMs: number | null;
  readonly heartbeatPeriodMs: number | null;
  readonly says: ReplicaWord;
  readonly why: string;
  readonly seenBy: string;
  readonly at: number;
}

/** Raft's majority of n voters. */
export function majorityOf(voters: number): number {
  return Math.floor(voters / 2) + 1;
}

export function isFresh(input: JudgeInput, o: Observation): boolean {
  return input.now - o.at <= input.settings.observationWindowMs;
}

/**
 * Every voter's view of `uuid`, voters in a fixed order. The leader's own
 * view is its latest probe, like the others'; the judge only asks once the
 * leader's own run of failures is long enough.
 */
export function nodeViews(input: JudgeInput, uuid: string): NodeView[] {
  return [...input.voters].sort().map((node) => {
    const o = input.observations.get(node)?.get(uuid);
    if (o === undefined) return { node, state: 'none', at: null, error: '' };
    const state = !isFresh(input, o) ? 'stale' : o.ok ? 'ok' : 'failed';
    return { node, state, at: o.at, error: o.error };
  });
}

/** The freshest answered probe of `uuid` by any voter, within the window. */
export function freshestAnswer(
  input: JudgeInput,
  uuid: string,
): { readonly node: string; readonly observation: Observation } | undefined {
  let best: { node: string; observation: Observation } | undefined;
  for (const node of [...input.voters].sort()) {
    const o = input.observations.get(node)?.get(uuid);
    if (o === undefined || !o.ok || !isFresh(input, o)) continue;
    if (best === undefined || o.at > best.observation.at) best = { node, observation: o };
  }
  return best;
}

/**
 * The group's reachable secondaries that replicate from `primary`, with
 * their IO thread as last seen. A secondary nobody reached recently, or one
 * replicating from elsewhere (or from nobody), says nothing about the
 * primary and is left out.
 */
export function secondarySights(
  input: JudgeInput,
  members: readonly Server[],
  primary: Server,
): SecondarySight[] {
  const out: SecondarySight[] = [];
  for (const s of members) {
    if (s.uuid === primary.uuid || (s.status !== 'SECONDARY' && s.status !== 'SPARE')) continue;
    const seen = freshestAnswer(input, s.uuid);
    const replica = seen?.observation.replica;
    if (seen === undefined || replica?.source !== primary.address) continue;
    const word = replicaWord(replica, input.settings.observationWindowMs);
    out.push({
      server: s.uuid,
      address: s.address,
      ioRunning: replica.ioRunning,
      ioError: replica.ioError,
      receiptAgeMs: replica.receiptAgeMs,
      heartbeatPeriodMs: replica.heartbeatPeriodMs,
      ...word,
      seenBy: seen.node,
      at: seen.observation.at,
    });
  }
  return out;
}

/**
 * Judges one replica's word about its source. A connected IO thread is
 * proof of life only while something arrives: with MASTER_HEARTBEAT_PERIOD
 * an idle source still sends a heartbeat each period (MariaDB manual,
 * CHANGE MASTER TO), so three periods of silence (or the observation
 * window, if longer) mean a half-open connection, which the IO thread
 * itself would only notice after slave_net_timeout (60 s). An unknown
 * receipt age (one probe so far) counts as alive: holding a failover back
 * for one round is cheap, two writable primaries are not.
 */
export function replicaWord(
  r: ReplicaView,
  windowMs: number,
): { readonly says: ReplicaWord; readonly why: string } {
  if (r.ioRunning === 'Yes') {
    const period = r.heartbeatPeriodMs;
    const limit = period === null || period <= 0 ? Infinity : Math.max(3 * period, windowMs);
    if (r.receiptAgeMs === null || r.receiptAgeMs <= limit)
      return {
        says: 'alive',
        why:
          r.receiptAgeMs === null
            ? 'IO thread connected (receipt not yet measured)'
            : `IO thread connected, received within ${r.receiptAgeMs} ms`,
      };
    return {
      says: 'lost',
      why: `IO thread connected but nothing received for ${r.receiptAgeMs} ms (heartbeat every ${period} ms)`,
    };
  }
  if (r.ioRunning === 'Connecting')
    return { says: 'lost', why: `IO thread reconnecting${r.ioError ? `: ${r.ioError}` : ''}` };
  if (r.ioError !== '') return { says: 'lost', why: `IO thread stopped: ${r.ioError}` };
  return { says: 'silent', why: 'IO thread stopped without an error (says nothing)' };
}

/** What the replicas together say about their primary. */
export interface ReplicaVerdict {
  /** At least one replica still receives from it. */
  readonly alive: boolean;
  /** At least one replica lost it and none receives from it. */
  readonly lost: boolean;
}

export function replicaVerdict(sights: readonly SecondarySight[]): ReplicaVerdict {
  const alive = sights.some((s) => s.says === 'alive');
  return { alive, lost: !alive && sights.some((s) => s.says === 'lost') };
}

export function viewJson(v: NodeView, now: number): JsonValue {
  return {
    node: v.node,
    state: v.state,
    at: v.at,
    ageMs: v.at === null ? null : now - v.at,
    error: v.error,
  };
}

export function sightJson(s: SecondarySight, now: number): JsonValue {
  return { ...s, ageMs: now - s.at };
}
